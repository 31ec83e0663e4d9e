package dev.diligence.persistence.finding;

import dev.diligence.domain.finding.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A company's open findings as a column of another statement, the recipe of {@link
 * dev.diligence.persistence.company.CompanyRows}: the findings {@code OPEN} or
 * {@code IN_REMEDIATION}, not retired, over every assessment of the company (clarification 2),
 * counted per severity and packed into one text ({@code CRITICAL:2,HIGH:1}) named
 * {@code open_findings}. The statement binds {@code :tenant}. The predicate is the one of the partial
 * index {@code findings_open_by_assessment} (V026), so the count reads the index alone: change both
 * together.
 */
public final class OpenFindingColumns {

    /** The column the lateral join of {@link #of(String)} adds. */
    public static final String SELECT = "open_findings.packed as open_findings";

    private OpenFindingColumns() {}

    /** A lateral join counting the open findings of the company whose id is {@code companyId}, a column of the statement. */
    public static String of(String companyId) {
        return """
                left join lateral (
                    select string_agg(o.severity || ':' || o.findings, ',') as packed
                    from (select f.severity, count(*) as findings
                          from findings f join assessments fa on fa.tenant_id = f.tenant_id and fa.id = f.assessment_id
                          where f.tenant_id = :tenant and fa.tenant_id = :tenant and fa.company_id = %s
                            and f.retired_at is null and f.status in ('OPEN', 'IN_REMEDIATION')
                          group by f.severity) o) open_findings on true""".formatted(companyId);
    }

    /** The open findings of the current row per severity, every severity a key. */
    public static Map<Severity, Long> counts(ResultSet rs) throws SQLException {
        return counts(rs.getString("open_findings"));
    }

    static Map<Severity, Long> counts(@Nullable String packed) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0L);
        }
        if (packed != null) {
            for (String entry : packed.split(",")) {
                int colon = entry.indexOf(':');
                counts.put(Severity.valueOf(entry.substring(0, colon)), Long.parseLong(entry.substring(colon + 1)));
            }
        }
        return counts;
    }
}
