package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static dev.diligence.domain.scoring.Assessments.d;
import static dev.diligence.domain.scoring.Confidence.HIGH;
import static dev.diligence.domain.scoring.Confidence.LOW;
import static dev.diligence.domain.scoring.Confidence.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/**
 * A fully scored assessment under version 1 in the default context, computed by hand:
 * <pre>
 * D1 (0.20): C1.1 3 HIGH, C1.2 2 MEDIUM, C1.3 2 HIGH
 *   D1 = 0.35·3 + 0.30·2 + 0.35·2 = 1.05 + 0.60 + 0.70 = 2.35       (Σw = 1)
 *   conf = 0.35·1.0 + 0.30·0.6 + 0.35·1.0 = 0.88
 * D2 (0.25): C2.1 3 MEDIUM, C2.2 2 HIGH, C2.3 3 HIGH, C2.4 1 LOW
 *   D2 = 0.30·3 + 0.30·2 + 0.20·3 + 0.20·1 = 0.90 + 0.60 + 0.60 + 0.20 = 2.30
 *   conf = 0.30·0.6 + 0.30·1.0 + 0.20·1.0 + 0.20·0.3 = 0.74
 * D3 (0.25): C3.1 2 HIGH, C3.2 1 MEDIUM, C3.3 1 LOW
 *   D3 = 0.40·2 + 0.35·1 + 0.25·1 = 1.40;  conf = 0.40 + 0.21 + 0.075 = 0.685
 * D4 (0.30): C4.1 2 MEDIUM, C4.2 1 LOW, C4.3 0 HIGH, C4.4 2 MEDIUM
 *   D4 = 0.25·2 + 0.30·1 + 0.20·0 + 0.25·2 = 1.30;  conf = 0.15 + 0.09 + 0.20 + 0.15 = 0.59
 * O = 0.20·2.35 + 0.25·2.30 + 0.25·1.40 + 0.30·1.30 = 0.47 + 0.575 + 0.35 + 0.39 = 1.785  (ΣW = 1)
 * 100·O/4 = 44.625;  F = 1.30;  L = min(⌊1.785⌋, ⌊1.30⌋ + 1) = min(1, 2) = 1
 * overall confidence = 0.20·0.88 + 0.25·0.74 + 0.25·0.685 + 0.30·0.59 = 0.176 + 0.185 + 0.17125 + 0.177 = 0.70925
 * </pre>
 */
class FullyScoredAssessmentTest {

    private static final ScoringResult RESULT = anAssessment()
            .scored("C1.1", 3, HIGH)
            .scored("C1.2", 2, MEDIUM)
            .scored("C1.3", 2, HIGH)
            .scored("C2.1", 3, MEDIUM)
            .scored("C2.2", 2, HIGH)
            .scored("C2.3", 3, HIGH)
            .scored("C2.4", 1, LOW)
            .scored("C3.1", 2, HIGH)
            .scored("C3.2", 1, MEDIUM)
            .scored("C3.3", 1, LOW)
            .scored("C4.1", 2, MEDIUM)
            .scored("C4.2", 1, LOW)
            .scored("C4.3", 0, HIGH)
            .scored("C4.4", 2, MEDIUM)
            .score();

    @Test
    void scoresEachDimensionAsTheWeightedMeanOfItsEffectiveLevels() {
        assertThat(RESULT.dimensions())
                .extracting(DimensionResult::code, DimensionResult::score)
                .containsExactly(
                        tuple("D1", d("2.3500000000")),
                        tuple("D2", d("2.3000000000")),
                        tuple("D3", d("1.4000000000")),
                        tuple("D4", d("1.3000000000")));
    }

    @Test
    void leavesUncappedDimensionsAsTheyAre() {
        assertThat(RESULT.dimensions()).allSatisfy(dimension -> {
            assertThat(dimension.uncappedScore()).isEqualTo(dimension.score());
            assertThat(dimension.cappedBy()).isNull();
        });
    }

    @Test
    void weighsConfidenceByCriterionWeight() {
        assertThat(RESULT.dimensions())
                .extracting(DimensionResult::confidence)
                .containsExactly(d("0.8800000000"), d("0.7400000000"), d("0.6850000000"), d("0.5900000000"));
    }

    @Test
    void coversEveryDimensionFully() {
        assertThat(RESULT.dimensions()).extracting(DimensionResult::coverage).containsOnly(d("1.0000000000"));
        assertThat(RESULT.dimensions()).noneMatch(DimensionResult::provisional);
        assertThat(RESULT.coverage()).isEqualTo(d("1.0000000000"));
    }

    @Test
    void computesTheOverallScorePercentageAndFloor() {
        OverallResult overall = RESULT.overall();

        assertThat(overall).isNotNull();
        assertThat(overall.score()).isEqualTo(d("1.7850000000"));
        assertThat(overall.percentage()).isEqualTo(d("44.6250000000"));
        assertThat(overall.floor()).isEqualTo(d("1.3000000000"));
        assertThat(overall.confidence()).isEqualTo(d("0.7092500000"));
    }

    @Test
    void takesTheLevelFromTheOverallScoreWhenTheFloorAllowsIt() {
        assertThat(RESULT.overall().uncappedLevel()).isEqualTo(1);
        assertThat(RESULT.level()).contains(1);
        assertThat(RESULT.overall().levelCappedBy()).isNull();
        assertThat(RESULT.overall().levelSuppressed()).isFalse();
    }

    @Test
    void raisesNoRedFlagInTheDefaultContextWithoutGatedCriteria() {
        assertThat(RESULT.redFlags()).isEmpty();
        assertThat(RESULT.dealLevelRedFlag()).isFalse();
    }

    @Test
    void ranksRemediationByGapTimesBothWeights() {
        // targets are all 2: C4.3 gap 2 → 2·0.20·0.30 = 0.12; C4.2 gap 1 → 0.30·0.30 = 0.09;
        // C3.2 → 0.35·0.25 = 0.0875; C3.3 → 0.25·0.25 = 0.0625; C2.4 → 0.20·0.25 = 0.05
        assertThat(RESULT.remediationRanking())
                .extracting(CriterionResult::code, CriterionResult::gap, CriterionResult::priority)
                .containsExactly(
                        tuple("C4.3", 2, d("0.1200000000")),
                        tuple("C4.2", 1, d("0.0900000000")),
                        tuple("C3.2", 1, d("0.0875000000")),
                        tuple("C3.3", 1, d("0.0625000000")),
                        tuple("C2.4", 1, d("0.0500000000")));
        assertThat(RESULT.notAssessed()).isEmpty();
    }

    @Test
    void reportsEveryCriterionInFrameworkOrder() {
        assertThat(RESULT.frameworkVersion()).isEqualTo(1);
        assertThat(RESULT.criteria())
                .extracting(CriterionResult::code)
                .containsExactly(
                        "C1.1", "C1.2", "C1.3", "C2.1", "C2.2", "C2.3", "C2.4", "C3.1", "C3.2", "C3.3", "C4.1", "C4.2",
                        "C4.3", "C4.4");
        assertThat(RESULT.criterion("C2.1").orElseThrow())
                .extracting(
                        CriterionResult::recordedLevel,
                        CriterionResult::effectiveLevel,
                        CriterionResult::gated,
                        CriterionResult::confidence,
                        CriterionResult::target,
                        CriterionResult::gap)
                .containsExactly(3, 3, false, MEDIUM, 2, 0);
    }
}
