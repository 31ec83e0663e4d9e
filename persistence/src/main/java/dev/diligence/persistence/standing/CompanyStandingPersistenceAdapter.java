package dev.diligence.persistence.standing;

import dev.diligence.domain.assessment.AssessmentSummary;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.standing.CompanyStanding;
import dev.diligence.domain.standing.CompanyStandings;
import dev.diligence.domain.standing.StandingReads;
import dev.diligence.persistence.assessment.AssessmentSummaryColumns;
import dev.diligence.persistence.finding.OpenFindingColumns;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standings in one statement: the companies asked for, each joined laterally to what is asked of
 * it, its latest publication ({@link AssessmentSummaryColumns}, one probe of the partial index that
 * the flag kept by V025 has) and its open findings ({@link OpenFindingColumns}). States
 * {@code tenant_id} explicitly; row-level security (tenant and fund scope) checks it again, so a
 * company the caller may not see has neither.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
class CompanyStandingPersistenceAdapter implements CompanyStandings {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    CompanyStandingPersistenceAdapter(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    @Override
    public Map<CompanyId, CompanyStanding> standings(Collection<CompanyId> companies, StandingReads reads) {
        Map<CompanyId, CompanyStanding> standings = new LinkedHashMap<>();
        if (companies.isEmpty()) {
            return standings;
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("tenant", tenant())
                .addValue(
                        "companies",
                        companies.stream().map(CompanyId::value).distinct().toArray(UUID[]::new));
        jdbc.query(statement(reads), parameters, rs -> {
            CompanyId company = new CompanyId(rs.getObject("standing_company", UUID.class));
            @Nullable
            AssessmentSummary latest = reads.latestPublication() && rs.getObject("id") != null
                    ? AssessmentSummaryColumns.summary(rs)
                    : null;
            Map<Severity, Long> open = reads.openFindings() ? OpenFindingColumns.counts(rs) : Map.of();
            standings.put(company, new CompanyStanding(latest, open));
        });
        return standings;
    }

    private static String statement(StandingReads reads) {
        StringBuilder sql = new StringBuilder("select wanted.id as standing_company");
        if (reads.latestPublication()) {
            sql.append(", latest.*");
        }
        if (reads.openFindings()) {
            sql.append(", ").append(OpenFindingColumns.SELECT);
        }
        sql.append("\nfrom unnest(cast(:companies as uuid[])) as wanted (id)\n");
        if (reads.latestPublication()) {
            sql.append("left join lateral (\n    select ")
                    .append(AssessmentSummaryColumns.SELECT)
                    .append("\n    from assessments a\n")
                    .append(AssessmentSummaryColumns.DIMENSIONS)
                    .append(
                            "\n    where a.tenant_id = :tenant and a.company_id = wanted.id and a.latest_publication) latest on true\n");
        }
        if (reads.openFindings()) {
            sql.append(OpenFindingColumns.of("wanted.id"));
        }
        return sql.toString();
    }

    private UUID tenant() {
        return currentTenant.required();
    }
}
