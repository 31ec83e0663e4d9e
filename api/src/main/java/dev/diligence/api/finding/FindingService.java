package dev.diligence.api.finding;

import dev.diligence.api.audit.AuditRecorder;
import dev.diligence.api.security.Authorities;
import dev.diligence.api.security.CurrentCaller;
import dev.diligence.api.security.Role;
import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.AssessmentStatus;
import dev.diligence.domain.assessment.Assessments;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingContent;
import dev.diligence.domain.finding.FindingFilter;
import dev.diligence.domain.finding.FindingId;
import dev.diligence.domain.finding.FindingSource;
import dev.diligence.domain.finding.Findings;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of findings. Every business role reads (a fund manager only the findings of companies in
 * granted funds, by row-level security); tenant admins and assessors raise findings on drafts, edit
 * them and move them through their statuses; only tenant admins accept risks. Every change is
 * recorded in the audit trail in the same transaction.
 */
@Service
@Transactional
public class FindingService {

    private final Findings findings;
    private final Assessments assessments;
    private final AuditRecorder audit;
    private final Clock clock;

    FindingService(Findings findings, Assessments assessments, AuditRecorder audit, Clock clock) {
        this.findings = findings;
        this.assessments = assessments;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Optional<Finding> find(FindingId id) {
        return findings.find(id);
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public List<Finding> findAll(Collection<FindingId> ids) {
        return findings.findAll(ids);
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Map<AssessmentId, List<Finding>> ofAssessments(Collection<AssessmentId> ids) {
        return findings.ofAssessments(ids);
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Slice<Finding> page(FindingFilter filter, PageQuery page) {
        return findings.page(filter, page);
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public long count(FindingFilter filter) {
        return findings.count(filter);
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Map<Severity, Long> countBySeverity(FindingFilter filter) {
        return findings.countBySeverity(filter);
    }

    /** Raises an assessor's finding on a draft; the criterion, when given, must be one of the assessment's. */
    @PreAuthorize(Authorities.ASSESSMENT_WRITER)
    public Finding raise(AssessmentId assessmentId, @Nullable String criterion, FindingContent content) {
        Assessment assessment = assessments
                .find(assessmentId)
                .orElseThrow(() -> new RuleViolationException(
                        Violation.of("assessmentId", ViolationCode.NOT_FOUND, "no assessment has this id")));
        if (assessment.status() != AssessmentStatus.DRAFT) {
            throw new RuleViolationException(Violation.of(
                    "assessmentId",
                    ViolationCode.INVALID_STATE,
                    "findings are raised on drafts; this assessment is " + assessment.status()));
        }
        if (criterion != null && assessment.criteria().find(criterion).isEmpty()) {
            throw new RuleViolationException(Violation.of(
                    "criterion",
                    ViolationCode.NOT_FOUND,
                    "framework version " + assessment.frameworkVersion() + " has no criterion " + criterion));
        }
        Finding raised = findings.add(
                Finding.raise(assessmentId, criterion, content, FindingSource.assessor(), clock.instant()));
        audit.record("raiseFinding", FindingView.TYPE, raised.id().value(), null, FindingView.of(raised));
        return raised;
    }

    /** Replaces the content; {@code changes} maps the current content to the new one. */
    @PreAuthorize(Authorities.ASSESSMENT_WRITER)
    public Finding update(FindingId id, long expectedVersion, UnaryOperator<FindingContent> changes) {
        return change(
                "updateFinding", id, expectedVersion, finding -> finding.revise(changes.apply(finding.content())));
    }

    @PreAuthorize(Authorities.ASSESSMENT_WRITER)
    public Finding startRemediation(FindingId id, long expectedVersion) {
        return change("startFindingRemediation", id, expectedVersion, Finding::startRemediation);
    }

    @PreAuthorize(Authorities.ASSESSMENT_WRITER)
    public Finding resolve(FindingId id, long expectedVersion, String note) {
        return change("resolveFinding", id, expectedVersion, finding -> finding.resolve(note, clock.instant()));
    }

    @PreAuthorize(Authorities.TENANT_ADMIN)
    public Finding acceptRisk(FindingId id, long expectedVersion, String justification) {
        boolean tenantAdmin = CurrentCaller.get().roles().contains(Role.TENANT_ADMIN);
        return change(
                "acceptFindingRisk",
                id,
                expectedVersion,
                finding -> finding.acceptRisk(tenantAdmin, justification, clock.instant()));
    }

    @PreAuthorize(Authorities.ASSESSMENT_WRITER)
    public Finding reopen(FindingId id, long expectedVersion) {
        return change("reopenFinding", id, expectedVersion, Finding::reopen);
    }

    private Finding change(String action, FindingId id, long expectedVersion, UnaryOperator<Finding> change) {
        Finding before = findings.find(id)
                .orElseThrow(() -> new RuleViolationException(
                        Violation.of("id", ViolationCode.NOT_FOUND, "no finding has this id")));
        before.requireVersion(expectedVersion);
        Finding after = findings.update(change.apply(before));
        audit.record(action, FindingView.TYPE, id.value(), FindingView.of(before), FindingView.of(after));
        return after;
    }
}
