package dev.diligence.persistence.portfolio;

import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.portfolio.TrendPeriod;
import dev.diligence.domain.portfolio.TrendQuery;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The common table expressions of the trend statements, and their parameters. The same semantics as
 * {@link PortfolioSql}, at every point of the trend at once:
 * <ul>
 *   <li>{@code held}: the fund's companies, in the asked deal stages (the holding's current stage);</li>
 *   <li>{@code points}: the points of the trend ({@code i} from 1, in time order), computed by the domain's
 *       {@code TrendPeriods} and passed as one array, so the statement does not grow with their number;</li>
 *   <li>{@code latest}: per point, each held company's latest publication as of the point (published by then
 *       and not retracted by then, ties broken by id): one lateral {@code limit 1} probe of the index
 *       {@code assessments_publications_by_company} per point and company, like {@link PortfolioSql}'s;</li>
 *   <li>{@code cohort}: those of the latest under the compared framework version.</li>
 * </ul>
 * Plain SQL stating {@code tenant_id}; row-level security (tenant and fund scope) checks every row again.
 */
final class PortfolioTrendSql {

    private PortfolioTrendSql() {}

    static String held(TrendQuery query) {
        String stages = query.dealStages().isEmpty() ? "" : " and h.deal_stage in (:stages)";
        return """
                with held as (
                    select h.company_id from holdings h where h.tenant_id = :tenant and h.fund_id = :fund%s
                )
                """.formatted(stages);
    }

    static String withPoints(TrendQuery query) {
        return held(query) + """
                , points as (
                    select p.i, cast(p.as_of as timestamptz) as as_of
                    from unnest(cast(:points as text[])) with ordinality as p(as_of, i)
                ),
                latest as (
                    select p.i, l.* from points p cross join (select distinct company_id from held) h cross join lateral (
                        select a.id, a.company_id, a.framework_version, a.overall_score, a.level, a.level_suppressed
                        from assessments a
                        where a.tenant_id = :tenant and a.company_id = h.company_id
                          and a.published_at is not null and a.published_at <= p.as_of
                          and (a.retracted_at is null or a.retracted_at > p.as_of)
                        order by a.published_at desc, a.id desc
                        limit 1
                    ) l
                ),
                cohort as (
                    select * from latest where framework_version = :version
                )
                """;
    }

    static MapSqlParameterSource parameters(CurrentTenant currentTenant, TrendQuery query) {
        return new MapSqlParameterSource("tenant", tenant(currentTenant))
                .addValue("fund", query.fund().value())
                .addValue("version", query.frameworkVersion())
                .addValue(
                        "stages",
                        query.dealStages().stream()
                                .map(DealStage::name)
                                .sorted()
                                .toList())
                .addValue("from", query.from().atOffset(ZoneOffset.UTC))
                .addValue("to", query.to().atOffset(ZoneOffset.UTC))
                .addValue(
                        "points",
                        query.periods().stream()
                                .map(TrendPeriod::asOf)
                                .map(Object::toString)
                                .collect(Collectors.joining(",", "{", "}")));
    }

    static UUID tenant(CurrentTenant currentTenant) {
        return currentTenant.required();
    }
}
