package dev.diligence.api.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database could not be reached" (UNAVAILABLE) and which do not. */
class TransientFailuresTest {

    @Test
    void failuresToReachTheDatabaseAreTransientWhereverTheyAreInTheChain() {
        assertThat(TransientFailures.isTransient(new CannotCreateTransactionException("no begin")))
                .isTrue();
        assertThat(TransientFailures.isTransient(
                        new RuntimeException(new SQLTransientConnectionException("pool timeout"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new TransactionSystemException(
                        "Could not roll back JDBC transaction", new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(TransientFailures.isTransient(null)).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException(
                        "duplicate", new SQLException("duplicate key value violates unique constraint", "23505"))))
                .isFalse();
        assertThat(TransientFailures.isTransient(new QueryTimeoutException(
                        "statement timeout",
                        new SQLException("canceling statement due to statement timeout", "57014"))))
                .isFalse();
        assertThat(TransientFailures.isTransient(new RuntimeException(new ConnectException("not a database"))))
                .isFalse();
    }

    @Test
    void aCauseChainWithACycleEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(TransientFailures.isTransient(first)).isFalse();
    }
}
