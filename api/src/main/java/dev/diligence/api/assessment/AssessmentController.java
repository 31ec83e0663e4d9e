package dev.diligence.api.assessment;

import dev.diligence.api.company.CompanyView;
import dev.diligence.api.graphql.BadRequestException;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.MutationOutcome;
import dev.diligence.api.graphql.NodeLoader;
import dev.diligence.api.graphql.UserError;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.assessment.EvidenceKind;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.EuAiActTier;
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.domain.scoring.SensitiveDomain;
import dev.diligence.domain.shared.RuleViolationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL assessments: the queries and the editing of drafts (creating, context, scores, evidence).
 * Review and publication are {@link AssessmentReviewController}'s; how assessments relate to
 * companies and findings is {@link AssessmentRelationsController}'s.
 */
@Controller
class AssessmentController {

    record ContextInput(
            Boolean modelsInProduction,
            EuAiActTier euAiActTier,
            List<SensitiveDomain> sensitiveDomains,
            BigDecimal lowestImpactRatio,
            Boolean fairnessMitigationDocumented) {

        AssessmentContext toContext() {
            return new AssessmentContext(
                    Boolean.TRUE.equals(modelsInProduction),
                    euAiActTier == null ? EuAiActTier.UNCLASSIFIED : euAiActTier,
                    sensitiveDomains == null ? Set.of() : Set.copyOf(sensitiveDomains),
                    lowestImpactRatio,
                    Boolean.TRUE.equals(fairnessMitigationDocumented));
        }

        static AssessmentContext of(ContextInput input) {
            return input == null ? AssessmentContext.DEFAULT : input.toContext();
        }
    }

    record CreateAssessmentInput(
            String companyId, Integer frameworkVersion, String leadAssessor, ContextInput context) {}

    record StartAssessmentFromLatestInput(String companyId, Integer frameworkVersion, String leadAssessor) {}

    record UpdateAssessmentContextInput(String id, Long expectedVersion, ContextInput context) {}

    record ScoreCriterionInput(
            String assessmentId,
            Long expectedVersion,
            String criterion,
            ScoreState state,
            Integer level,
            Confidence confidence,
            String notApplicableReason,
            Integer targetLevel,
            String rationale) {}

    record AddEvidenceInput(
            String assessmentId, Long expectedVersion, String criterion, EvidenceKind kind, String value) {}

    record RemoveEvidenceInput(String assessmentId, Long expectedVersion, String evidenceId) {}

    record AssessmentPayload(AssessmentView assessment, List<UserError> userErrors) {

        static AssessmentPayload of(ScoredAssessment scored) {
            return new AssessmentPayload(AssessmentView.of(scored), List.of());
        }

        static AssessmentPayload failed(List<UserError> errors) {
            return new AssessmentPayload(null, errors);
        }
    }

    record AddEvidencePayload(
            AssessmentView assessment, AssessmentView.EvidenceView evidence, List<UserError> userErrors) {}

    /** GraphQL {@code AssessmentDiff}. */
    record DiffView(AssessmentView before, AssessmentView after, List<ChangeView> criteria, int changedCount) {}

    /** GraphQL {@code CriterionChange}. */
    record ChangeView(
            String code,
            boolean changed,
            ScoreState stateBefore,
            ScoreState stateAfter,
            Integer recordedLevelBefore,
            Integer recordedLevelAfter,
            Integer effectiveLevelBefore,
            Integer effectiveLevelAfter,
            Integer effectiveLevelDelta,
            Confidence confidenceBefore,
            Confidence confidenceAfter,
            Integer targetLevelBefore,
            Integer targetLevelAfter) {}

    private final AssessmentService assessments;

    AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    /** {@code node(id:)} for assessments. */
    @Bean
    static NodeLoader assessmentNodes(AssessmentService assessments) {
        return new NodeLoader(
                AssessmentView.TYPE,
                id -> assessments.summaryWithCompany(new AssessmentId(id)).map(AssessmentView::of));
    }

    @QueryMapping
    AssessmentView assessment(@Argument String id) {
        return assessments
                .summaryWithCompany(AssessmentView.assessmentId(id))
                .map(AssessmentView::of)
                .orElse(null);
    }

