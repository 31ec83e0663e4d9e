package dev.diligence.persistence.portfolio;

import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.portfolio.PortfolioQuery;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The common table expressions every portfolio statement starts from, and their parameters. Plain
 * SQL stating {@code tenant_id}; row-level security (tenant and fund scope) checks every row again.
 * <ul>
 *   <li>{@code held}: the fund's companies, in the asked deal stages (the holding's current stage);</li>
 *   <li>{@code latest}: each held company's latest publication as of {@code :asOf} (published by then
 *       and not retracted by then), ties broken by id as the domain's {@code LatestPublished} does. For a
 *       {@linkplain PortfolioQuery#current() current} query, the publication the database keeps flagged
 *       ({@code assessments.latest_publication}, V025): one probe of a partial index per company. As of
 *       another instant, one probe of the index {@code assessments_publications_by_company} per company
 *       (a lateral {@code limit 1}), so the plan stays linear in the fund's size even before statistics
 *       exist;</li>
 *   <li>{@code cohort}: those of the latest under the compared framework version.</li>
 * </ul>
 */
final class PortfolioSql {

    /** One statement and its parameters, built apart from running it so that tests can EXPLAIN exactly what runs. */
    record Statement(String sql, MapSqlParameterSource parameters) {}

    private PortfolioSql() {}

    static String with(PortfolioQuery query) {
        String stages = query.dealStages().isEmpty() ? "" : " and h.deal_stage in (:stages)";
        return """
                with held as (
                    select h.company_id from holdings h where h.tenant_id = :tenant and h.fund_id = :fund%s
                ),
                latest as (
                    select a.* from (select distinct company_id from held) h
                    cross join lateral (%s) a
                ),
                cohort as (
                    select * from latest where framework_version = :version
                )
                """.formatted(stages, latestOf(query, "h.company_id"));
    }

    /**
     * The latest publication of the one company {@code company} names (a column of the enclosing
     * query), as a subquery for {@code cross join lateral}, {@code left join lateral} or
     * {@code exists}: one index probe. A statement that needs "the company's latest, if any" beside
     * {@code held} probes with this rather than joining the {@code latest} CTE, whose row count the
     * planner cannot estimate (it once chose a nested loop over the CTE, 1,000 × 1,000 rows, 93 ms).
     */
    static String latestOf(PortfolioQuery query, String company) {
        return (query.current() ? KEPT_LATEST : LATEST_AS_OF).formatted(company);
    }

    private static final String COLUMNS = """
            l.id, l.company_id, l.framework_version, l.published_at, l.overall_score, l.overall_percentage,
                l.overall_confidence, l.coverage, l.level, l.level_suppressed, l.deal_level_red_flag""";

    private static final String KEPT_LATEST = """
            select %s
                from assessments l
                where l.tenant_id = :tenant and l.company_id = %%s and l.latest_publication""".formatted(COLUMNS);

    private static final String LATEST_AS_OF = """
            select %s
                from assessments l
                where l.tenant_id = :tenant and l.company_id = %%s
                  and l.published_at is not null and l.published_at <= :asOf
                  and (l.retracted_at is null or l.retracted_at > :asOf)
                order by l.published_at desc, l.id desc
                limit 1""".formatted(COLUMNS);

    static MapSqlParameterSource parameters(CurrentTenant currentTenant, PortfolioQuery query) {
        UUID tenant = currentTenant.required();
        return new MapSqlParameterSource("tenant", tenant)
                .addValue("fund", query.fund().value())
                .addValue("asOf", query.asOf().atOffset(ZoneOffset.UTC))
                .addValue("version", query.frameworkVersion())
                .addValue(
                        "stages",
                        query.dealStages().stream()
                                .map(DealStage::name)
                                .sorted()
                                .toList());
    }
}
