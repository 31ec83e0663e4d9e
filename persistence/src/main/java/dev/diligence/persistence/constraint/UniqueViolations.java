package dev.diligence.persistence.constraint;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads which unique constraint a failed write violated, from PostgreSQL's own report of the error
 * (SQLState 23505, {@code unique_violation}): the name of the constraint or unique index, as the
 * migrations name it. Whatever wraps the report (Spring's {@code DataAccessException}s, Hibernate's
 * {@code ConstraintViolationException}, a JDBC batch's {@code BatchUpdateException}) is looked through.
 */
public final class UniqueViolations {

    /** SQLState of a unique violation. */
    static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {}

    /**
     * The constraint (or unique index) whose violation {@code failure} reports, anywhere in its chain of
     * causes and next exceptions; empty when it reports no unique violation, or one without a name.
     */
    public static Optional<String> constraintOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return find(failure, seen);
    }

    private static Optional<String> find(Throwable failure, Set<Throwable> seen) {
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            if (current instanceof PSQLException reported && UNIQUE_VIOLATION.equals(reported.getSQLState())) {
                ServerErrorMessage message = reported.getServerErrorMessage();
                if (message != null && message.getConstraint() != null) {
                    return Optional.of(message.getConstraint());
                }
            }
            if (current instanceof SQLException sql && sql.getNextException() != null) {
                Optional<String> next = find(sql.getNextException(), seen);
                if (next.isPresent()) {
                    return next;
                }
            }
        }
        return Optional.empty();
    }
}
