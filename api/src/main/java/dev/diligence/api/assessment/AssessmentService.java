package dev.diligence.api.assessment;

import dev.diligence.api.audit.AuditRecorder;
import dev.diligence.api.finding.RedFlagFindingSync;
import dev.diligence.api.security.Authorities;
import dev.diligence.api.security.CurrentCaller;
import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.AssessmentDiff;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.AssessmentSummaries;
import dev.diligence.domain.assessment.AssessmentSummary;
import dev.diligence.domain.assessment.Assessments;
import dev.diligence.domain.assessment.CriterionAssessment;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.assessment.EvidenceKind;
import dev.diligence.domain.assessment.SummaryWithCompany;
import dev.diligence.domain.company.Companies;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.Frameworks;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.ScoringEngine;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of assessments: reads for every business role (a fund manager only sees assessments of
 * companies in granted funds, by row-level security), drafts for tenant admins and assessors,
 * review for reviewers and tenant admins (four eyes is the domain's rule, whatever the roles),
 * retraction for tenant admins. After every change an unpublished assessment's working score is
 * stored (reads show it without scoring), its rule findings are reconciled with the red flags its
 * scores fire, and the change and each finding change are recorded in the audit trail, all in one
 * transaction.
 */
@Service
@Transactional
public class AssessmentService {

    private final Assessments assessments;
    private final AssessmentSummaries summaries;
    private final Companies companies;
    private final Frameworks frameworks;
    private final RedFlagFindingSync ruleFindings;
    private final AuditRecorder audit;
    private final Clock clock;
    private final ScoringEngine engine = new ScoringEngine();

    AssessmentService(
            Assessments assessments,
            AssessmentSummaries summaries,
            Companies companies,
            Frameworks frameworks,
            RedFlagFindingSync ruleFindings,
            AuditRecorder audit,
            Clock clock) {
        this.assessments = assessments;
        this.summaries = summaries;
        this.companies = companies;
        this.frameworks = frameworks;
        this.ruleFindings = ruleFindings;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Optional<ScoredAssessment> find(AssessmentId id) {
        return assessments.find(id).map(a -> scored(a, new HashMap<>()));
    }

    /** The summary of the assessment with this id, if the caller can see it, with its company: one statement, nothing scored. */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Optional<SummaryWithCompany> summaryWithCompany(AssessmentId id) {
        return summaries.findWithCompany(id);
    }

    /** The summaries of the assessments with these ids that the caller can see: one statement, nothing scored. */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public List<AssessmentSummary> summaries(Collection<AssessmentId> ids) {
        return summaries.findAll(ids);
    }

    /** The assessments with these ids that the caller can see. */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public List<ScoredAssessment> findAll(Collection<AssessmentId> ids) {
        Map<Integer, FrameworkVersion> versions = new HashMap<>();
        return assessments.findAll(ids).stream().map(a -> scored(a, versions)).toList();
    }

    /** Every assessment of each company, newest first; every company given is a key. */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Map<CompanyId, List<ScoredAssessment>> ofCompanies(Collection<CompanyId> ids) {
        Map<Integer, FrameworkVersion> versions = new HashMap<>();
        Map<CompanyId, List<ScoredAssessment>> scored = new LinkedHashMap<>();
        assessments
                .ofCompanies(ids)
                .forEach((company, list) -> scored.put(
                        company, list.stream().map(a -> scored(a, versions)).toList()));
        return scored;
    }

    /** A page of each company's assessments, newest first; every company given is a key. */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Map<CompanyId, Slice<ScoredAssessment>> pageOfCompanies(Collection<CompanyId> ids, PageQuery page) {
        Map<Integer, FrameworkVersion> versions = new HashMap<>();
        Map<CompanyId, Slice<ScoredAssessment>> scored = new LinkedHashMap<>();
        assessments
                .pageByCompany(ids, page)
                .forEach((company, slice) -> scored.put(
                        company,
                        new Slice<>(
                                slice.items().stream()
                                        .map(a -> scored(a, versions))
                                        .toList(),
                                slice.hasMore())));
        return scored;
    }

    /** The number of assessments of each company; every company given is a key. */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Map<CompanyId, Long> countOfCompanies(Collection<CompanyId> ids) {
        return assessments.countByCompany(ids);
    }

    /**
     * The two assessments compared; empty when the caller cannot see either.
     *
     * @throws RuleViolationException when they are of different companies
     */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Optional<Comparison> diff(AssessmentId before, AssessmentId after) {
        Optional<ScoredAssessment> left = find(before);
        Optional<ScoredAssessment> right = find(after);
        if (left.isEmpty() || right.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Comparison(
                left.get(),
                right.get(),
                AssessmentDiff.between(left.get().assessment(), right.get().assessment())));
    }

    /** Two assessments and their criterion-by-criterion diff. */
    public record Comparison(ScoredAssessment before, ScoredAssessment after, AssessmentDiff diff) {}

    /**
     * Starts a draft of a company that is not archived, under {@code frameworkVersion} (the latest
     * platform version when null), led by {@code leadAssessor} (the caller when null).
     */
    @PreAuthorize(Authorities.ASSESSMENT_WRITER)
    public ScoredAssessment create(
            CompanyId companyId,
            @Nullable Integer frameworkVersion,
            AssessmentContext context,
            @Nullable String leadAssessor) {
        activeCompany(companyId);
        FrameworkVersion version =
                frameworkVersion == null ? frameworks.latestPlatformVersion() : version(frameworkVersion);
        String actor = actor();
        Assessment started = assessments.add(
                Assessment.start(companyId, version, context, lead(leadAssessor, actor), actor, clock.instant()));
        return recorded("createAssessment", null, started);
    }

    /**
     * Starts a draft from the company's latest published assessment, under {@code frameworkVersion}
     * (that assessment's version when null).
     */
    @PreAuthorize(Authorities.ASSESSMENT_WRITER)
    public ScoredAssessment startFromLatest(
            CompanyId companyId, @Nullable Integer frameworkVersion, @Nullable String leadAssessor) {
        activeCompany(companyId);
        Assessment latest = assessments
                .latestPublished(companyId)
                .orElseThrow(() -> new RuleViolationException(Violation.of(
                        "companyId",
                        ViolationCode.INVALID_STATE,
                        "the company has no published assessment to start from")));
        FrameworkVersion version = version(frameworkVersion == null ? latest.frameworkVersion() : frameworkVersion);
        String actor = actor();
        Assessment started = assessments.add(
                Assessment.startFrom(latest, version, lead(leadAssessor, actor), actor, clock.instant()));
        return recorded("startAssessmentFromLatest", null, started);
    }

    @PreAuthorize(Authorities.ASSESSMENT_WRITER)
    public ScoredAssessment updateContext(AssessmentId id, long expectedVersion, AssessmentContext context) {
        return change(
                "updateAssessmentContext", id, "id", expectedVersion, (a, now) -> a.setContext(context, actor(), now));
    }

    @PreAuthorize(Authorities.ASSESSMENT_WRITER)
    public ScoredAssessment scoreCriterion(
            AssessmentId id, long expectedVersion, String criterion, CriterionScore score, @Nullable String rationale) {
        return change(
                "scoreCriterion",
                id,
                "assessmentId",
                expectedVersion,
                (a, now) -> a.scoreCriterion(criterion, score, rationale, actor(), now));
    }

    /** Adds an evidence item; the result's assessment holds it as the last item of the criterion. */
    @PreAuthorize(Authorities.ASSESSMENT_WRITER)
    public ScoredAssessment addEvidence(
            AssessmentId id, long expectedVersion, String criterion, EvidenceKind kind, String value) {
        return change(
                "addEvidence",
                id,
                "assessmentId",
                expectedVersion,
                (a, now) -> a.addEvidence(criterion, EvidenceItem.of(kind, value, actor(), now), actor(), now));
    }

    @PreAuthorize(Authorities.ASSESSMENT_WRITER)
    public ScoredAssessment removeEvidence(AssessmentId id, long expectedVersion, UUID evidenceId) {
        return change("removeEvidence", id, "assessmentId", expectedVersion, (a, now) -> {
            String criterion = a.criteria().all().stream()
                    .filter(c ->
                            c.evidence().stream().anyMatch(item -> item.id().equals(evidenceId)))
                    .map(CriterionAssessment::code)
                    .findFirst()
                    .orElseThrow(() -> new RuleViolationException(Violation.of(
                            "evidenceId",
                            ViolationCode.NOT_FOUND,
                            "the assessment has no evidence item with this id")));
            return a.removeEvidence(criterion, evidenceId, actor(), now);
        });
    }

    @PreAuthorize(Authorities.ASSESSMENT_WRITER)
    public ScoredAssessment submit(AssessmentId id, long expectedVersion) {
        return change("submitAssessment", id, "id", expectedVersion, (a, now) -> a.submit(actor(), now));
    }

    @PreAuthorize(Authorities.ASSESSMENT_REVIEWER)
    public ScoredAssessment requestChanges(AssessmentId id, long expectedVersion, String comment) {
        return change(
                "requestAssessmentChanges",
                id,
                "id",
                expectedVersion,
                (a, now) -> a.requestChanges(actor(), comment, now));
    }

    /** Publishes with the scores of the version the assessment is under; four eyes is the domain's rule. */
    @PreAuthorize(Authorities.ASSESSMENT_REVIEWER)
    public ScoredAssessment publish(AssessmentId id, long expectedVersion) {
        return change(
                "publishAssessment",
                id,
                "id",
                expectedVersion,
                (a, now) -> a.publish(actor(), version(a.frameworkVersion()), engine, now));
    }

    @PreAuthorize(Authorities.TENANT_ADMIN)
    public ScoredAssessment retract(AssessmentId id, long expectedVersion, String reason) {
        return change("retractAssessment", id, "id", expectedVersion, (a, now) -> a.retract(actor(), reason, now));
    }

    private ScoredAssessment change(
            String action,
            AssessmentId id,
            String idField,
            long expectedVersion,
            BiFunction<Assessment, Instant, Assessment> change) {
        Assessment before = assessments
                .find(id)
                .orElseThrow(() -> new RuleViolationException(
                        Violation.of(idField, ViolationCode.NOT_FOUND, "no assessment has this id")));
        before.requireVersion(expectedVersion);
        Assessment after = assessments.update(change.apply(before, clock.instant()));
        return recorded(action, before, after);
    }

    /**
     * Stores the working score of an unpublished assessment, reconciles the rule findings of the stored
     * assessment and records the change in the audit trail.
     */
    private ScoredAssessment recorded(String action, @Nullable Assessment before, Assessment after) {
        Map<Integer, FrameworkVersion> versions = new HashMap<>();
        ScoredAssessment scored = scored(after, versions);
        if (!scored.stored()) {
            assessments.storeWorkingScore(after.id(), scored.result());
        }
        ruleFindings.reconcile(after, scored.result(), action);
        audit.record(
                action,
                AssessmentView.TYPE,
                after.id().value(),
                before == null ? null : AssessmentView.of(scored(before, versions)),
                AssessmentView.of(scored));
        return scored;
    }

    private ScoredAssessment scored(Assessment assessment, Map<Integer, FrameworkVersion> versions) {
        if (assessment.publication() != null) {
            return new ScoredAssessment(assessment, assessment.publication().result(), true);
        }
        FrameworkVersion version = versions.computeIfAbsent(assessment.frameworkVersion(), this::version);
        return new ScoredAssessment(assessment, assessment.score(version, engine), false);
    }

    private FrameworkVersion version(int number) {
        return frameworks
                .find(number)
                .orElseThrow(() -> new RuleViolationException(Violation.of(
                        "frameworkVersion", ViolationCode.NOT_FOUND, "there is no framework version " + number)));
    }

    private Company activeCompany(CompanyId id) {
        Company company = companies
                .find(id)
                .orElseThrow(() -> new RuleViolationException(
                        Violation.of("companyId", ViolationCode.NOT_FOUND, "no company has this id")));
        if (company.archived()) {
            throw new RuleViolationException(Violation.of(
                    "companyId",
                    ViolationCode.INVALID_STATE,
                    "the company is archived; archived companies are not assessed"));
        }
        return company;
    }

    private static String lead(@Nullable String leadAssessor, String actor) {
        return leadAssessor == null ? actor : leadAssessor;
    }

    private static String actor() {
        return CurrentCaller.get().subject();
    }
}
