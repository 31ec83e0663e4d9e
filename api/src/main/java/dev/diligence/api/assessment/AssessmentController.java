package dev.diligence.api.assessment;

import dev.diligence.api.company.CompanyService;
import dev.diligence.api.company.CompanyView;
import dev.diligence.api.finding.FindingService;
import dev.diligence.api.finding.FindingView;
import dev.diligence.api.finding.SeverityCountsView;
import dev.diligence.api.graphql.BadRequestException;
import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.ConnectionArguments;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.MutationOutcome;
import dev.diligence.api.graphql.PageKey;
import dev.diligence.api.graphql.UserError;
import dev.diligence.domain.assessment.AssessmentCursors;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.AssessmentSummary;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.assessment.EvidenceKind;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.EuAiActTier;
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.domain.scoring.SensitiveDomain;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL assessments: the queries, the workflow mutations, a company's assessments, and the
 * relations between assessments, companies and findings (each batched).
 */
@Controller
class AssessmentController {

    record ContextInput(Boolean modelsInProduction, EuAiActTier euAiActTier, List<SensitiveDomain> sensitiveDomains,
            BigDecimal lowestImpactRatio, Boolean fairnessMitigationDocumented) {

        AssessmentContext toContext() {
            return new AssessmentContext(Boolean.TRUE.equals(modelsInProduction),
                    euAiActTier == null ? EuAiActTier.UNCLASSIFIED : euAiActTier,
                    sensitiveDomains == null ? Set.of() : Set.copyOf(sensitiveDomains), lowestImpactRatio,
                    Boolean.TRUE.equals(fairnessMitigationDocumented));
        }

        static AssessmentContext of(ContextInput input) {
            return input == null ? AssessmentContext.DEFAULT : input.toContext();
        }
    }

    record CreateAssessmentInput(String companyId, Integer frameworkVersion, String leadAssessor, ContextInput context) {
    }

    record StartAssessmentFromLatestInput(String companyId, Integer frameworkVersion, String leadAssessor) {
    }

    record UpdateAssessmentContextInput(String id, Long expectedVersion, ContextInput context) {
    }

    record ScoreCriterionInput(String assessmentId, Long expectedVersion, String criterion, ScoreState state, Integer level,
            Confidence confidence, String notApplicableReason, Integer targetLevel, String rationale) {
    }

    record AddEvidenceInput(String assessmentId, Long expectedVersion, String criterion, EvidenceKind kind, String value) {
    }

    record RemoveEvidenceInput(String assessmentId, Long expectedVersion, String evidenceId) {
    }

    record AssessmentVersionInput(String id, Long expectedVersion) {
    }

    record RequestAssessmentChangesInput(String id, Long expectedVersion, String comment) {
    }

    record RetractAssessmentInput(String id, Long expectedVersion, String reason) {
    }

    record AssessmentPayload(AssessmentView assessment, List<UserError> userErrors) {

        static AssessmentPayload of(ScoredAssessment scored) {
            return new AssessmentPayload(AssessmentView.of(scored), List.of());
        }

        static AssessmentPayload failed(List<UserError> errors) {
            return new AssessmentPayload(null, errors);
        }
    }

    record AddEvidencePayload(AssessmentView assessment, AssessmentView.EvidenceView evidence, List<UserError> userErrors) {
    }

    /** GraphQL {@code AssessmentDiff}. */
    record DiffView(AssessmentView before, AssessmentView after, List<ChangeView> criteria, int changedCount) {
    }

    /** GraphQL {@code CriterionChange}. */
    record ChangeView(String code, boolean changed, ScoreState stateBefore, ScoreState stateAfter, Integer recordedLevelBefore,
            Integer recordedLevelAfter, Integer effectiveLevelBefore, Integer effectiveLevelAfter, Integer effectiveLevelDelta,
            Confidence confidenceBefore, Confidence confidenceAfter, Integer targetLevelBefore, Integer targetLevelAfter) {
    }

    private final AssessmentService assessments;
    private final CompanyService companies;
    private final FindingService findings;

    AssessmentController(AssessmentService assessments, CompanyService companies, FindingService findings) {
        this.assessments = assessments;
        this.companies = companies;
        this.findings = findings;
    }

    @QueryMapping
    AssessmentView assessment(@Argument String id) {
        return assessments.summaries(List.of(AssessmentView.assessmentId(id))).stream().findFirst().map(AssessmentView::of)
                .orElse(null);
    }

    @QueryMapping
    DiffView assessmentDiff(@Argument String beforeId, @Argument String afterId) {
        try {
            return assessments.diff(AssessmentView.assessmentId(beforeId), AssessmentView.assessmentId(afterId))
                    .map(comparison -> new DiffView(AssessmentView.of(comparison.before()), AssessmentView.of(comparison.after()),
                            comparison.diff().criteria().stream().map(c -> new ChangeView(c.code(), c.changed(), c.stateBefore(),
                                    c.stateAfter(), c.recordedBefore(), c.recordedAfter(), c.effectiveBefore(), c.effectiveAfter(),
                                    c.effectiveDelta(), c.confidenceBefore(), c.confidenceAfter(), c.targetBefore(),
                                    c.targetAfter())).toList(),
                            comparison.diff().changes().size()))
                    .orElse(null);
        } catch (RuleViolationException differentCompanies) {
            throw new BadRequestException(differentCompanies.violations().get(0).message());
        }
    }

