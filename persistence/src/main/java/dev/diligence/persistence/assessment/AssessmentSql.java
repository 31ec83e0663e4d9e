package dev.diligence.persistence.assessment;

import dev.diligence.persistence.tenancy.CurrentTenant;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What the assessment adapter's collaborators share: every statement states {@code tenant_id}
 * explicitly from the current tenant (row-level security checks it again), and instants are stored
 * in UTC truncated to the microseconds the database keeps.
 */
final class AssessmentSql {

    /** The participant roles as stored in {@code assessment_participants.role}. */
    static final String EDITOR = "EDITOR";
    static final String SUBMITTER = "SUBMITTER";

    private AssessmentSql() {
    }

    /** Fresh parameters holding {@code :tenant}; no current tenant is a programming error. */
    static MapSqlParameterSource tenant(CurrentTenant currentTenant) {
        UUID tenant = currentTenant.get().orElseThrow(() -> new IllegalStateException("assessments need a current tenant")).value();
        return new MapSqlParameterSource("tenant", tenant);
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
