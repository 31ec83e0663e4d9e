package dev.diligence.persistence.finding;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingFilter;
import dev.diligence.domain.finding.FindingId;
import dev.diligence.domain.finding.Findings;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings in plain SQL over {@code findings} (V015), stating {@code tenant_id} explicitly; row-level
 * security checks it again. A retired rule finding keeps its row with {@code retired_at} set (the
 * application role may not delete findings) and is, from then on, as missing as another tenant's:
 * neither {@link #find} nor {@link #ofAssessment} returns it, and it cannot be updated.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class FindingPersistenceAdapter implements Findings {

    private static final String LIVE = " and retired_at is null";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;
    private final FindingQueries queries;

    FindingPersistenceAdapter(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant, FindingQueries queries) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
        this.queries = queries;
    }

    @Override
    public Optional<Finding> find(FindingId id) {
        return jdbc
                .query(
                        "select * from findings where tenant_id = :tenant and id = :id" + LIVE,
                        tenant().addValue("id", id.value()),
                        (rs, index) -> FindingRows.of(rs))
                .stream()
                .findFirst();
    }

    @Override
    public List<Finding> findAll(Collection<FindingId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "select * from findings where tenant_id = :tenant and id in (:ids)" + LIVE,
                tenant().addValue(
                                "ids",
                                ids.stream().map(FindingId::value).distinct().toList()),
                (rs, index) -> FindingRows.of(rs));
    }

    /** In the order raised; findings raised at the same instant in the order they were stored. */
    @Override
    public List<Finding> ofAssessment(AssessmentId assessment) {
        return jdbc.query(
                "select * from findings where tenant_id = :tenant and assessment_id = :assessment" + LIVE
                        + " order by opened_at, created_at, id",
                tenant().addValue("assessment", assessment.value()),
                (rs, index) -> FindingRows.of(rs));
    }

    @Override
    public Map<AssessmentId, List<Finding>> ofAssessments(Collection<AssessmentId> assessments) {
        Map<AssessmentId, List<Finding>> byAssessment = new LinkedHashMap<>();
        assessments.forEach(assessment -> byAssessment.put(assessment, new ArrayList<>()));
        if (!assessments.isEmpty()) {
            jdbc.query(
                    "select * from findings where tenant_id = :tenant and assessment_id in (:assessments)" + LIVE
                            + " order by opened_at, created_at, id",
                    tenant().addValue(
                                    "assessments",
                                    assessments.stream()
                                            .map(AssessmentId::value)
                                            .distinct()
                                            .toList()),
                    rs -> {
                        Finding finding = FindingRows.of(rs);
                        byAssessment.get(finding.assessment()).add(finding);
                    });
        }
        return byAssessment;
    }

    @Override
    public Slice<Finding> page(FindingFilter filter, PageQuery page) {
        return queries.page(filter, page);
    }

    @Override
    public long count(FindingFilter filter) {
        return queries.count(filter);
    }

    @Override
    public void forEach(FindingFilter filter, Consumer<Finding> action) {
        queries.forEach(filter, action);
    }

    @Override
    public Map<Severity, Long> countBySeverity(FindingFilter filter) {
        return queries.countBySeverity(filter);
    }

    @Override
    public Finding add(Finding finding) {
        // created_at is the clock, not the transaction start, so it orders findings added in one transaction
        jdbc.update("""
                insert into findings (tenant_id, id, assessment_id, criterion_code, title, description, severity,
                    owner_subject, due_date, remediation_plan, reference_standards, reference_clauses, source_kind,
                    rule_id, status, opened_at, closed_at, closing_note, version, created_at, updated_at)
                values (:tenant, :id, :assessment, :criterion, :title, :description, :severity, :owner, :dueDate, :plan,
                    cast(:standards as text[]), cast(:clauses as text[]), :sourceKind, :ruleId, :status, :openedAt,
                    :closedAt, :closingNote, :version, clock_timestamp(), clock_timestamp())""", FindingRows.parameters(currentTenant, finding));
        return finding;
    }

    /** The content, status and closing; the assessment, criterion, source and opening never change. */
    @Override
    public Finding update(Finding finding) {
        int changed = jdbc.update("""
                update findings set title = :title, description = :description, severity = :severity,
                    owner_subject = :owner, due_date = :dueDate, remediation_plan = :plan,
                    reference_standards = cast(:standards as text[]), reference_clauses = cast(:clauses as text[]),
                    status = :status, closed_at = :closedAt, closing_note = :closingNote,
                    version = version + 1, updated_at = clock_timestamp()
                where tenant_id = :tenant and id = :id and version = :version""" + LIVE, FindingRows.parameters(currentTenant, finding));
        if (changed == 0) {
            throw new RuleViolationException(Violation.of(
                    "expectedVersion",
                    ViolationCode.STALE_VERSION,
                    "the finding was changed concurrently; read it again"));
        }
        return new Finding(
                finding.id(),
                finding.assessment(),
                finding.criterion(),
                finding.content(),
                finding.source(),
                finding.status(),
                finding.openedAt(),
                finding.closedAt(),
                finding.closingNote(),
                finding.version() + 1);
    }

    /**
     * Marks a live rule finding retired. Retiring one already retired (or missing) changes nothing; an
     * assessor finding is never retired (the table refuses it too).
     */
    @Override
    public void retire(FindingId id) {
        jdbc.update("""
                update findings set retired_at = clock_timestamp(), updated_at = clock_timestamp(), version = version + 1
                where tenant_id = :tenant and id = :id and source_kind = 'RULE'""" + LIVE, tenant().addValue("id", id.value()));
    }

    private MapSqlParameterSource tenant() {
        return FindingRows.tenant(currentTenant);
    }
}
