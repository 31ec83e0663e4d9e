package dev.diligence.persistence.assessment;

import dev.diligence.domain.assessment.Retraction;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.EuAiActTier;
import dev.diligence.domain.scoring.SensitiveDomain;
import dev.diligence.persistence.sql.Timestamps;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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

    private AssessmentSql() {}

    /** Fresh parameters holding {@code :tenant}; no current tenant is a programming error. */
    static MapSqlParameterSource tenant(CurrentTenant currentTenant) {
        UUID tenant = currentTenant.required();
        return new MapSqlParameterSource("tenant", tenant);
    }

    /** The context columns of an {@code assessments} row. */
    static AssessmentContext context(ResultSet rs) throws SQLException {
        Set<SensitiveDomain> domains = Arrays.stream(
                        (String[]) rs.getArray("sensitive_domains").getArray())
                .map(SensitiveDomain::valueOf)
                .collect(Collectors.toSet());
        return new AssessmentContext(
                rs.getBoolean("models_in_production"),
                EuAiActTier.valueOf(rs.getString("eu_ai_act_tier")),
                domains,
                rs.getBigDecimal("lowest_impact_ratio"),
                rs.getBoolean("fairness_mitigation_documented"));
    }

    /** The retraction columns of an {@code assessments} row; null while it is not retracted. */
    static @Nullable Retraction retraction(ResultSet rs) throws SQLException {
        String retractedBy = rs.getString("retracted_by");
        return retractedBy == null
                ? null
                : new Retraction(
                        retractedBy, rs.getString("retraction_reason"), Timestamps.instant(rs, "retracted_at"));
    }

    static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
