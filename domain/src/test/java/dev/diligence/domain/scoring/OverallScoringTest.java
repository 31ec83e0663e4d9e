package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static dev.diligence.domain.scoring.Assessments.anUnscoredAssessment;
import static dev.diligence.domain.scoring.Assessments.d;
import static dev.diligence.domain.scoring.Assessments.derivedFromV1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.framework.FrameworkVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverallScoringTest {

    private static Assessments.Builder dimensionsAt(int d1, int d2, int d3, int d4) {
        Assessments.Builder assessment = anAssessment();
        for (String code : new String[] {"C1.1", "C1.2", "C1.3"}) {
            assessment.scored(code, d1);
        }
        for (String code : new String[] {"C2.1", "C2.2", "C2.3", "C2.4"}) {
            assessment.scored(code, d2);
        }
        for (String code : new String[] {"C3.1", "C3.2", "C3.3"}) {
            assessment.scored(code, d3);
        }
        for (String code : new String[] {"C4.1", "C4.2", "C4.3", "C4.4"}) {
            assessment.scored(code, d4);
        }
        return assessment;
    }

    @Test
    void theWeakestDimensionHoldsTheLevelBack() {
        // O = 0.20·4 + 0.25·4 + 0.25·4 + 0.30·1 = 3.1;  F = 1;  L = min(⌊3.1⌋, ⌊1⌋ + 1) = min(3, 2) = 2
        OverallResult overall = dimensionsAt(4, 4, 4, 1).score().overall();

        assertThat(overall.score()).isEqualTo(d("3.1000000000"));
        assertThat(overall.floor()).isEqualTo(d("1.0000000000"));
        assertThat(overall.level()).isEqualTo(2);
    }

    @Test
    void theOverallScoreLimitsTheLevelWhenTheFloorIsHigh() {
        // O = 0.20·4 + 0.25·2 + 0.25·2 + 0.30·2 = 2.4;  F = 2;  L = min(2, 3) = 2
        OverallResult overall = dimensionsAt(4, 2, 2, 2).score().overall();

        assertThat(overall.score()).isEqualTo(d("2.4000000000"));
        assertThat(overall.percentage()).isEqualTo(d("60.0000000000"));
        assertThat(overall.level()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void aUniformLevelIsTheMaturityLevel(int level) {
        OverallResult overall = dimensionsAt(level, level, level, level).score().overall();

        assertThat(overall.score()).isEqualTo(d(level + ".0000000000"));
        assertThat(overall.percentage()).isEqualByComparingTo(d(String.valueOf(25 * level)));
        assertThat(overall.level()).isEqualTo(level);
    }

    @Test
    void leavesAnAllNotApplicableDimensionOutOfScoreFloorAndCoverage() {
        // O = (0.20·4 + 0.25·2 + 0.30·2) / (0.20 + 0.25 + 0.30) = 1.9 / 0.75 = 2.5333...;  F = 2;  coverage 1
        ScoringResult result =
                dimensionsAt(4, 2, 0, 2).notApplicable("C3.1", "C3.2", "C3.3").score();

        assertThat(result.overall().score()).isEqualTo(d("2.5333333333"));
        assertThat(result.overall().floor()).isEqualTo(d("2.0000000000"));
        assertThat(result.coverage()).isEqualTo(d("1.0000000000"));
        assertThat(result.level()).contains(2);
    }

    @Test
    void anUnscoredDimensionCountsInCoverageButNotInTheScore() {
        // same score as above; coverage = (0.20·1 + 0.25·1 + 0.25·0 + 0.30·1) / 1 = 0.75
        ScoringResult result =
                dimensionsAt(4, 2, 0, 2).unknown("C3.1", "C3.2", "C3.3").score();

        assertThat(result.overall().score()).isEqualTo(d("2.5333333333"));
        assertThat(result.coverage()).isEqualTo(d("0.7500000000"));
    }

    @Test
    void weighsOverallCoverageByDimensionWeight() {
        // D1 coverage 0.65 (C1.1 unknown): (0.20·0.65 + 0.25 + 0.25 + 0.30) / 1 = 0.93
        assertThat(anAssessment().unknown("C1.1").score().coverage()).isEqualTo(d("0.9300000000"));
    }

    @Test
    void weighsOverallConfidenceOverScoredDimensionsOnly() {
        // D1 all LOW (0.3), D2 and D4 HIGH (1.0), D3 unscored: (0.20·0.3 + 0.25 + 0.30) / 0.75 = 0.61 / 0.75 =
        // 0.81333...
        ScoringResult result = anAssessment()
                .scored("C1.1", 2, Confidence.LOW)
                .scored("C1.2", 2, Confidence.LOW)
                .scored("C1.3", 2, Confidence.LOW)
                .unknown("C3.1", "C3.2", "C3.3")
                .score();

        assertThat(result.overall().confidence()).isEqualTo(d("0.8133333333"));
    }

    @Test
    void hasNoOverallScoreFloorOrLevelWithoutAnyScoredDimension() {
        ScoringResult result = anUnscoredAssessment().score();

        assertThat(result.overall()).isNull();
        assertThat(result.level()).isEmpty();
        assertThat(result.coverage()).isEqualTo(d("0.0000000000"));
    }

    @Test
    void hasNoOverallCoverageWhenNothingApplies() {
        ScoringResult result = anUnscoredAssessment()
                .notApplicable(
                        "C1.1", "C1.2", "C1.3", "C2.1", "C2.2", "C2.3", "C2.4", "C3.1", "C3.2", "C3.3", "C4.1", "C4.2",
                        "C4.3", "C4.4")
                .score();

        assertThat(result.coverage()).isNull();
        assertThat(result.overall()).isNull();
        assertThat(result.dimensions()).noneMatch(DimensionResult::applicable);
    }

    @Test
    void scoresWithTheWeightsOfATenantsDerivedVersion() {
        // D4 weighs 0.55 instead of 0.30: O = 0.10·4 + 0.10·4 + 0.25·4 + 0.55·1 = 2.35;  F = 1;  L = min(2, 2) = 2
        FrameworkVersion derived = derivedFromV1(Map.of("D1", "0.10", "D2", "0.10", "D4", "0.55"));

        ScoringResult result = dimensionsAt(4, 4, 4, 1).under(derived).score();

        assertThat(result.frameworkVersion()).isEqualTo(derived.number());
        assertThat(result.overall().score()).isEqualTo(d("2.3500000000"));
        assertThat(result.level()).contains(2);
    }
}
