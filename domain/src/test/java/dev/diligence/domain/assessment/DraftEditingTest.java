package dev.diligence.domain.assessment;

import static dev.diligence.domain.assessment.AssessmentFixtures.ASSESSOR;
import static dev.diligence.domain.assessment.AssessmentFixtures.OTHER_ASSESSOR;
import static dev.diligence.domain.assessment.AssessmentFixtures.anUnscoredAssessment;
import static dev.diligence.domain.shared.ViolationAssertions.assertThatRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.EuAiActTier;
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.domain.shared.ViolationCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DraftEditingTest {

    private static final Instant NOW = Instant.parse("2026-03-03T10:00:00Z");

    private final Assessment draft = anUnscoredAssessment().draft();

    @Test
    void scoringRecordsScoreRationaleAndTheEditor() {
        Assessment scored = draft.scoreCriterion(
                "C2.1",
                CriterionScore.scored(3, Confidence.MEDIUM, 0).withTarget(4),
                "  orchestrated in Airflow ",
                OTHER_ASSESSOR,
                NOW);

        CriterionAssessment c21 = scored.criteria().find("C2.1").orElseThrow();
        assertThat(c21.score()).isEqualTo(new CriterionScore(ScoreState.SCORED, 3, Confidence.MEDIUM, null, 0, 4));
        assertThat(c21.rationale()).isEqualTo("orchestrated in Airflow");
        assertThat(scored.review().editors()).containsExactlyInAnyOrder(ASSESSOR, OTHER_ASSESSOR);
        assertThat(scored.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void theEvidenceCountFollowsTheEvidenceItemsNotTheGivenScore() {
        Assessment withEvidence = draft.addEvidence(
                "C1.1", EvidenceItem.of(EvidenceKind.LINK, "https://mlflow.example.com", ASSESSOR, NOW), ASSESSOR, NOW);

        Assessment scored =
                withEvidence.scoreCriterion("C1.1", CriterionScore.scored(3, Confidence.HIGH, 99), null, ASSESSOR, NOW);

        assertThat(scored.criteria().find("C1.1").orElseThrow().evidence()).hasSize(1);
        assertThat(scored.criteria().scores().get("C1.1").evidenceCount()).isEqualTo(1);
    }

    @Test
    void removingEvidenceLowersTheCountSeenByTheEvidenceGate() {
        EvidenceItem item = EvidenceItem.of(EvidenceKind.DOCUMENT, "dataroom/ml/registry.pdf", ASSESSOR, NOW);
        Assessment scored = draft.scoreCriterion(
                        "C1.1", CriterionScore.scored(3, Confidence.HIGH, 0), null, ASSESSOR, NOW)
                .addEvidence("C1.1", item, ASSESSOR, NOW);

        Assessment removed = scored.removeEvidence("C1.1", item.id(), OTHER_ASSESSOR, NOW);

        assertThat(removed.criteria().scores().get("C1.1").evidenceCount()).isZero();
        assertThat(removed.review().editors()).contains(OTHER_ASSESSOR);
        assertThat(removed.score(AssessmentFixtures.V1, AssessmentFixtures.ENGINE)
                        .criterion("C1.1")
                        .orElseThrow()
                        .gated())
                .isTrue();
    }

    @Test
    void refusesToRemoveEvidenceThatIsNotThere() {
        assertThatRuleViolation(() -> draft.removeEvidence("C1.1", UUID.randomUUID(), ASSESSOR, NOW))
                .containsExactly(tuple(List.of("criteria", "C1.1", "evidence"), ViolationCode.NOT_FOUND));
    }

    @Test
    void refusesAnInvalidScoreAtTheCriterionsPath() {
        CriterionScore withoutConfidence = new CriterionScore(ScoreState.SCORED, 5, null, null, 0, null);

        assertThatRuleViolation(() -> draft.scoreCriterion("C3.1", withoutConfidence, null, ASSESSOR, NOW))
                .containsExactlyInAnyOrder(
                        tuple(List.of("criteria", "C3.1", "level"), ViolationCode.OUT_OF_RANGE),
                        tuple(List.of("criteria", "C3.1", "confidence"), ViolationCode.REQUIRED));
    }

    @Test
    void refusesACriterionTheVersionDoesNotHave() {
        assertThatRuleViolation(() -> draft.scoreCriterion("C9.9", CriterionScore.unknown(), null, ASSESSOR, NOW))
                .containsExactly(tuple(List.of("criteria", "C9.9"), ViolationCode.NOT_FOUND));
    }

    @Test
    void refusesAnOverlongRationale() {
        String essay = "x".repeat(CriterionAssessment.RATIONALE_MAX_LENGTH + 1);

        assertThatRuleViolation(() ->
                        draft.scoreCriterion("C3.1", CriterionScore.scored(1, Confidence.LOW, 0), essay, ASSESSOR, NOW))
                .containsExactly(tuple(List.of("criteria", "C3.1", "rationale"), ViolationCode.TOO_LONG));
    }

    @Test
    void settingTheContextRecordsTheEditor() {
        Assessment changed =
                draft.setContext(AssessmentContext.DEFAULT.withEuAiActTier(EuAiActTier.HIGH), OTHER_ASSESSOR, NOW);

        assertThat(changed.context().euAiActTier()).isEqualTo(EuAiActTier.HIGH);
        assertThat(changed.review().editors()).contains(OTHER_ASSESSOR);
    }

    @Test
    void refusesAnInvalidContext() {
        AssessmentContext invalid = AssessmentContext.DEFAULT.withLowestImpactRatio(new BigDecimal("1.5"));

        assertThatRuleViolation(() -> draft.setContext(invalid, ASSESSOR, NOW))
                .containsExactly(tuple(List.of("context", "lowestImpactRatio"), ViolationCode.OUT_OF_RANGE));
    }
}