    @BatchMapping(typeName = "Assessment")
    Map<AssessmentView, CompanyView> company(List<AssessmentView> views) {
        Map<CompanyId, CompanyView> byId = companies.findAll(views.stream().map(AssessmentView::companyKey).distinct().toList())
                .stream().collect(Collectors.toMap(c -> c.id(), CompanyView::of));
        return views.stream().filter(view -> byId.containsKey(view.companyKey()))
                .collect(Collectors.toMap(Function.identity(), view -> byId.get(view.companyKey()), (a, b) -> a));
    }

    @BatchMapping(typeName = "Assessment")
    Map<AssessmentView, List<FindingView>> findings(List<AssessmentView> views) {
        Map<AssessmentId, List<FindingView>> byAssessment = findings.ofAssessments(
                views.stream().map(AssessmentView::assessmentId).distinct().toList()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stream().map(FindingView::of).toList()));
        return views.stream().collect(Collectors.toMap(Function.identity(),
                view -> byAssessment.getOrDefault(view.assessmentId(), List.of()), (a, b) -> a));
    }

    /**
     * The open findings of each assessment alone, by severity: the live ones not resolved or accepted, as
     * {@code Company.openFindings} counts them over every assessment of the company (clarification 2).
     */
    @BatchMapping(typeName = "Assessment", field = "openFindings")
    Map<AssessmentView, SeverityCountsView> openFindings(List<AssessmentView> views) {
        Map<AssessmentId, List<Finding>> byAssessment = findings.ofAssessments(
                views.stream().map(AssessmentView::assessmentId).distinct().toList());
        return views.stream().collect(Collectors.toMap(Function.identity(), view -> {
            Map<Severity, Integer> open = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                open.put(severity, 0);
            }
            byAssessment.getOrDefault(view.assessmentId(), List.of()).stream().filter(f -> !f.status().isClosed())
                    .forEach(f -> open.merge(f.content().severity(), 1, Integer::sum));
            return SeverityCountsView.of(open);
        }, (a, b) -> a));
    }

    @BatchMapping(typeName = "Company")
    Map<CompanyView, List<AssessmentView>> assessments(List<CompanyView> views) {
        Map<CompanyId, List<ScoredAssessment>> byCompany = assessments.ofCompanies(
                views.stream().map(CompanyView::companyId).distinct().toList());
        return views.stream().collect(Collectors.toMap(Function.identity(),
                view -> byCompany.getOrDefault(view.companyId(), List.of()).stream().map(AssessmentView::of).toList(), (a, b) -> a));
    }

    @SchemaMapping(typeName = "Company", field = "assessmentHistory")
    CompletableFuture<Connection<AssessmentView>> assessmentHistory(CompanyView company, @Argument Integer first, @Argument String after,
            @Argument Integer last, @Argument String before, DataFetchingFieldSelectionSet selection,
            DataLoader<PageKey<CompanyId>, Connection<AssessmentView>> assessmentHistory) {
        return assessmentHistory.load(PageKey.of(company.companyId(), new ConnectionArguments(first, after, last, before),
                AssessmentCursors.ORDERING, selection));
    }

    @BatchMapping(typeName = "Company")
    Map<CompanyView, AssessmentView> latestAssessment(List<CompanyView> views) {
        Map<CompanyId, AssessmentSummary> latest = assessments.latestPublishedSummaries(
                views.stream().map(CompanyView::companyId).distinct().toList());
        return views.stream().filter(view -> latest.containsKey(view.companyId()))
                .collect(Collectors.toMap(Function.identity(), view -> AssessmentView.of(latest.get(view.companyId())), (a, b) -> a));
    }

    @BatchMapping(typeName = "Finding")
    Map<FindingView, AssessmentView> assessment(List<FindingView> views) {
        Map<AssessmentId, AssessmentView> byId = assessments.summaries(views.stream().map(FindingView::assessmentId).distinct().toList())
                .stream().collect(Collectors.toMap(AssessmentSummary::id, AssessmentView::of));
        return views.stream().filter(view -> byId.containsKey(view.assessmentId()))
                .collect(Collectors.toMap(Function.identity(), view -> byId.get(view.assessmentId()), (a, b) -> a));
    }

    @MutationMapping
    AssessmentPayload createAssessment(@Argument CreateAssessmentInput input) {
        return MutationOutcome.run(() -> AssessmentPayload.of(assessments.create(companyId(input.companyId()),
                input.frameworkVersion(), ContextInput.of(input.context()), input.leadAssessor())), AssessmentPayload::failed);
    }

    @MutationMapping
    AssessmentPayload startAssessmentFromLatest(@Argument StartAssessmentFromLatestInput input) {
        return MutationOutcome.run(() -> AssessmentPayload.of(assessments.startFromLatest(companyId(input.companyId()),
                input.frameworkVersion(), input.leadAssessor())), AssessmentPayload::failed);
    }

    @MutationMapping
    AssessmentPayload updateAssessmentContext(@Argument UpdateAssessmentContextInput input) {
        return MutationOutcome.run(() -> AssessmentPayload.of(assessments.updateContext(AssessmentView.assessmentId(input.id()),
                input.expectedVersion(), input.context().toContext())), AssessmentPayload::failed);
    }

    @MutationMapping
    AssessmentPayload scoreCriterion(@Argument ScoreCriterionInput input) {
        CriterionScore score = new CriterionScore(input.state(), input.level(), input.confidence(), input.notApplicableReason(), 0,
                input.targetLevel());
        return MutationOutcome.run(() -> inInputTerms(() -> AssessmentPayload.of(assessments.scoreCriterion(
                AssessmentView.assessmentId(input.assessmentId()), input.expectedVersion(), input.criterion(), score,
                input.rationale()))), AssessmentPayload::failed);
    }

    @MutationMapping
    AddEvidencePayload addEvidence(@Argument AddEvidenceInput input) {
        return MutationOutcome.run(() -> inInputTerms(() -> {
            ScoredAssessment changed = assessments.addEvidence(AssessmentView.assessmentId(input.assessmentId()),
                    input.expectedVersion(), input.criterion(), input.kind(), input.value());
            List<EvidenceItem> items = changed.assessment().criteria().find(input.criterion()).orElseThrow().evidence();
            return new AddEvidencePayload(AssessmentView.of(changed), AssessmentView.EvidenceView.of(items.get(items.size() - 1)),
                    List.of());
        }), errors -> new AddEvidencePayload(null, null, errors));
    }

    @MutationMapping
    AssessmentPayload removeEvidence(@Argument RemoveEvidenceInput input) {
        return MutationOutcome.run(() -> AssessmentPayload.of(assessments.removeEvidence(
                AssessmentView.assessmentId(input.assessmentId()), input.expectedVersion(), AssessmentView.evidenceId(input.evidenceId()))),
                AssessmentPayload::failed);
    }

    @MutationMapping
    AssessmentPayload submitAssessment(@Argument AssessmentVersionInput input) {
        return MutationOutcome.run(() -> inInputTerms(() -> AssessmentPayload.of(
                assessments.submit(AssessmentView.assessmentId(input.id()), input.expectedVersion()))), AssessmentPayload::failed);
    }

    @MutationMapping
    AssessmentPayload requestAssessmentChanges(@Argument RequestAssessmentChangesInput input) {
        return MutationOutcome.run(() -> AssessmentPayload.of(assessments.requestChanges(AssessmentView.assessmentId(input.id()),
                input.expectedVersion(), input.comment())), AssessmentPayload::failed);
    }

    @MutationMapping
    AssessmentPayload publishAssessment(@Argument AssessmentVersionInput input) {
        return MutationOutcome.run(() -> inInputTerms(() -> AssessmentPayload.of(
                assessments.publish(AssessmentView.assessmentId(input.id()), input.expectedVersion()))), AssessmentPayload::failed);
    }

    @MutationMapping
    AssessmentPayload retractAssessment(@Argument RetractAssessmentInput input) {
        return MutationOutcome.run(() -> AssessmentPayload.of(assessments.retract(AssessmentView.assessmentId(input.id()),
                input.expectedVersion(), input.reason())), AssessmentPayload::failed);
    }

    /**
     * Runs {@code mutation} and restates the domain's field paths in the input's terms: a criterion's
     * attribute ({@code ["criteria", code, "level"]}) is the input's {@code ["level"]}, an unknown
     * criterion ({@code ["criteria", code]}) is {@code ["criterion"]}, an evidence value is
     * {@code ["value"]}, and the four-eyes refusal ({@code ["reviewer"]}, the caller) concerns the whole input.
     */
    private static <P> P inInputTerms(Supplier<P> mutation) {
        try {
            return mutation.get();
        } catch (RuleViolationException violation) {
            throw new RuleViolationException(violation.violations().stream()
                    .map(v -> new Violation(inputPath(v.field()), v.code(), v.message())).toList());
        }
    }

    private static List<String> inputPath(List<String> field) {
        if (field.size() >= 3 && field.get(0).equals("criteria")) {
            return field.subList(2, field.size());
        }
        if (field.size() == 2 && field.get(0).equals("criteria")) {
            return List.of("criterion");
        }
        if (field.equals(List.of("evidence", "value"))) {
            return List.of("value");
        }
        if (field.equals(List.of("reviewer"))) {
            return List.of();
        }
        return field;
    }

    private static CompanyId companyId(String id) {
        return new CompanyId(GlobalId.decodeOrNothing(id, CompanyView.TYPE));
    }
}
