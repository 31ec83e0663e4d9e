package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static dev.diligence.domain.scoring.Assessments.d;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Caps from red flags only ever lower a dimension score or the level (steps 5 and 7). */
class CapsTest {

    @Test
    void aDimensionCapNeverRaisesALowerScore() {
        // tier HIGH with C4.1 at 0 fires RF3; D4 = 0.30·1 + 0.20·1 + 0.25·1 = 0.75 stays below the cap of 1.0
        ScoringResult result = anAssessment()
                .scored("C4.1", 0)
                .scored("C4.2", 1)
                .scored("C4.3", 1)
                .scored("C4.4", 1)
                .in(context -> context.withEuAiActTier(EuAiActTier.HIGH))
                .score();

        DimensionResult d4 = result.dimension("D4").orElseThrow();
        assertThat(d4.score()).isEqualTo(d("0.7500000000"));
        assertThat(d4.uncappedScore()).isEqualTo(d("0.7500000000"));
        assertThat(d4.cappedBy()).isNull();
    }

    @Test
    void aLevelCapNeverRaisesALowerLevel() {
        // all at 0 in production: RF2 and RF5 cap at 1, the level is 0 already
        ScoringResult result = anAssessment()
                .allScored(0)
                .in(context -> context.withModelsInProduction(true))
                .score();

        assertThat(result.redFlags()).extracting(RedFlag::rule).contains("RF2", "RF5");
        assertThat(result.level()).contains(0);
        assertThat(result.overall().levelCappedBy()).isNull();
    }

    @Test
    void theFirstOfEqualLevelCapsIsReported() {
        ScoringResult result = anAssessment()
                .allScored(3)
                .scored("C4.3", 0)
                .scored("C3.1", 0)
                .in(context -> context.withModelsInProduction(true))
                .score();

        assertThat(result.level()).contains(1);
        assertThat(result.overall().levelCappedBy()).isEqualTo("RF2");
    }

    @Test
    void aCappedDimensionFeedsTheOverallScoreAndFloor() {
        // all at 4, tier HIGH, C4.4 unknown → D4 uncapped 4, capped 1.0
        // O = 0.20·4 + 0.25·4 + 0.25·4 + 0.30·1.0 = 3.1;  F = 1.0;  L = min(3, 2) = 2 → RF3 caps it at 1
        ScoringResult result = anAssessment()
                .allScored(4)
                .unknown("C4.4")
                .in(context -> context.withEuAiActTier(EuAiActTier.HIGH))
                .score();

        assertThat(result.overall().score()).isEqualTo(d("3.1000000000"));
        assertThat(result.overall().floor()).isEqualTo(d("1.0000000000"));
        assertThat(result.overall().uncappedLevel()).isEqualTo(2);
        assertThat(result.level()).contains(1);
    }

    @Test
    void suppressionWinsOverCaps() {
        // uncapped level 2 (see GovernanceAbsentInProductionRuleTest); RF2 would cap it at 1, RF1 suppresses it
        ScoringResult result = anAssessment()
                .allScored(3)
                .scored("C4.3", 0)
                .in(context -> context.withEuAiActTier(EuAiActTier.PROHIBITED).withModelsInProduction(true))
                .score();

        assertThat(result.redFlags()).extracting(RedFlag::rule).containsExactly("RF1", "RF2");
        assertThat(result.overall().uncappedLevel()).isEqualTo(2);
        assertThat(result.level()).isEmpty();
        assertThat(result.overall().levelCappedBy()).isNull();
    }
}
