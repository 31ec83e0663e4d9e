package dev.diligence.persistence.portfolio;

import dev.diligence.domain.portfolio.ScoreStatistics;
import dev.diligence.domain.portfolio.TrendPeriod;
import dev.diligence.domain.portfolio.TrendPoint;
import dev.diligence.domain.portfolio.TrendQuery;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The statistics of every point of a trend in two statements, whatever the number of points: the
 * score statistics per point and metric, and the level distribution and counts per point. The same
 * exact definitions as the portfolio summary: sums, counts, minima and maxima of the stored 10-place
 * scores, the median and quartiles interpolated linearly between the two nearest ranks in numeric
 * arithmetic ({@code percentile_cont}'s definition), the mean's division in Java at 10 places half
 * even. Called only from {@link PortfolioTrendAdapter}, in its mandatory transaction.
 */
@Component
class TrendStatisticQueries {

    private static final String OVERALL = "OVERALL";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    TrendStatisticQueries(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    List<TrendPoint> points(TrendQuery query) {
        MapSqlParameterSource parameters = PortfolioTrendSql.parameters(currentTenant, query);
        Map<Integer, Map<String, ScoreStatistics>> statistics = new HashMap<>();
        jdbc.query(PortfolioTrendSql.withPoints(query) + """
                , scores as (
                    select c.i, 'OVERALL' as metric, 0 as position, c.overall_score as s from cohort c where c.overall_score is not null
                    union all
                    select c.i, d.dimension_code, d.position + 1, d.score from assessment_dimension_results d
                    join cohort c on d.tenant_id = :tenant and d.assessment_id = c.id where d.score is not null
                ),
                ranked as (
                    select i, metric, position, s, row_number() over (partition by i, metric order by s) - 1 as r,
                        count(*) over (partition by i, metric) as n
                    from scores
                ),
                grouped as (
                    select i, metric, min(position) as position, count(*) as n, sum(s) as total, min(s) as low, max(s) as high,
                        -- the ranks floor(p * (n - 1)) and ceil(p * (n - 1)) in integer arithmetic, as the portfolio's summary
                        min(s) filter (where r = (n - 1) / 4) as q1_lo, min(s) filter (where r = (n + 2) / 4) as q1_hi,
                        min(s) filter (where r = (n - 1) / 2) as q2_lo, min(s) filter (where r = n / 2) as q2_hi,
                        min(s) filter (where r = 3 * (n - 1) / 4) as q3_lo, min(s) filter (where r = (3 * n) / 4) as q3_hi
                    from ranked group by i, metric
                )
                select i, metric, n, total, low, high,
                    q1_lo + (0.25 * (n - 1) - floor(0.25 * (n - 1))) * (q1_hi - q1_lo) as q1,
                    q2_lo + (0.5 * (n - 1) - floor(0.5 * (n - 1))) * (q2_hi - q2_lo) as q2,
                    q3_lo + (0.75 * (n - 1) - floor(0.75 * (n - 1))) * (q3_hi - q3_lo) as q3
                from grouped order by i, position""", parameters, rs -> {
            int n = rs.getInt("n");
            statistics
                    .computeIfAbsent(rs.getInt("i"), i -> new LinkedHashMap<>())
                    .put(
                            rs.getString("metric"),
                            new ScoreStatistics(
                                    n,
                                    ScoreStatistics.mean(rs.getBigDecimal("total"), n),
                                    strip(rs.getBigDecimal("q2")),
                                    rs.getBigDecimal("low"),
                                    rs.getBigDecimal("high"),
                                    strip(rs.getBigDecimal("q1")),
                                    strip(rs.getBigDecimal("q3"))));
        });

        List<TrendPeriod> periods = query.periods();
        List<TrendPoint> points = new ArrayList<>();
        jdbc.query(PortfolioTrendSql.withPoints(query) + """
                select p.i,
                    count(h.company_id) filter (where l.id is null) as unassessed,
                    count(*) filter (where l.framework_version <> :version) as other_versions,
                    count(*) filter (where l.framework_version = :version and l.level_suppressed) as suppressed,
                    count(*) filter (where l.framework_version = :version and not l.level_suppressed and l.level = 0) as level0,
                    count(*) filter (where l.framework_version = :version and not l.level_suppressed and l.level = 1) as level1,
                    count(*) filter (where l.framework_version = :version and not l.level_suppressed and l.level = 2) as level2,
                    count(*) filter (where l.framework_version = :version and not l.level_suppressed and l.level = 3) as level3,
                    count(*) filter (where l.framework_version = :version and not l.level_suppressed and l.level = 4) as level4
                from points p
                left join held h on true
                left join latest l on l.i = p.i and l.company_id = h.company_id
                group by p.i order by p.i""", parameters, rs -> {
            int i = rs.getInt("i");
            Map<String, ScoreStatistics> metrics = new HashMap<>(statistics.getOrDefault(i, Map.of()));
            ScoreStatistics overall = metrics.getOrDefault(OVERALL, ScoreStatistics.empty());
            metrics.remove(OVERALL);
            List<Integer> levels = List.of(
                    rs.getInt("level0"),
                    rs.getInt("level1"),
                    rs.getInt("level2"),
                    rs.getInt("level3"),
                    rs.getInt("level4"));
            points.add(new TrendPoint(
                    periods.get(i - 1),
                    overall.count(),
                    overall,
                    metrics,
                    levels,
                    rs.getInt("suppressed"),
                    rs.getInt("unassessed"),
                    rs.getInt("other_versions")));
        });
        return points;
    }

    /** The interpolation's exact value without trailing zeros beyond the scores' 10 places. */
    static BigDecimal strip(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < ScoreStatistics.SCALE ? stripped.setScale(ScoreStatistics.SCALE) : stripped;
    }

    static BigDecimal decimal(String value) {
        return value == null || value.isEmpty() ? null : new BigDecimal(value);
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
