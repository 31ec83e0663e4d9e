package dev.diligence.api.report;

import dev.diligence.api.assessment.AssessmentService;
import dev.diligence.api.assessment.ScoredAssessment;
import dev.diligence.api.export.ExportAuditTrail;
import dev.diligence.api.finding.FindingService;
import dev.diligence.api.framework.FrameworkService;
import dev.diligence.api.fund.FundService;
import dev.diligence.api.holding.HoldingService;
import dev.diligence.api.person.PeopleService;
import dev.diligence.api.security.Authorities;
import dev.diligence.api.security.Caller;
import dev.diligence.api.security.CurrentCaller;
import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.assessment.SummaryWithCompany;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.Holding;
import dev.diligence.domain.holding.HoldingPage;
import dev.diligence.domain.holding.HoldingReads;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.persistence.replica.ReplicaReads;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessment report's reads and its audit record. Whoever may read an assessment may have its
 * report, and sees in it what the {@code assessment} and {@code findings} queries show them: the same
 * services, so the same roles and the same fund scope (a fund manager only the assessments of
 * companies in granted funds; anything else, like another firm's, is not found). Its reads may come from the
 * replica ({@link ReplicaReads}); its audit record is a read-write transaction, so always on the primary.
 */
@Service
public class AssessmentReports {

    /** The audit trail's name for this export ({@link ExportAuditTrail}). */
    static final String ACTION = "reportAssessment";

    /** The most funds named on the cover. */
    private static final int FUNDS_SHOWN = 20;

    /** Most severe first, then the earliest due date (none last), then in the order raised. */
    static final Comparator<Finding> REPORT_ORDER = Comparator.comparing(
                    (Finding finding) -> finding.content().severity())
            .thenComparing(finding -> finding.content().dueDate(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Finding::openedAt);

    private final AssessmentService assessments;
    private final FindingService findings;
    private final HoldingService holdings;
    private final FundService funds;
    private final FrameworkService frameworks;
    private final PeopleService people;
    private final ExportAuditTrail audit;
    private final Clock clock;

    AssessmentReports(
            AssessmentService assessments,
            FindingService findings,
            HoldingService holdings,
            FundService funds,
            FrameworkService frameworks,
            PeopleService people,
            ExportAuditTrail audit,
            Clock clock) {
        this.assessments = assessments;
        this.findings = findings;
        this.holdings = holdings;
        this.funds = funds;
        this.frameworks = frameworks;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the report of assessment {@code id} shows, read in one snapshot; empty when the caller cannot see it. */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, label = ReplicaReads.LABEL)
    public Optional<AssessmentReportData> read(AssessmentId id, String globalId) {
        Optional<SummaryWithCompany> summary = assessments.summaryWithCompany(id);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        Optional<ScoredAssessment> whole =
                assessments.findAll(List.of(id)).stream().findFirst();
        if (whole.isEmpty()) {
            return Optional.empty();
        }
        Assessment assessment = whole.get().assessment();
        List<Finding> raised = findings.ofAssessments(List.of(id)).getOrDefault(id, List.of()).stream()
                .sorted(REPORT_ORDER)
                .toList();
        Caller caller = CurrentCaller.get();
        return Optional.of(new AssessmentReportData(
                globalId,
                Objects.requireNonNullElse(summary.get().company().profile().name(), ""),
                fundsHolding(assessment.company()),
                assessment,
                whole.get().result(),
                whole.get().stored(),
                frameworks.find(assessment.frameworkVersion()).orElse(null),
                raised,
                names(assessment, raised),
                clock.instant(),
                caller.name() == null || caller.name().isBlank() ? caller.subject() : caller.name()));
    }

    /**
     * Records in the audit trail, in a transaction of its own before the file is written, that the
     * caller took the report: the assessment as asked (its global ID) and the rows it was charged for.
     */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional
    public void record(String assessmentId, long rows) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("format", "PDF");
        report.put("report", "assessment");
        report.put("assessmentId", assessmentId);
        report.put("rows", rows);
        audit.record(ACTION, report);
    }

    /** The names of the funds the caller can see that hold {@code company}, by name. */
    private List<String> fundsHolding(CompanyId company) {
        HoldingPage page = holdings.pageByCompany(
                        List.of(company),
                        new PageQuery(FUNDS_SHOWN, false, Optional.empty()),
                        new HoldingReads(false, false))
                .get(company);
        if (page == null) {
            return List.of();
        }
        List<FundId> held =
                page.holdings().items().stream().map(Holding::fund).distinct().toList();
        return funds.findAll(held).stream()
                .map(fund -> fund.profile().name())
                .filter(Objects::nonNull)
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }

    /** Every person the report names (lead assessor, publisher, retractor, finding owners, evidence contributors) by subject. */
    private Map<String, String> names(Assessment assessment, List<Finding> raised) {
        Set<String> subjects = new LinkedHashSet<>();
        subjects.add(assessment.leadAssessor());
        if (assessment.publication() != null) {
            subjects.add(assessment.publication().publishedBy());
        }
        if (assessment.retraction() != null) {
            subjects.add(assessment.retraction().retractedBy());
        }
        raised.stream()
                .map(finding -> finding.content().owner())
                .filter(Objects::nonNull)
                .forEach(subjects::add);
        assessment.criteria().all().stream()
                .flatMap(criterion -> criterion.evidence().stream())
                .map(EvidenceItem::addedBy)
                .forEach(subjects::add);
        Map<String, String> names = new LinkedHashMap<>();
        people.personOf(subjects, subject -> subject).forEach((subject, person) -> names.put(subject, person.name()));
        return names;
    }
}
