package dev.diligence.persistence.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

class UniqueViolationsTest {

    @Test
    void readsTheConstraintOfAUniqueViolationThroughItsWrappers() {
        PSQLException reported = report("23505", "funds_name_unique");

        assertThat(UniqueViolations.constraintOf(reported)).contains("funds_name_unique");
        assertThat(UniqueViolations.constraintOf(new DuplicateKeyException("duplicate", reported)))
                .contains("funds_name_unique");
        assertThat(UniqueViolations.constraintOf(
                        new DataIntegrityViolationException("commit", new IllegalStateException("flush", reported))))
                .contains("funds_name_unique");
    }

    @Test
    void readsTheNextExceptionOfABatch() {
        BatchUpdateException batch =
                new BatchUpdateException("batch entry 3 was aborted", "23505", 0, new int[0], null);
        batch.setNextException(report("23505", "holdings_company_once_per_fund"));

        assertThat(UniqueViolations.constraintOf(new DuplicateKeyException("batch", batch)))
                .contains("holdings_company_once_per_fund");
    }

    @Test
    void otherFailuresNameNoUniqueConstraint() {
        assertThat(UniqueViolations.constraintOf(report("23503", "holdings_tenant_id_fund_id_fkey")))
                .isEmpty();
        assertThat(UniqueViolations.constraintOf(new SQLException("duplicate", "23505")))
                .isEmpty();
        assertThat(UniqueViolations.constraintOf(new IllegalStateException("no database here")))
                .isEmpty();
    }

    /** A PostgreSQL error report of {@code sqlState} naming {@code constraint}, as the server sends it. */
    private static PSQLException report(String sqlState, String constraint) {
        return new PSQLException(
                new ServerErrorMessage("SERROR\0C" + sqlState + "\0Mviolation\0n" + constraint + "\0"));
    }
}
