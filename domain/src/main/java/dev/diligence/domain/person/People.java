package dev.diligence.domain.person;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Port to the people of the current tenant. Every method runs inside the caller's transaction of
 * the current tenant; another tenant's people are never seen.
 */
public interface People {

    /** Records {@code person} as its token describes it now: inserted when unknown, else overwritten. */
    void remember(Person person);

    Optional<Person> find(String subject);

    /** The known people among {@code subjects}, by subject; subjects never seen are absent. One query. */
    Map<String, Person> findAll(Collection<String> subjects);
}
