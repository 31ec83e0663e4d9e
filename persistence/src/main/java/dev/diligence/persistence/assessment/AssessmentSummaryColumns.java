package dev.diligence.persistence.assessment;

import static dev.diligence.persistence.assessment.AssessmentSql.integer;
import static dev.diligence.persistence.sql.Timestamps.instant;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.AssessmentStatus;
import dev.diligence.domain.assessment.AssessmentSummary;
import dev.diligence.domain.assessment.StoredScore;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.scoring.DimensionResult;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An assessment summary as columns of a statement, the recipe of {@link
 * dev.diligence.persistence.company.CompanyRows}: the {@code assessments} row under the alias
 * {@code a} with its stored headline numbers, its participants aggregated into arrays and its stored
 * dimension results packed into one text in framework order ({@link #dimensions(String)}), so that
 * showing a stored score (a publication's, or an unpublished assessment's working score, V024)
 * never reads criteria or evidence, nor runs the engine. A score is stored exactly when
 * {@code level_suppressed} is set. The columns carry the table's own names ({@code id},
 * {@code company_id}, {@code status}, {@code version}, ...): a statement that selects them beside
 * others names its own columns apart.
 */
public final class AssessmentSummaryColumns {

    /** The columns of {@code assessments a} and of {@link #DIMENSIONS}. */
    public static final String SELECT = """
            a.id, a.company_id, a.framework_version, a.status, a.models_in_production, a.eu_ai_act_tier,
                a.sensitive_domains, a.lowest_impact_ratio, a.fairness_mitigation_documented, a.lead_assessor,
                a.published_by, a.published_at, a.overall_score, a.overall_percentage, a.overall_floor, a.overall_confidence,
                a.coverage, a.level, a.level_suppressed, a.deal_level_red_flag, a.retracted_by, a.retraction_reason,
                a.retracted_at, a.version, a.created_at, a.updated_at,
                array(select p.subject from assessment_participants p where p.tenant_id = a.tenant_id
                      and p.assessment_id = a.id and p.role = 'EDITOR') as editors,
                array(select p.subject from assessment_participants p where p.tenant_id = a.tenant_id
                      and p.assessment_id = a.id and p.role = 'SUBMITTER') as submitters,
                d.dimensions""";

    /** The stored dimension results of {@code assessments a}, packed into one text column (see {@link #dimensions(String)}). */
    public static final String DIMENSIONS = """
            left join lateral (
                select string_agg(concat_ws(chr(31), r.dimension_code, r.weight, r.applicable, coalesce(r.score::text, ''),
                        coalesce(r.uncapped_score::text, ''), coalesce(r.capped_by, ''), coalesce(r.coverage::text, ''), r.provisional,
                        coalesce(r.confidence::text, '')), chr(30) order by r.position) as dimensions
                from assessment_dimension_results r where r.tenant_id = a.tenant_id and r.assessment_id = a.id) d on true""";

    private AssessmentSummaryColumns() {}

    /** The summary of the current row. */
    public static AssessmentSummary summary(ResultSet rs) throws SQLException {
        String publishedBy = rs.getString("published_by");
        return new AssessmentSummary(
                new AssessmentId(rs.getObject("id", UUID.class)),
                new CompanyId(rs.getObject("company_id", UUID.class)),
                rs.getInt("framework_version"),
                AssessmentStatus.valueOf(rs.getString("status")),
                rs.getString("lead_assessor"),
                AssessmentSql.context(rs),
                Set.of(strings(rs.getArray("editors"))),
                Set.of(strings(rs.getArray("submitters"))),
                publishedBy,
                instant(rs, "published_at"),
                rs.getObject("level_suppressed") == null ? null : storedScore(rs),
                AssessmentSql.retraction(rs),
                rs.getLong("version"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static StoredScore storedScore(ResultSet rs) throws SQLException {
        return new StoredScore(
                rs.getBigDecimal("overall_score"),
                rs.getBigDecimal("overall_percentage"),
                rs.getBigDecimal("overall_floor"),
                rs.getBigDecimal("overall_confidence"),
                rs.getBigDecimal("coverage"),
                integer(rs, "level"),
                rs.getBoolean("level_suppressed"),
                rs.getBoolean("deal_level_red_flag"),
                dimensions(rs.getString("dimensions")));
    }

    /**
     * The stored dimension results in framework order, packed by the statement into one text: the
     * results separated by the record separator (U+001E), the nine columns of each by the unit
     * separator (U+001F), an absent value empty (never a real code or number), numbers in
     * PostgreSQL's text form with their scale, so read back exactly as the driver reads them. One
     * string instead of nine arrays: the driver's array parsing was 7.7% of a dashboard request.
     * The codes are the framework's, which never contain those control characters.
     */
    static List<DimensionResult> dimensions(@Nullable String packed) {
        if (packed == null) {
            return List.of();
        }
        String[] rows = packed.split("\u001e");
        List<DimensionResult> dimensions = new ArrayList<>(rows.length);
        for (String row : rows) {
            String[] f = row.split("\u001f", -1);
            if (f.length != 9) {
                throw new IllegalStateException("a stored dimension result reads as " + f.length + " fields, not 9");
            }
            dimensions.add(new DimensionResult(
                    f[0],
                    new BigDecimal(f[1]),
                    flag(f[2]),
                    decimal(f[3]),
                    decimal(f[4]),
                    f[5].isEmpty() ? null : f[5],
                    decimal(f[6]),
                    flag(f[7]),
                    decimal(f[8])));
        }
        return dimensions;
    }

    private static @Nullable BigDecimal decimal(String text) {
        return text.isEmpty() ? null : new BigDecimal(text);
    }

    /** A boolean as PostgreSQL writes it: {@code t} or {@code f}. */
    private static boolean flag(String text) {
        return switch (text) {
            case "t" -> true;
            case "f" -> false;
            default -> throw new IllegalStateException("not a boolean: " + text);
        };
    }

    private static String[] strings(@Nullable Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
