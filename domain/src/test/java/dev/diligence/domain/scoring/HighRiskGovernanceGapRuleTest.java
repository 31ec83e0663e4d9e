package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static dev.diligence.domain.scoring.Assessments.d;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RF3: tier HIGH and any of C4.1, C4.2, C4.4 UNKNOWN or effectively below 2 caps D4 at 1.0 and the
 * level at 1 (CRITICAL); NOT_APPLICABLE does not count.
 */
class HighRiskGovernanceGapRuleTest {

    private static Assessments.Builder highRisk() {
        return anAssessment().allScored(3).in(context -> context.withEuAiActTier(EuAiActTier.HIGH));
    }

    @Test
    void capsD4AndTheLevelWhenARequiredCriterionIsNotAssessed() {
        // D4 without C4.1 = (0.30·3 + 0.20·3 + 0.25·3) / 0.75 = 3 → capped at 1.0
        // O = 0.20·3 + 0.25·3 + 0.25·3 + 0.30·1.0 = 2.4;  F = 1.0;  L = min(2, 2) = 2 → capped at 1
        ScoringResult result = highRisk().unknown("C4.1").score();

        DimensionResult d4 = result.dimension("D4").orElseThrow();
        assertThat(d4.score()).isEqualTo(d("1.0000000000"));
        assertThat(d4.uncappedScore()).isEqualTo(d("3.0000000000"));
        assertThat(d4.cappedBy()).isEqualTo("RF3");
        assertThat(result.overall().score()).isEqualTo(d("2.4000000000"));
        assertThat(result.overall().floor()).isEqualTo(d("1.0000000000"));
        assertThat(result.overall().uncappedLevel()).isEqualTo(2);
        assertThat(result.level()).contains(1);
        assertThat(result.overall().levelCappedBy()).isEqualTo("RF3");
        assertThat(result.redFlags()).singleElement().satisfies(flag -> {
            assertThat(flag.rule()).isEqualTo("RF3");
            assertThat(flag.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"C4.1", "C4.2", "C4.4"})
    void firesForEachRequiredCriterionBelowLevelTwo(String code) {
        ScoringResult result = highRisk().scored(code, 1).score();

        assertThat(result.redFlags()).extracting(RedFlag::rule).containsExactly("RF3");
    }

    @Test
    void doesNotFireAtLevelTwo() {
        ScoringResult result =
                highRisk().scored("C4.1", 2).scored("C4.2", 2).scored("C4.4", 2).score();

        assertThat(result.redFlags()).isEmpty();
    }

    @Test
    void aGatedLevelOfTwoIsNotBelowTwo() {
        ScoringResult result = highRisk().scored("C4.2", 4, Confidence.LOW).score();

        assertThat(result.redFlags()).extracting(RedFlag::rule).containsExactly("RF7");
    }

    @Test
    void explainabilityIsNotARequiredCriterion() {
        ScoringResult result = highRisk().scored("C4.3", 0).score();

        assertThat(result.redFlags()).isEmpty();
    }

    @Test
    void aNotApplicableCriterionDoesNotCount() {
        ScoringResult result = highRisk().notApplicable("C4.2").score();

        assertThat(result.redFlags()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = EuAiActTier.class,
            names = {"LIMITED", "MINIMAL", "UNCLASSIFIED", "PROHIBITED"})
    void firesOnlyForHighRiskSystems(EuAiActTier tier) {
        ScoringResult result = anAssessment()
                .unknown("C4.1")
                .in(context -> context.withEuAiActTier(tier))
                .score();

        assertThat(result.redFlags()).extracting(RedFlag::rule).doesNotContain("RF3");
    }
}
