package dev.diligence.persistence.person;

import dev.diligence.domain.person.People;
import dev.diligence.domain.person.Person;
import dev.diligence.domain.tenant.TenantId;
import dev.diligence.persistence.sql.Timestamps;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * People of the current tenant in the table {@code people}, in native SQL: {@code tenant_id} is
 * stated explicitly from {@link CurrentTenant} (Hibernate's {@code @TenantId} does not reach native
 * SQL) and row-level security checks it again. Every method runs inside the caller's transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class PeoplePersistenceAdapter implements People {

    private static final String COLUMNS = "subject, display_name, email, last_seen_at";

    private final JdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    PeoplePersistenceAdapter(JdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    @Override
    public void remember(Person person) {
        OffsetDateTime seenAt = Timestamps.of(person.lastSeenAt());
        jdbc.update("""
                insert into people (tenant_id, subject, display_name, email, first_seen_at, last_seen_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, subject) do update
                    set display_name = excluded.display_name,
                        email = excluded.email,
                        last_seen_at = excluded.last_seen_at""", tenant().value(), person.subject(), person.displayName(), person.email(), seenAt, seenAt);
    }

    @Override
    public Optional<Person> find(String subject) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from people where tenant_id = ? and subject = ?",
                        PeoplePersistenceAdapter::toPerson,
                        tenant().value(),
                        subject)
                .stream()
                .findFirst();
    }

    @Override
    public Map<String, Person> findAll(Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return Map.of();
        }
        String[] distinct = subjects.stream().distinct().toArray(String[]::new);
        List<Person> found = jdbc.query(
                "select " + COLUMNS + " from people where tenant_id = ? and subject = any (?)",
                statement -> {
                    statement.setObject(1, tenant().value());
                    statement.setArray(2, statement.getConnection().createArrayOf("text", distinct));
                },
                PeoplePersistenceAdapter::toPerson);
        Map<String, Person> bySubject = new LinkedHashMap<>();
        found.forEach(person -> bySubject.put(person.subject(), person));
        return bySubject;
    }

    private TenantId tenant() {
        return currentTenant
                .get()
                .orElseThrow(() -> new IllegalStateException("people are reachable only inside a tenant"));
    }

    private static Person toPerson(ResultSet row, int index) throws SQLException {
        return new Person(
                row.getString("subject"),
                row.getString("display_name"),
                row.getString("email"),
                row.getObject("last_seen_at", OffsetDateTime.class).toInstant());
    }
}
