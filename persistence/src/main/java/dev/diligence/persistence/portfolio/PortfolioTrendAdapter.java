package dev.diligence.persistence.portfolio;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.portfolio.ComparedCompany;
import dev.diligence.domain.portfolio.DimensionChange;
import dev.diligence.domain.portfolio.PortfolioTrends;
import dev.diligence.domain.portfolio.ScoreChange;
import dev.diligence.domain.portfolio.TrendPoint;
import dev.diligence.domain.portfolio.TrendQuery;
import dev.diligence.persistence.sql.Timestamps;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portfolio trends and company comparisons aggregated in PostgreSQL over the scores stored at
 * publication: two statements for the points of a trend (however many), one for its changes (a
 * {@code lag()} window over each company's publications), one for a comparison. The statistics are
 * {@link TrendStatisticQueries}'; the changes' deltas are exact subtractions of the stored 10-place scores.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class PortfolioTrendAdapter implements PortfolioTrends {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;
    private final TrendStatisticQueries statistics;
    private final ComparisonRows comparison;

    PortfolioTrendAdapter(
            NamedParameterJdbcTemplate jdbc,
            CurrentTenant currentTenant,
            TrendStatisticQueries statistics,
            ComparisonRows comparison) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
        this.statistics = statistics;
        this.comparison = comparison;
    }

    @Override
    public List<TrendPoint> points(TrendQuery query) {
        return statistics.points(query);
    }

    /**
     * The chain of each held company's publications under the version, published by {@code to} and not
     * retracted by then, ordered as {@code LatestPublished} orders them; {@code lag()} pairs each with its
     * predecessor, and the pairs whose later publication is in the window are kept.
     */
    @Override
    public List<ScoreChange> changes(TrendQuery query) {
        return jdbc.query(
                PortfolioTrendSql.held(query) + """
                , chain as (
                    select a.id, a.company_id, a.published_at, a.overall_score, a.level, a.level_suppressed,
                        lag(a.id) over w as before_id, lag(a.published_at) over w as before_published_at,
                        lag(a.overall_score) over w as before_overall, lag(a.level) over w as before_level,
                        lag(a.level_suppressed) over w as before_suppressed
                    from assessments a
                    where a.tenant_id = :tenant and a.company_id in (select company_id from held) and a.framework_version = :version
                      and a.published_at is not null and a.published_at <= :to
                      and (a.retracted_at is null or a.retracted_at > :to)
                    window w as (partition by a.company_id order by a.published_at, a.id)
                )
                select c.*,
                    (select array_agg(d.dimension_code || '=' || coalesce(d.score::text, '') order by d.position)
                       from assessment_dimension_results d where d.tenant_id = :tenant and d.assessment_id = c.before_id) as before_dimensions,
                    (select array_agg(d.dimension_code || '=' || coalesce(d.score::text, '') order by d.position)
                       from assessment_dimension_results d where d.tenant_id = :tenant and d.assessment_id = c.id) as after_dimensions
                from chain c join companies co on co.tenant_id = :tenant and co.id = c.company_id
                where c.before_id is not null and c.published_at >= :from
                order by co.name, c.company_id, c.published_at, c.id""",
                PortfolioTrendSql.parameters(currentTenant, query),
                (rs, index) -> change(rs));
    }

    @Override
    public List<ComparedCompany> compare(List<CompanyId> companies, Instant asOf) {
        return comparison.compare(companies, asOf);
    }

    private static ScoreChange change(ResultSet rs) throws SQLException {
        Map<String, String[]> dimensions = new LinkedHashMap<>();
        List<String> before = TrendStatisticQueries.strings(rs, "before_dimensions");
        List<String> after = TrendStatisticQueries.strings(rs, "after_dimensions");
        for (String entry : before) {
            String[] parts = entry.split("=", 2);
            dimensions.computeIfAbsent(parts[0], code -> new String[2])[0] = parts[1];
        }
        for (String entry : after) {
            String[] parts = entry.split("=", 2);
            dimensions.computeIfAbsent(parts[0], code -> new String[2])[1] = parts[1];
        }
        List<DimensionChange> changes = new ArrayList<>();
        dimensions.forEach((code, scores) -> changes.add(new DimensionChange(
                code, TrendStatisticQueries.decimal(scores[0]), TrendStatisticQueries.decimal(scores[1]))));
        return new ScoreChange(
                new CompanyId(rs.getObject("company_id", UUID.class)),
                new AssessmentId(rs.getObject("before_id", UUID.class)),
                Timestamps.instant(rs, "before_published_at"),
                new AssessmentId(rs.getObject("id", UUID.class)),
                Timestamps.instant(rs, "published_at"),
                rs.getBigDecimal("before_overall"),
                rs.getBigDecimal("overall_score"),
                integer(rs, "before_level"),
                integer(rs, "level"),
                rs.getBoolean("before_suppressed"),
                rs.getBoolean("level_suppressed"),
                changes);
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
