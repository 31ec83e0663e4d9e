package dev.diligence.persistence.assessment;

import static dev.diligence.persistence.assessment.AssessmentSql.instant;
import static dev.diligence.persistence.assessment.AssessmentSql.integer;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.AssessmentStatus;
import dev.diligence.domain.assessment.AssessmentSummaries;
import dev.diligence.domain.assessment.AssessmentSummary;
import dev.diligence.domain.assessment.StoredScore;
import dev.diligence.domain.assessment.SummaryWithCompany;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.scoring.DimensionResult;
import dev.diligence.persistence.company.CompanyColumns;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessment summaries in one statement each: the {@code assessments} row with its stored headline
 * numbers, its participants and its stored dimension results aggregated into arrays in framework
 * order, so that showing a stored score (a publication's, or an unpublished assessment's working
 * score, V024) never reads criteria or evidence, nor runs the engine. A score is stored exactly when
 * {@code level_suppressed} is set.
 * States {@code tenant_id} explicitly; row-level security (tenant and fund scope) checks it again.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
class AssessmentSummaryReader implements AssessmentSummaries {

    private static final String COLUMNS = """
            a.id, a.company_id, a.framework_version, a.status, a.models_in_production, a.eu_ai_act_tier,
                a.sensitive_domains, a.lowest_impact_ratio, a.fairness_mitigation_documented, a.lead_assessor,
                a.published_by, a.published_at, a.overall_score, a.overall_percentage, a.overall_floor, a.overall_confidence,
                a.coverage, a.level, a.level_suppressed, a.deal_level_red_flag, a.retracted_by, a.retraction_reason,
                a.retracted_at, a.version, a.created_at, a.updated_at,
                array(select p.subject from assessment_participants p where p.tenant_id = a.tenant_id
                      and p.assessment_id = a.id and p.role = 'EDITOR') as editors,
                array(select p.subject from assessment_participants p where p.tenant_id = a.tenant_id
                      and p.assessment_id = a.id and p.role = 'SUBMITTER') as submitters,
                d.codes, d.weights, d.applicable, d.scores, d.uncapped_scores, d.capped_by, d.coverages, d.provisional,
                d.confidences""";

    private static final String DIMENSIONS = """
            left join lateral (
                select array_agg(r.dimension_code order by r.position) as codes, array_agg(r.weight order by r.position) as weights,
                    array_agg(r.applicable order by r.position) as applicable, array_agg(r.score order by r.position) as scores,
                    array_agg(r.uncapped_score order by r.position) as uncapped_scores,
                    array_agg(r.capped_by order by r.position) as capped_by, array_agg(r.coverage order by r.position) as coverages,
                    array_agg(r.provisional order by r.position) as provisional,
                    array_agg(r.confidence order by r.position) as confidences
                from assessment_dimension_results r where r.tenant_id = a.tenant_id and r.assessment_id = a.id) d on true""";

    private static final String SELECT = "select " + COLUMNS + "\nfrom assessments a\n" + DIMENSIONS + "\nwhere a.tenant_id = :tenant and ";

    /** The same with the assessment's company ({@link CompanyColumns}), joined by its key. */
    private static final String SELECT_WITH_COMPANY = "select " + COLUMNS + ",\n" + CompanyColumns.SELECT + "\nfrom assessments a\n" + DIMENSIONS
            + "\njoin companies co on co.tenant_id = a.tenant_id and co.id = a.company_id\n" + CompanyColumns.REFERENCES
            + "\nwhere a.tenant_id = :tenant and ";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    AssessmentSummaryReader(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    @Override
    public Optional<SummaryWithCompany> findWithCompany(AssessmentId id) {
        return jdbc.query(SELECT_WITH_COMPANY + "a.id = :id", AssessmentSql.tenant(currentTenant).addValue("id", id.value()),
                (rs, index) -> new SummaryWithCompany(summary(rs), CompanyColumns.company(rs))).stream().findFirst();
    }

    @Override
    public List<AssessmentSummary> findAll(Collection<AssessmentId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + "a.id in (:ids)", AssessmentSql.tenant(currentTenant)
                .addValue("ids", ids.stream().map(AssessmentId::value).distinct().toList()), (rs, index) -> summary(rs));
    }

    /**
     * Each company's latest publication not retracted, as the database keeps it flagged at every
     * publication and retraction (V025; ties of publication time broken by the greater id, as
     * {@code LatestPublished} breaks them): one probe of a partial index per company.
     */
    @Override
    public Map<CompanyId, AssessmentSummary> latestPublished(Collection<CompanyId> companies) {
        Map<CompanyId, AssessmentSummary> latest = new LinkedHashMap<>();
        if (companies.isEmpty()) {
            return latest;
        }
        MapSqlParameterSource parameters = AssessmentSql.tenant(currentTenant)
                .addValue("companies", companies.stream().map(CompanyId::value).distinct().toList());
        jdbc.query(SELECT + """
                a.company_id in (:companies) and a.latest_publication""", parameters, (rs, index) -> summary(rs))
                .forEach(summary -> latest.put(summary.company(), summary));
        return latest;
    }

    private static AssessmentSummary summary(ResultSet rs) throws SQLException {
        String publishedBy = rs.getString("published_by");
        return new AssessmentSummary(new AssessmentId(rs.getObject("id", UUID.class)), new CompanyId(rs.getObject("company_id", UUID.class)),
                rs.getInt("framework_version"), AssessmentStatus.valueOf(rs.getString("status")), rs.getString("lead_assessor"),
                AssessmentSql.context(rs), Set.of(strings(rs.getArray("editors"))), Set.of(strings(rs.getArray("submitters"))),
                publishedBy, instant(rs, "published_at"), rs.getObject("level_suppressed") == null ? null : storedScore(rs),
                AssessmentSql.retraction(rs),
                rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static StoredScore storedScore(ResultSet rs) throws SQLException {
        String[] codes = strings(rs.getArray("codes"));
        List<DimensionResult> dimensions = new ArrayList<>(codes.length);
        if (codes.length > 0) {
            BigDecimal[] weights = decimals(rs.getArray("weights"));
            Boolean[] applicable = (Boolean[]) rs.getArray("applicable").getArray();
            BigDecimal[] scores = decimals(rs.getArray("scores"));
            BigDecimal[] uncapped = decimals(rs.getArray("uncapped_scores"));
            String[] cappedBy = strings(rs.getArray("capped_by"));
            BigDecimal[] coverages = decimals(rs.getArray("coverages"));
            Boolean[] provisional = (Boolean[]) rs.getArray("provisional").getArray();
            BigDecimal[] confidences = decimals(rs.getArray("confidences"));
            for (int i = 0; i < codes.length; i++) {
                dimensions.add(new DimensionResult(codes[i], weights[i], applicable[i], scores[i], uncapped[i], cappedBy[i],
                        coverages[i], provisional[i], confidences[i]));
            }
        }
        return new StoredScore(rs.getBigDecimal("overall_score"), rs.getBigDecimal("overall_percentage"),
                rs.getBigDecimal("overall_floor"), rs.getBigDecimal("overall_confidence"), rs.getBigDecimal("coverage"),
                integer(rs, "level"), rs.getBoolean("level_suppressed"), rs.getBoolean("deal_level_red_flag"), dimensions);
    }

    private static String[] strings(@Nullable Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static BigDecimal[] decimals(Array array) throws SQLException {
        return (BigDecimal[]) array.getArray();
    }
}
