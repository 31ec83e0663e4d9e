package dev.diligence.persistence.assessment;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.AssessmentSummaries;
import dev.diligence.domain.assessment.AssessmentSummary;
import dev.diligence.domain.assessment.SummaryWithCompany;
import dev.diligence.persistence.company.CompanyRows;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessment summaries in one statement each, read as {@link AssessmentSummaryColumns}: stored
 * numbers only, never criteria or evidence.
 * States {@code tenant_id} explicitly; row-level security (tenant and fund scope) checks it again.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
class AssessmentSummaryPersistenceAdapter implements AssessmentSummaries {

    private static final String SELECT = "select " + AssessmentSummaryColumns.SELECT + "\nfrom assessments a\n"
            + AssessmentSummaryColumns.DIMENSIONS + "\nwhere a.tenant_id = :tenant and ";

    /** The same with the assessment's company ({@link CompanyRows}), joined by its key. */
    private static final String SELECT_WITH_COMPANY = "select " + AssessmentSummaryColumns.SELECT + ",\n"
            + CompanyRows.SELECT
            + "\nfrom assessments a\n" + AssessmentSummaryColumns.DIMENSIONS
            + "\njoin companies co on co.tenant_id = a.tenant_id and co.id = a.company_id\n" + CompanyRows.REFERENCES
            + "\nwhere a.tenant_id = :tenant and ";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    AssessmentSummaryPersistenceAdapter(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    @Override
    public Optional<SummaryWithCompany> findWithCompany(AssessmentId id) {
        return jdbc
                .query(
                        SELECT_WITH_COMPANY + "a.id = :id",
                        AssessmentSql.tenant(currentTenant).addValue("id", id.value()),
                        (rs, index) ->
                                new SummaryWithCompany(AssessmentSummaryColumns.summary(rs), CompanyRows.company(rs)))
                .stream()
                .findFirst();
    }

    @Override
    public List<AssessmentSummary> findAll(Collection<AssessmentId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                SELECT + "a.id in (:ids)",
                AssessmentSql.tenant(currentTenant)
                        .addValue(
                                "ids",
                                ids.stream().map(AssessmentId::value).distinct().toList()),
                (rs, index) -> AssessmentSummaryColumns.summary(rs));
    }
}
