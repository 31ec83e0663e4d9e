package dev.diligence.api.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.CannotCreateTransactionException;

/** One line per failure, a stack trace once per cause, a counter per kind and cause. */
@ExtendWith(OutputCaptureExtension.class)
class FailureLogTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FailureLog log = new FailureLog(meters);

    @Test
    void aRepeatedCauseIsOneLineEachAndItsStackTraceOnce(CapturedOutput output) {
        for (int i = 0; i < 3; i++) {
            log.failed("GraphQL field /node", unreachable());
        }

        assertThat(output.getOut()
                        .lines()
                        .filter(line -> line.contains("GraphQL field /node failed, database unavailable:"))
                        .toList())
                .hasSize(3)
                .allMatch(line -> line.contains("ConnectException: Connection refused"));
        assertThat(output.getOut().lines().filter(line -> line.startsWith("Caused by: java.net.ConnectException")))
                .hasSize(1);
        assertThat(meters.counter("diligence.failures", "kind", "unavailable", "cause", "ConnectException")
                        .count())
                .isEqualTo(3.0);
    }

    @Test
    void anotherCauseGetsItsOwnStackTraceAndCounter(CapturedOutput output) {
        log.failed("GraphQL field /node", unreachable());
        log.failed("GraphQL field /fund", bug());
        log.failed("GraphQL field /fund", bug());

        assertThat(output.getOut()
                        .lines()
                        .filter(line -> line.contains("GraphQL field /fund failed: IllegalStateException: a bug")))
                .hasSize(2);
        assertThat(output.getOut().lines().filter(line -> line.startsWith("java.lang.IllegalStateException: a bug")))
                .hasSize(1);
        assertThat(meters.counter("diligence.failures", "kind", "internal", "cause", "IllegalStateException")
                        .count())
                .isEqualTo(2.0);
        assertThat(meters.counter("diligence.failures", "kind", "unavailable", "cause", "ConnectException")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void theSqlStateOfTheRootCauseIsNamed(CapturedOutput output) {
        log.failed(
                "POST /graphql",
                new CannotCreateTransactionException(
                        "could not begin", new SQLException("terminating connection", "57P01")));

        assertThat(output.getOut())
                .contains(
                        "POST /graphql failed, database unavailable: SQLException (SQLState 57P01): terminating connection");
    }

    /** The same bug each time: thrown from the same place. */
    private static Exception bug() {
        return new IllegalStateException("a bug");
    }

    private static Exception unreachable() {
        return new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available", new ConnectException("Connection refused")));
    }
}
