package dev.diligence.api.person;

import dev.diligence.domain.person.Person;
import org.jspecify.annotations.Nullable;

/** GraphQL {@code Person}: someone known by token subject, shown by name. */
public record PersonView(
        String subject, String name, @Nullable String email) {

    public static PersonView of(Person person) {
        return new PersonView(person.subject(), person.displayName(), person.email());
    }

    /** A subject that never acted in the caller's firm: shown by the subject itself. */
    public static PersonView unknown(String subject) {
        return new PersonView(subject, subject, null);
    }
}
