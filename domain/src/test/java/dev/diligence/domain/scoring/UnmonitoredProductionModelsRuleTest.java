package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RF5: models in production and C3.1 scored 0 caps the overall level at 1 (HIGH). */
class UnmonitoredProductionModelsRuleTest {

    /** Everything at 3 except C3.1 at 0: D3 = 0.35·3 + 0.25·3 = 1.8, O = 2.55, F = 1.8, L = min(2, 2) = 2. */
    private static Assessments.Builder unmonitored() {
        return anAssessment().allScored(3).scored("C3.1", 0);
    }

    @Test
    void capsTheLevelAtOneWhenProductionModelsAreNotMonitored() {
        ScoringResult result = unmonitored()
                .in(context -> context.withModelsInProduction(true))
                .score();

        assertThat(result.overall().uncappedLevel()).isEqualTo(2);
        assertThat(result.level()).contains(1);
        assertThat(result.overall().levelCappedBy()).isEqualTo("RF5");
        assertThat(result.redFlags()).singleElement().satisfies(flag -> {
            assertThat(flag.rule()).isEqualTo("RF5");
            assertThat(flag.severity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void doesNotFireWithoutModelsInProduction() {
        assertThat(unmonitored().score().redFlags()).isEmpty();
    }

    @Test
    void doesNotFireAtLevelOne() {
        ScoringResult result = anAssessment()
                .scored("C3.1", 1)
                .in(context -> context.withModelsInProduction(true))
                .score();

        assertThat(result.redFlags()).isEmpty();
    }

    @Test
    void doesNotFireWhileMonitoringIsNotAssessed() {
        ScoringResult result = anAssessment()
                .unknown("C3.1")
                .in(context -> context.withModelsInProduction(true))
                .score();

        assertThat(result.redFlags()).isEmpty();
    }
}
