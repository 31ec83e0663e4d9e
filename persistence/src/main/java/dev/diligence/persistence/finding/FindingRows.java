package dev.diligence.persistence.finding;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingContent;
import dev.diligence.domain.finding.FindingId;
import dev.diligence.domain.finding.FindingSource;
import dev.diligence.domain.finding.FindingStatus;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.framework.Standard;
import dev.diligence.domain.framework.StandardReference;
import dev.diligence.persistence.sql.Timestamps;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The mapping between a {@link Finding} and its {@code findings} row (V015): parameters that state
 * {@code tenant_id} explicitly from the current tenant, instants in UTC truncated to the microseconds
 * the database keeps, and the references as two parallel text arrays (standard i with clause i).
 */
final class FindingRows {

    private FindingRows() {}

    /** Fresh parameters holding {@code :tenant}; no current tenant is a programming error. */
    static MapSqlParameterSource tenant(CurrentTenant currentTenant) {
        UUID tenant = currentTenant.required();
        return new MapSqlParameterSource("tenant", tenant);
    }

    /** Every column of the finding as a parameter of the same name in camel case. */
    static MapSqlParameterSource parameters(CurrentTenant currentTenant, Finding f) {
        FindingContent content = f.content();
        return tenant(currentTenant)
                .addValue("id", f.id().value())
                .addValue("assessment", f.assessment().value())
                .addValue("criterion", f.criterion())
                .addValue("title", content.title())
                .addValue("description", content.description())
                .addValue("severity", content.severity().name())
                .addValue("owner", content.owner())
                .addValue("dueDate", content.dueDate())
                .addValue("plan", content.remediationPlan())
                .addValue(
                        "standards",
                        textArray(content.references(), r -> r.standard().name()))
                .addValue("clauses", textArray(content.references(), StandardReference::clause))
                .addValue("sourceKind", f.source().kind().name())
                .addValue("ruleId", f.source().ruleId())
                .addValue("status", f.status().name())
                .addValue("openedAt", Timestamps.of(f.openedAt()))
                .addValue("closedAt", f.closedAt() == null ? null : Timestamps.of(f.closedAt()))
                .addValue("closingNote", f.closingNote())
                .addValue("version", f.version());
    }

    static Finding of(ResultSet rs) throws SQLException {
        String[] standards = (String[]) rs.getArray("reference_standards").getArray();
        String[] clauses = (String[]) rs.getArray("reference_clauses").getArray();
        List<StandardReference> references = new ArrayList<>();
        for (int i = 0; i < standards.length; i++) {
            references.add(new StandardReference(Standard.valueOf(standards[i]), clauses[i]));
        }
        FindingContent content = new FindingContent(
                rs.getString("title"),
                rs.getString("description"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("owner_subject"),
                rs.getObject("due_date", LocalDate.class),
                rs.getString("remediation_plan"),
                references);
        FindingSource source =
                new FindingSource(FindingSource.Kind.valueOf(rs.getString("source_kind")), rs.getString("rule_id"));
        return new Finding(
                new FindingId(rs.getObject("id", UUID.class)),
                new AssessmentId(rs.getObject("assessment_id", UUID.class)),
                rs.getString("criterion_code"),
                content,
                source,
                FindingStatus.valueOf(rs.getString("status")),
                Timestamps.instant(rs, "opened_at"),
                Timestamps.instant(rs, "closed_at"),
                rs.getString("closing_note"),
                rs.getLong("version"));
    }

    /** A PostgreSQL array literal, every element quoted, for {@code cast(:x as text[])}. */
    private static String textArray(List<StandardReference> references, Function<StandardReference, String> element) {
        return references.stream()
                .map(element)
                .map(value -> '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }
}
