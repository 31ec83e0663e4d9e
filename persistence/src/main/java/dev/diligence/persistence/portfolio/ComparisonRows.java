package dev.diligence.persistence.portfolio;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.portfolio.ComparedCompany;
import dev.diligence.domain.portfolio.ComparedCriterion;
import dev.diligence.domain.portfolio.DimensionScore;
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Companies side by side in one statement: the asked ids that name a company the caller can see
 * (row-level security hides other firms' companies and, for a fund manager, those outside the granted
 * funds, exactly like ids nobody uses), each once in the order first asked for, with the stored result
 * of its latest publication as of the instant (published by then and not retracted by then, ties
 * broken by id). Called only from {@link PortfolioTrendAdapter}, in its mandatory transaction.
 */
@Component
class ComparisonRows {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    ComparisonRows(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    List<ComparedCompany> compare(List<CompanyId> companies, Instant asOf) {
        if (companies.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("tenant", PortfolioTrendSql.tenant(currentTenant))
                .addValue("asOf", asOf.atOffset(ZoneOffset.UTC))
                .addValue(
                        "ids",
                        companies.stream().map(c -> c.value().toString()).collect(Collectors.joining(",", "{", "}")));
        return jdbc.query("""
                with asked as (
                    select co.id as company_id, min(k.i) as i
                    from unnest(cast(:ids as uuid[])) with ordinality as k(id, i)
                    join companies co on co.tenant_id = :tenant and co.id = k.id
                    group by co.id
                )
                select k.company_id, l.*,
                    (select array_agg(d.dimension_code || '=' || coalesce(d.score::text, '') order by d.position)
                       from assessment_dimension_results d where d.tenant_id = :tenant and d.assessment_id = l.id) as dimensions,
                    (select array_agg(r.criterion_code || ':' || r.state || ':' || coalesce(r.effective_level::text, '') || ':'
                              || coalesce(r.gap::text, '') order by r.position)
                       from assessment_criterion_results r where r.tenant_id = :tenant and r.assessment_id = l.id) as criteria
                from asked k
                left join lateral (
                    select a.id, a.framework_version, a.published_at, a.overall_score, a.overall_percentage, a.level, a.level_suppressed
                    from assessments a
                    where a.tenant_id = :tenant and a.company_id = k.company_id
                      and a.published_at is not null and a.published_at <= :asOf
                      and (a.retracted_at is null or a.retracted_at > :asOf)
                    order by a.published_at desc, a.id desc
                    limit 1
                ) l on true
                order by k.i""", parameters, (rs, index) -> row(rs));
    }

    private static ComparedCompany row(ResultSet rs) throws SQLException {
        CompanyId company = new CompanyId(rs.getObject("company_id", UUID.class));
        UUID assessment = rs.getObject("id", UUID.class);
        if (assessment == null) {
            return ComparedCompany.unassessed(company);
        }
        List<DimensionScore> dimensions = new ArrayList<>();
        for (String entry : TrendStatisticQueries.strings(rs, "dimensions")) {
            String[] parts = entry.split("=", 2);
            dimensions.add(new DimensionScore(parts[0], TrendStatisticQueries.decimal(parts[1])));
        }
        List<ComparedCriterion> criteria = new ArrayList<>();
        for (String entry : TrendStatisticQueries.strings(rs, "criteria")) {
            String[] parts = entry.split(":", -1);
            criteria.add(new ComparedCriterion(
                    parts[0],
                    ScoreState.valueOf(parts[1]),
                    parts[2].isEmpty() ? null : Integer.valueOf(parts[2]),
                    parts[3].isEmpty() ? null : Integer.valueOf(parts[3])));
        }
        return new ComparedCompany(
                company,
                new AssessmentId(assessment),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                rs.getInt("framework_version"),
                rs.getBigDecimal("overall_score"),
                rs.getBigDecimal("overall_percentage"),
                PortfolioTrendAdapter.integer(rs, "level"),
                rs.getBoolean("level_suppressed"),
                dimensions,
                criteria);
    }
}
