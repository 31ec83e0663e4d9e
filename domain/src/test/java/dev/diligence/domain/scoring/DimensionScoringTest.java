package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static dev.diligence.domain.scoring.Assessments.d;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DimensionScoringTest {

    private static DimensionResult dimension(Assessments.Builder assessment, String code) {
        return assessment.score().dimension(code).orElseThrow();
    }

    @Test
    void leavesANotApplicableCriterionOutOfScoreAndCoverage() {
        // D1 = (0.35·4 + 0.35·2) / (0.35 + 0.35) = 2.1 / 0.7 = 3;  coverage = 0.70 / 0.70 = 1
        DimensionResult d1 = dimension(anAssessment().scored("C1.1", 4).notApplicable("C1.2"), "D1");

        assertThat(d1.score()).isEqualTo(d("3.0000000000"));
        assertThat(d1.coverage()).isEqualTo(d("1.0000000000"));
        assertThat(d1.provisional()).isFalse();
    }

    @Test
    void countsAnUnknownCriterionAgainstCoverageOnly() {
        // same score as above, but coverage = 0.70 / 1.00 = 0.7: not provisional, 0.7 is not below 0.7
        DimensionResult d1 = dimension(anAssessment().scored("C1.1", 4).unknown("C1.2"), "D1");

        assertThat(d1.score()).isEqualTo(d("3.0000000000"));
        assertThat(d1.coverage()).isEqualTo(d("0.7000000000"));
        assertThat(d1.provisional()).isFalse();
    }

    @Test
    void marksADimensionCoveredBelowSeventyPercentProvisional() {
        // coverage = (0.30 + 0.35) / 1.00 = 0.65
        DimensionResult d1 = dimension(anAssessment().unknown("C1.1"), "D1");

        assertThat(d1.coverage()).isEqualTo(d("0.6500000000"));
        assertThat(d1.provisional()).isTrue();
        assertThat(d1.score()).isEqualTo(d("2.0000000000"));
    }

    @Test
    void roundsARepeatingScoreToTenPlaces() {
        // D1 = (0.30·3 + 0.35·4) / 0.65 = 2.3 / 0.65 = 3.538461538461... → 3.5384615385
        // D3 = (0.40·2 + 0.35·1) / 0.75 = 1.15 / 0.75 = 1.5333... → 1.5333333333;  coverage 0.75
        // conf D3 = (0.40·1.0 + 0.35·0.3) / 0.75 = 0.505 / 0.75 = 0.67333... → 0.6733333333
        ScoringResult result = anAssessment()
                .unknown("C1.1")
                .scored("C1.2", 3)
                .scored("C1.3", 4)
                .scored("C3.2", 1, Confidence.LOW)
                .unknown("C3.3")
                .score();

        assertThat(result.dimension("D1").orElseThrow().score()).isEqualTo(d("3.5384615385"));
        DimensionResult d3 = result.dimension("D3").orElseThrow();
        assertThat(d3.score()).isEqualTo(d("1.5333333333"));
        assertThat(d3.coverage()).isEqualTo(d("0.7500000000"));
        assertThat(d3.confidence()).isEqualTo(d("0.6733333333"));
    }

    @Test
    void hasNoScoreButZeroCoverageWhenNothingApplicableIsScored() {
        DimensionResult d3 = dimension(anAssessment().unknown("C3.1", "C3.2").notApplicable("C3.3"), "D3");

        assertThat(d3.applicable()).isTrue();
        assertThat(d3.hasScore()).isFalse();
        assertThat(d3.score()).isNull();
        assertThat(d3.confidence()).isNull();
        assertThat(d3.coverage()).isEqualTo(d("0.0000000000"));
        assertThat(d3.provisional()).isTrue();
    }

    @Test
    void leavesADimensionWhoseCriteriaAllDoNotApplyOutOfEverything() {
        DimensionResult d3 = dimension(anAssessment().notApplicable("C3.1", "C3.2", "C3.3"), "D3");

        assertThat(d3.applicable()).isFalse();
        assertThat(d3.score()).isNull();
        assertThat(d3.coverage()).isNull();
        assertThat(d3.confidence()).isNull();
        assertThat(d3.provisional()).isFalse();
    }

    @Test
    void weighsConfidenceOverScoredCriteriaOnly() {
        // conf D2 = (0.30·0.3 + 0.30·0.6) / 0.60 = 0.27 / 0.60 = 0.45  (C2.3, C2.4 unknown)
        DimensionResult d2 = dimension(
                anAssessment()
                        .scored("C2.1", 2, Confidence.LOW)
                        .scored("C2.2", 2, Confidence.MEDIUM)
                        .unknown("C2.3", "C2.4"),
                "D2");

        assertThat(d2.confidence()).isEqualTo(d("0.4500000000"));
        assertThat(d2.coverage()).isEqualTo(d("0.6000000000"));
    }
}
