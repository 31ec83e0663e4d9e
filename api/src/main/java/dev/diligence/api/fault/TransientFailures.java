package dev.diligence.api.fault;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure to reach the database, which passes by itself (restart, crash, outage, a pool with
 * no free connection), from everything else. Such a failure is answered as UNAVAILABLE, never as a
 * bug (INTERNAL_ERROR) and never as "not found".
 */
public final class TransientFailures {

    private TransientFailures() {}

    /**
     * Whether {@code failure}, or any exception in its cause chain, says the database could not be
     * reached or went away: a transaction that could not begin, no connection from the pool in time,
     * a broken or refused connection (SQLState class 08), the server shutting down, crashed or not
     * yet accepting connections (57P01, 57P02, 57P03), or a connection the pool closed under the
     * transaction because it broke (then even the rollback fails, and its failure is what remains).
     */
    public static boolean isTransient(@Nullable Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            if (current instanceof CannotCreateTransactionException
                    || current instanceof DataAccessResourceFailureException
                    || current instanceof SQLTransientConnectionException
                    || current instanceof SQLRecoverableException
                    || current instanceof SQLException sql && (unreachable(sql.getSQLState()) || closedByPool(sql))) {
                return true;
            }
        }
        return false;
    }

    /** HikariCP's answer, without an SQLState, to any use of a connection it has closed: it does so when the connection broke. */
    private static boolean closedByPool(SQLException failure) {
        return failure.getSQLState() == null && "Connection is closed".equals(failure.getMessage());
    }

    private static boolean unreachable(@Nullable String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || sqlState.equals("57P01")
                        || sqlState.equals("57P02")
                        || sqlState.equals("57P03"));
    }
}