    @QueryMapping
    DiffView assessmentDiff(@Argument String beforeId, @Argument String afterId) {
        try {
            return assessments
                    .diff(AssessmentView.assessmentId(beforeId), AssessmentView.assessmentId(afterId))
                    .map(comparison -> new DiffView(
                            AssessmentView.of(comparison.before()),
                            AssessmentView.of(comparison.after()),
                            comparison.diff().criteria().stream()
                                    .map(c -> new ChangeView(
                                            c.code(),
                                            c.changed(),
                                            c.stateBefore(),
                                            c.stateAfter(),
                                            c.recordedBefore(),
                                            c.recordedAfter(),
                                            c.effectiveBefore(),
                                            c.effectiveAfter(),
                                            c.effectiveDelta(),
                                            c.confidenceBefore(),
                                            c.confidenceAfter(),
                                            c.targetBefore(),
                                            c.targetAfter()))
                                    .toList(),
                            comparison.diff().changes().size()))
                    .orElse(null);
        } catch (RuleViolationException differentCompanies) {
            throw new BadRequestException(differentCompanies.violations().get(0).message());
        }
    }

    @MutationMapping
    AssessmentPayload createAssessment(@Argument CreateAssessmentInput input) {
        return MutationOutcome.run(
                () -> AssessmentPayload.of(assessments.create(
                        companyId(input.companyId()),
                        input.frameworkVersion(),
                        ContextInput.of(input.context()),
                        input.leadAssessor())),
                AssessmentPayload::failed);
    }

    @MutationMapping
    AssessmentPayload startAssessmentFromLatest(@Argument StartAssessmentFromLatestInput input) {
        return MutationOutcome.run(
                () -> AssessmentPayload.of(assessments.startFromLatest(
                        companyId(input.companyId()), input.frameworkVersion(), input.leadAssessor())),
                AssessmentPayload::failed);
    }

    @MutationMapping
    AssessmentPayload updateAssessmentContext(@Argument UpdateAssessmentContextInput input) {
        return MutationOutcome.run(
                () -> AssessmentPayload.of(assessments.updateContext(
                        AssessmentView.assessmentId(input.id()),
                        input.expectedVersion(),
                        input.context().toContext())),
                AssessmentPayload::failed);
    }

    @MutationMapping
    AssessmentPayload scoreCriterion(@Argument ScoreCriterionInput input) {
        CriterionScore score = new CriterionScore(
                input.state(), input.level(), input.confidence(), input.notApplicableReason(), 0, input.targetLevel());
        return MutationOutcome.run(
                () -> AssessmentInputTerms.restate(() -> AssessmentPayload.of(assessments.scoreCriterion(
                        AssessmentView.assessmentId(input.assessmentId()),
                        input.expectedVersion(),
                        input.criterion(),
                        score,
                        input.rationale()))),
                AssessmentPayload::failed);
    }

    @MutationMapping
    AddEvidencePayload addEvidence(@Argument AddEvidenceInput input) {
        return MutationOutcome.run(
                () -> AssessmentInputTerms.restate(() -> {
                    ScoredAssessment changed = assessments.addEvidence(
                            AssessmentView.assessmentId(input.assessmentId()),
                            input.expectedVersion(),
                            input.criterion(),
                            input.kind(),
                            input.value());
                    List<EvidenceItem> items = changed.assessment()
                            .criteria()
                            .find(input.criterion())
                            .orElseThrow()
                            .evidence();
                    return new AddEvidencePayload(
                            AssessmentView.of(changed),
                            AssessmentView.EvidenceView.of(items.get(items.size() - 1)),
                            List.of());
                }),
                errors -> new AddEvidencePayload(null, null, errors));
    }

    @MutationMapping
    AssessmentPayload removeEvidence(@Argument RemoveEvidenceInput input) {
        return MutationOutcome.run(
                () -> AssessmentPayload.of(assessments.removeEvidence(
                        AssessmentView.assessmentId(input.assessmentId()),
                        input.expectedVersion(),
                        AssessmentView.evidenceId(input.evidenceId()))),
                AssessmentPayload::failed);
    }

    private static CompanyId companyId(String id) {
        return new CompanyId(GlobalId.decodeOrNothing(id, CompanyView.TYPE));
    }
}
