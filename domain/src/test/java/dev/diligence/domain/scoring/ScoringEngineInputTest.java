package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.ENGINE;
import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static dev.diligence.domain.scoring.Assessments.anUnscoredAssessment;
import static dev.diligence.domain.shared.ViolationAssertions.assertThatRuleViolation;
import static dev.diligence.domain.shared.ViolationAssertions.assertThatViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.RedFlagRuleSetId;
import dev.diligence.domain.shared.ViolationCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringEngineInputTest {

    @Test
    void treatsACriterionWithoutARecordedScoreAsUnknown() {
        ScoringResult result = anAssessment().unknown("C3.3").score();

        assertThat(result.criterion("C3.3").orElseThrow().state()).isEqualTo(ScoreState.UNKNOWN);
        assertThat(result.notAssessed()).containsExactly("C3.3");
    }

    @Test
    void rejectsAScoreForACriterionTheVersionDoesNotHave() {
        Assessments.Builder assessment = anAssessment().scored("C9.9", 2);

        assertThatRuleViolation(assessment::score)
                .containsExactly(tuple(List.of("scores", "C9.9"), ViolationCode.NOT_FOUND));
    }

    @Test
    void reportsEveryInvalidInputAtOnceWithItsPath() {
        Assessments.Builder assessment = anAssessment()
                .in(context -> context.withLowestImpactRatio(new BigDecimal("1.5")))
                .with("C1.1", new CriterionScore(ScoreState.SCORED, 7, Confidence.HIGH, null, 1, null))
                .with("C4.2", new CriterionScore(ScoreState.NOT_APPLICABLE, null, null, " ", 0, null));

        assertThatViolations(ENGINE.violations(assessment.version(), assessment.context(), assessment.scores()))
                .containsExactly(
                        tuple(List.of("context", "lowestImpactRatio"), ViolationCode.OUT_OF_RANGE),
                        tuple(List.of("scores", "C1.1", "level"), ViolationCode.OUT_OF_RANGE),
                        tuple(List.of("scores", "C4.2", "notApplicableReason"), ViolationCode.REQUIRED));
        assertThatRuleViolation(assessment::score).hasSize(3);
    }

    @Test
    void scoresAnAssessmentWithNothingRecorded() {
        ScoringResult result = anUnscoredAssessment().score();

        assertThat(result.overall()).isNull();
        assertThat(result.level()).isEmpty();
        assertThat(result.notAssessed()).hasSize(14);
        assertThat(result.remediationRanking()).isEmpty();
    }

    @Test
    void refusesAVersionWhoseRuleSetThisCodeDoesNotKnow() {
        FrameworkVersion future =
                FrameworkVersion.platform(2, new RedFlagRuleSetId("DMF-RF-99"), FrameworkV1.VERSION.dimensions());

        assertThatThrownBy(() -> ENGINE.score(future, AssessmentContext.DEFAULT, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DMF-RF-99");
    }

    @Test
    void givesTheSameDigitsEveryTime() {
        Assessments.Builder assessment =
                anAssessment().scored("C1.2", 4, Confidence.MEDIUM).unknown("C3.3");

        assertThat(assessment.score()).isEqualTo(assessment.score());
    }
}
