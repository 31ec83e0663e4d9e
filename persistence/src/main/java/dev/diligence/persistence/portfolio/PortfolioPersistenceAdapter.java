package dev.diligence.persistence.portfolio;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.portfolio.PortfolioMember;
import dev.diligence.domain.portfolio.PortfolioOrder;
import dev.diligence.domain.portfolio.PortfolioPage;
import dev.diligence.domain.portfolio.PortfolioQuery;
import dev.diligence.domain.portfolio.PortfolioSummary;
import dev.diligence.domain.portfolio.Portfolios;
import dev.diligence.domain.portfolio.RemediationItem;
import dev.diligence.domain.portfolio.ScoreStatistics;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portfolio comparison aggregated in PostgreSQL over the scores stored at publication: one
 * statement for the summary, one per page of companies, one per page of the remediation ranking,
 * one per page of the companies outside the cohort, one per count asked for,
 * whatever the fund's size. Statistics are exact: sums, counts, minima and maxima of the stored
 * 10-place scores, and the median and quartiles interpolated linearly between the two nearest ranks
 * in numeric arithmetic (the definition of {@code percentile_cont}, which itself computes in floating
 * point); only the mean's division happens in Java, at 10 places half even as the framework divides.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class PortfolioPersistenceAdapter implements Portfolios {

    private static final String OVERALL = "OVERALL";
    private static final String STATISTIC = "STATISTIC";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;
    private final PortfolioRows rows;
    private final PortfolioListQueries lists;

    PortfolioPersistenceAdapter(
            NamedParameterJdbcTemplate jdbc,
            CurrentTenant currentTenant,
            PortfolioRows rows,
            PortfolioListQueries lists) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
        this.rows = rows;
        this.lists = lists;
    }

    @Override
    public PortfolioSummary summary(PortfolioQuery query) {
        Map<String, ScoreStatistics> statistics = new LinkedHashMap<>();
        List<CompanyId> unassessed = new ArrayList<>();
        Map<Integer, List<CompanyId>> otherVersions = new TreeMap<>();
        Integer[] levels = {0, 0, 0, 0, 0};
        int[] suppressed = {0};
        PortfolioSql.Statement summaryStatement = summaryStatement(query);
        jdbc.query(summaryStatement.sql(), summaryStatement.parameters(), rs -> {
            if (STATISTIC.equals(rs.getString("kind"))) {
                int n = rs.getInt("n");
                statistics.put(
                        rs.getString("metric"),
                        new ScoreStatistics(
                                n,
                                ScoreStatistics.mean(rs.getBigDecimal("total"), n),
                                strip(rs.getBigDecimal("q2")),
                                rs.getBigDecimal("low"),
                                rs.getBigDecimal("high"),
                                strip(rs.getBigDecimal("q1")),
                                strip(rs.getBigDecimal("q3"))));
                return;
            }
            CompanyId company = new CompanyId(rs.getObject("company_id", UUID.class));
            int version = rs.getInt("framework_version");
            if (rs.wasNull()) {
                unassessed.add(company);
            } else if (version != query.frameworkVersion()) {
                otherVersions.computeIfAbsent(version, v -> new ArrayList<>()).add(company);
            } else if (rs.getBoolean("level_suppressed")) {
                suppressed[0]++;
            } else {
                int level = rs.getInt("level");
                if (!rs.wasNull()) {
                    levels[level]++;
                }
            }
        });
        ScoreStatistics overall = statistics.getOrDefault(OVERALL, ScoreStatistics.empty());
        statistics.remove(OVERALL);
        return new PortfolioSummary(
                query.frameworkVersion(),
                overall.count(),
                overall,
                statistics,
                Arrays.asList(levels),
                suppressed[0],
                unassessed,
                otherVersions);
    }

    /**
     * The whole summary in one statement, over one {@code latest}: rows of kind {@code STATISTIC}, the
     * count, sum, minimum, maximum and exact quartiles of the overall score and of each dimension's
     * score over the cohort, in framework order; then rows of kind {@code MEMBER}, every held company
     * with the version, level and suppression of its latest assessment, if any, by name.
     */
    PortfolioSql.Statement summaryStatement(PortfolioQuery query) {
        return new PortfolioSql.Statement(
                PortfolioSql.with(query) + """
                , scores as (
                    select 'OVERALL' as metric, 0 as position, c.overall_score as s from cohort c where c.overall_score is not null
                    union all
                    select d.dimension_code, d.position + 1, d.score from assessment_dimension_results d
                    join cohort c on d.tenant_id = :tenant and d.assessment_id = c.id where d.score is not null
                ),
                ranked as (
                    select metric, position, s, row_number() over (partition by metric order by s) - 1 as i,
                        count(*) over (partition by metric) - 1 as last
                    from scores
                ),
                -- one pass per metric: each quartile p interpolates between the ranks floor(p * last) and
                -- ceil(p * last), by the fraction p * last - floor(p * last); last is a non-negative integer, so
                -- these are integer divisions and remainders (exactly equal, and cheap per row: numeric floor and
                -- ceil on every row cost a third of the statement on a 1,000-company fund); no join, so no row
                -- estimate can blow the plan up
                aggregated as (
                    select metric, min(position) as position, count(*) as n, sum(s) as total, min(s) as low, max(s) as high,
                        min(s) filter (where i = last / 4) as q1_lo, min(s) filter (where i = (last + 3) / 4) as q1_hi,
                        max(mod(last, 4)) * 0.25 as q1_frac,
                        min(s) filter (where i = last / 2) as q2_lo, min(s) filter (where i = (last + 1) / 2) as q2_hi,
                        max(mod(last, 2)) * 0.5 as q2_frac,
                        min(s) filter (where i = 3 * last / 4) as q3_lo, min(s) filter (where i = (3 * last + 3) / 4) as q3_hi,
                        max(mod(3 * last, 4)) * 0.25 as q3_frac
                    from ranked group by metric
                )
                select 'STATISTIC' as kind, 0 as part, position, metric, n, total, low, high,
                    q1_lo + q1_frac * (q1_hi - q1_lo) as q1, q2_lo + q2_frac * (q2_hi - q2_lo) as q2, q3_lo + q3_frac * (q3_hi - q3_lo) as q3,
                    null as name, null::uuid as company_id, null::integer as framework_version, null::smallint as level,
                    null::boolean as level_suppressed
                from aggregated
                union all
                select 'MEMBER', 1, null, null, null, null, null, null, null, null, null,
                    co.name, h.company_id, l.framework_version, l.level, l.level_suppressed
                from (select distinct company_id from held) h
                join companies co on co.tenant_id = :tenant and co.id = h.company_id
                left join lateral (%s) l on true
                order by part, position, name, company_id""".formatted(PortfolioSql.latestOf(query, "h.company_id")),
                PortfolioSql.parameters(currentTenant, query));
    }

    @Override
    public PortfolioPage companies(PortfolioQuery query, PortfolioOrder order, PageQuery page, boolean withCompanies) {
        return rows.page(query, order, page, withCompanies);
    }

    @Override
    public Slice<RemediationItem> remediation(PortfolioQuery query, PageQuery page) {
        return rows.remediation(query, page);
    }

    @Override
    public long countCompanies(PortfolioQuery query) {
        return lists.countCohort(query);
    }

    @Override
    public long countRemediation(PortfolioQuery query) {
        return lists.countRemediation(query);
    }

    @Override
    public Slice<PortfolioMember> unassessed(PortfolioQuery query, PageQuery page) {
        return lists.unassessed(query, page);
    }

    @Override
    public long countUnassessed(PortfolioQuery query) {
        return lists.countUnassessed(query);
    }

    @Override
    public Map<Integer, Slice<PortfolioMember>> otherVersion(
            PortfolioQuery query, Collection<Integer> versions, PageQuery page) {
        return lists.otherVersion(query, versions, page);
    }

    @Override
    public Map<Integer, Long> countOtherVersion(PortfolioQuery query, Collection<Integer> versions) {
        return lists.countOtherVersion(query, versions);
    }

    /** The interpolation's exact value without trailing zeros beyond the scores' 10 places. */
    private static BigDecimal strip(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < ScoreStatistics.SCALE ? stripped.setScale(ScoreStatistics.SCALE) : stripped;
    }
}
