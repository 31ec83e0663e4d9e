package dev.diligence.api.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class UniqueRacesTest {

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aCallThatLostARaceOnAGuardedConstraintRunsAgain() {
        String result = UniqueRaces.run(failingTimes(1, violationOf("funds_name_unique")));

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aRuleViolationOfTheSecondRunIsItsAnswer() {
        Supplier<String> call = () -> {
            if (attempts.incrementAndGet() == 1) {
                throw violationOf("fund_grants_once");
            }
            throw new RuleViolationException(Violation.of("subject", ViolationCode.ALREADY_EXISTS, "taken"));
        };

        assertThatThrownBy(() -> UniqueRaces.run(call)).isInstanceOf(RuleViolationException.class);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aViolationOfAnUnguardedConstraintIsAFault() {
        DuplicateKeyException unguarded = violationOf("sync_requests_pkey");

        assertThatThrownBy(() -> UniqueRaces.run(failingTimes(1, unguarded))).isSameAs(unguarded);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void otherFailuresAreNotRunAgain() {
        IllegalStateException bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> UniqueRaces.run(failingTimes(1, bug))).isSameAs(bug);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aCallLosingEveryAttemptFailsWithItsLastViolation() {
        DuplicateKeyException lost = violationOf("holdings_company_once_per_fund");

        assertThatThrownBy(() -> UniqueRaces.run(failingTimes(UniqueRaces.MAX_ATTEMPTS, lost)))
                .isSameAs(lost);
        assertThat(attempts).hasValue(UniqueRaces.MAX_ATTEMPTS);
    }

    @Test
    void insideATransactionALostRaceIsNotRunAgain() {
        DuplicateKeyException lost = violationOf("tenants_key_key");
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> UniqueRaces.run(failingTimes(1, lost))).isSameAs(lost);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(attempts).hasValue(1);
    }

    /** A call failing with {@code failure} its first {@code times} attempts, then answering "done". */
    private Supplier<String> failingTimes(int times, RuntimeException failure) {
        return () -> {
            if (attempts.incrementAndGet() <= times) {
                throw failure;
            }
            return "done";
        };
    }

    /** A unique violation of {@code constraint} as Spring reports PostgreSQL's. */
    private static DuplicateKeyException violationOf(String constraint) {
        PSQLException reported = new PSQLException(
                new ServerErrorMessage("SERROR\0C23505\0Mduplicate key value violates unique constraint \"" + constraint
                        + "\"\0n" + constraint + "\0"));
        return new DuplicateKeyException("duplicate key", reported);
    }
}
