package dev.diligence.api.person;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.diligence.api.fault.FailureLog;
import dev.diligence.api.security.Authorities;
import dev.diligence.api.security.Caller;
import dev.diligence.api.security.CallerAuthentication;
import dev.diligence.domain.person.People;
import dev.diligence.domain.person.Person;
import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people of the caller's firm: remembers callers as their tokens describe them, and shows
 * subjects as people. Remembering writes only when a caller is new to this instance or their name
 * or email changed; what was written is trusted for {@link #REMEMBERED_FOR}, so an active person's
 * {@code last_seen_at} is at most that old.
 */
@Service
public class PeopleService {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(10);

    private record Key(TenantId tenant, String subject) {}

    private record Description(String name, @Nullable String email) {}

    private final People people;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Cache<Key, Description> written;
    private final FailureLog failures;

    PeopleService(People people, Clock clock, PlatformTransactionManager transactionManager, FailureLog failures) {
        this.people = people;
        this.failures = failures;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.written = Caffeine.newBuilder()
                .expireAfterWrite(REMEMBERED_FOR)
                .maximumSize(100_000)
                .build();
    }

    /**
     * Records the authenticated caller of the current thread in their firm, in a short transaction
     * of its own, unless the same description was recorded recently. Callers without a firm
     * (platform administrators) are not people of any firm and are skipped.
     */
    public void rememberCurrentCaller() {
        Optional<Caller> current =
                SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication
                        ? Optional.of(authentication.caller())
                        : Optional.empty();
        current.filter(caller ->
                        caller.tenant().isPresent() && !caller.subject().isBlank())
                .ifPresent(this::remember);
    }

    private void remember(Caller caller) {
        TenantId tenant = caller.tenant().map(Tenant::id).orElseThrow();
        String name = caller.name() == null || caller.name().isBlank()
                ? caller.subject()
                : caller.name().strip();
        Key key = new Key(tenant, caller.subject());
        Description description = new Description(name, caller.email());
        if (description.equals(written.getIfPresent(key))) {
            return;
        }
        try {
            transaction.executeWithoutResult(
                    status -> people.remember(new Person(caller.subject(), name, caller.email(), clock.instant())));
            written.put(key, description);
        } catch (DataAccessException | TransactionException failure) {
            // bookkeeping must not fail the caller's request; the next request tries again
            failures.failed("Remembering the caller", failure);
        }
    }

    /**
     * The recipe of a {@code Person} field: the person each source names, for a batch of sources
     * in one query. Sources naming nobody ({@code subject} gives null) are left out of the map,
     * which GraphQL answers as null.
     */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public <T> Map<T, PersonView> personOf(Collection<T> sources, Function<T, @Nullable String> subject) {
        Map<String, PersonView> bySubject =
                people(sources.stream().map(subject).filter(Objects::nonNull).toList());
        Map<T, PersonView> persons = new LinkedHashMap<>();
        sources.forEach(source -> Optional.ofNullable(subject.apply(source))
                .map(bySubject::get)
                .ifPresent(person -> persons.put(source, person)));
        return persons;
    }

    /** The recipe of a {@code [Person!]!} field: the people each source names, in its order, for a batch in one query. */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public <T> Map<T, List<PersonView>> peopleOf(Collection<T> sources, Function<T, List<String>> subjects) {
        Map<String, PersonView> bySubject = people(sources.stream()
                .flatMap(source -> subjects.apply(source).stream())
                .toList());
        Map<T, List<PersonView>> persons = new LinkedHashMap<>();
        sources.forEach(source -> persons.put(
                source, subjects.apply(source).stream().map(bySubject::get).toList()));
        return persons;
    }

    /**
     * Every one of {@code subjects} as a person of the caller's firm, by subject, in one query;
     * subjects never seen in the firm are shown by the subject itself.
     */
    private Map<String, PersonView> people(Collection<String> subjects) {
        Set<String> distinct = new LinkedHashSet<>(subjects);
        if (distinct.isEmpty()) {
            return Map.of();
        }
        Map<String, Person> known = people.findAll(distinct);
        Map<String, PersonView> views = new LinkedHashMap<>();
        distinct.forEach(subject -> views.put(
                subject,
                Optional.ofNullable(known.get(subject))
                        .map(PersonView::of)
                        .orElseGet(() -> PersonView.unknown(subject))));
        return views;
    }
}
