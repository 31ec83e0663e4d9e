package dev.diligence.domain.scoring;

import static dev.diligence.domain.shared.ViolationAssertions.assertThatViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CriterionScoreTest {

    private static final List<String> FIELD = List.of("scores", "C2.1");

    private static List<Violation> violationsOf(CriterionScore score) {
        return score.violations(FIELD);
    }

    private static Tuple violation(String attribute, ViolationCode code) {
        return tuple(List.of("scores", "C2.1", attribute), code);
    }

    @Test
    void acceptsTheThreeWellFormedStates() {
        assertThat(violationsOf(CriterionScore.scored(0, Confidence.LOW, 0))).isEmpty();
        assertThat(violationsOf(CriterionScore.scored(4, Confidence.HIGH, 3).withTarget(4)))
                .isEmpty();
        assertThat(violationsOf(CriterionScore.notApplicable("the company trains no models")))
                .isEmpty();
        assertThat(violationsOf(CriterionScore.unknown().withTarget(3))).isEmpty();
    }

    @Test
    void aScoredCriterionNeedsALevelAndAConfidence() {
        CriterionScore score = new CriterionScore(ScoreState.SCORED, null, null, null, 1, null);

        assertThatViolations(violationsOf(score))
                .containsExactly(
                        violation("level", ViolationCode.REQUIRED), violation("confidence", ViolationCode.REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 5, 100})
    void rejectsALevelOutsideZeroToFour(int level) {
        assertThatViolations(violationsOf(CriterionScore.scored(level, Confidence.HIGH, 1)))
                .containsExactly(violation("level", ViolationCode.OUT_OF_RANGE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aCriterionThatDoesNotApplyNeedsAReason(String reason) {
        CriterionScore score = new CriterionScore(ScoreState.NOT_APPLICABLE, null, null, reason, 0, null);

        assertThatViolations(violationsOf(score))
                .containsExactly(violation("notApplicableReason", ViolationCode.REQUIRED));
    }

    @Test
    void rejectsAReasonLongerThan2000Characters() {
        assertThatViolations(violationsOf(CriterionScore.notApplicable("r".repeat(2001))))
                .containsExactly(violation("notApplicableReason", ViolationCode.TOO_LONG));
    }

    @Test
    void onlyAScoredCriterionHasALevelOrConfidenceAndOnlyANotApplicableOneAReason() {
        CriterionScore unknownWithLevel = new CriterionScore(ScoreState.UNKNOWN, 2, Confidence.HIGH, "why", 0, null);

        assertThatViolations(violationsOf(unknownWithLevel))
                .containsExactly(
                        violation("level", ViolationCode.INVALID),
                        violation("confidence", ViolationCode.INVALID),
                        violation("notApplicableReason", ViolationCode.INVALID));
    }

    @Test
    void rejectsNegativeEvidenceAndATargetOutsideZeroToFour() {
        CriterionScore score = CriterionScore.scored(2, Confidence.HIGH, -1).withTarget(5);

        assertThatViolations(violationsOf(score))
                .containsExactly(
                        violation("evidenceCount", ViolationCode.OUT_OF_RANGE),
                        violation("targetLevel", ViolationCode.OUT_OF_RANGE));
    }
}
