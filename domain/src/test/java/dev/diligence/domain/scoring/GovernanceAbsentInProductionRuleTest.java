package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RF2: models in production and any D4 criterion scored 0 caps the overall level at 1 (HIGH). */
class GovernanceAbsentInProductionRuleTest {

    /** Everything at 3 except C4.3 at 0: D4 = 0.25·3 + 0.30·3 + 0.25·3 = 2.4, O = 2.82, L = min(2, 3) = 2. */
    private static Assessments.Builder explainabilityAbsent() {
        return anAssessment().allScored(3).scored("C4.3", 0);
    }

    @Test
    void capsTheLevelAtOneWhenAGovernanceCriterionIsScoredZeroInProduction() {
        ScoringResult result = explainabilityAbsent()
                .in(context -> context.withModelsInProduction(true))
                .score();

        assertThat(result.overall().uncappedLevel()).isEqualTo(2);
        assertThat(result.level()).contains(1);
        assertThat(result.overall().levelCappedBy()).isEqualTo("RF2");
        assertThat(result.redFlags()).singleElement().satisfies(flag -> {
            assertThat(flag.rule()).isEqualTo("RF2");
            assertThat(flag.severity()).isEqualTo(Severity.HIGH);
            assertThat(flag.explanation()).contains("C4.3");
        });
    }

    @Test
    void doesNotFireWithoutModelsInProduction() {
        ScoringResult result = explainabilityAbsent().score();

        assertThat(result.redFlags()).isEmpty();
        assertThat(result.level()).contains(2);
    }

    @Test
    void doesNotFireAtLevelOne() {
        ScoringResult result = anAssessment()
                .allScored(3)
                .scored("C4.3", 1)
                .in(context -> context.withModelsInProduction(true))
                .score();

        assertThat(result.redFlags()).isEmpty();
    }

    @Test
    void anUnknownOrNotApplicableCriterionIsNotScoredZero() {
        ScoringResult unknown = anAssessment()
                .unknown("C4.3")
                .in(context -> context.withModelsInProduction(true))
                .score();
        ScoringResult notApplicable = anAssessment()
                .notApplicable("C4.3")
                .in(context -> context.withModelsInProduction(true))
                .score();

        assertThat(unknown.redFlags()).isEmpty();
        assertThat(notApplicable.redFlags()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"C1.2", "C2.4", "C3.3"})
    void onlyGovernanceCriteriaCount(String outsideD4) {
        ScoringResult result = anAssessment()
                .scored(outsideD4, 0)
                .in(context -> context.withModelsInProduction(true))
                .score();

        assertThat(result.redFlags()).extracting(RedFlag::rule).doesNotContain("RF2");
    }
}
