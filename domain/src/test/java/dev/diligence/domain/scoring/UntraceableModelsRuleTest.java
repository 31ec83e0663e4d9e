package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static dev.diligence.domain.scoring.Assessments.d;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RF6: C1.1 and C1.3 both scored 0 caps D1 at 1.0 (MEDIUM). */
class UntraceableModelsRuleTest {

    @Test
    void capsD1AtOneWhenNeitherExperimentsNorDataAreTracked() {
        // D1 = 0.35·0 + 0.30·4 + 0.35·0 = 1.2 → capped at 1.0
        ScoringResult result = anAssessment()
                .scored("C1.1", 0)
                .scored("C1.2", 4)
                .scored("C1.3", 0)
                .score();

        DimensionResult d1 = result.dimension("D1").orElseThrow();
        assertThat(d1.uncappedScore()).isEqualTo(d("1.2000000000"));
        assertThat(d1.score()).isEqualTo(d("1.0000000000"));
        assertThat(d1.cappedBy()).isEqualTo("RF6");
        assertThat(result.redFlags()).singleElement().satisfies(flag -> {
            assertThat(flag.rule()).isEqualTo("RF6");
            assertThat(flag.severity()).isEqualTo(Severity.MEDIUM);
        });
    }

    @Test
    void theCapNeverRaisesALowerScore() {
        // D1 = 0.30·3 = 0.9, below the cap: the flag fires but the score stays 0.9 and nothing is "capped"
        ScoringResult result = anAssessment()
                .scored("C1.1", 0)
                .scored("C1.2", 3)
                .scored("C1.3", 0)
                .score();

        DimensionResult d1 = result.dimension("D1").orElseThrow();
        assertThat(d1.score()).isEqualTo(d("0.9000000000"));
        assertThat(d1.cappedBy()).isNull();
        assertThat(result.redFlags()).extracting(RedFlag::rule).containsExactly("RF6");
    }

    @Test
    void doesNotFireWhenOnlyOneOfThemIsScoredZero() {
        assertThat(anAssessment().scored("C1.1", 0).scored("C1.3", 1).score().redFlags())
                .isEmpty();
        assertThat(anAssessment().scored("C1.1", 1).scored("C1.3", 0).score().redFlags())
                .isEmpty();
    }

    @Test
    void doesNotFireWhenOneOfThemIsNotScored() {
        assertThat(anAssessment()
                        .scored("C1.1", 0)
                        .notApplicable("C1.3")
                        .score()
                        .redFlags())
                .isEmpty();
        assertThat(anAssessment().unknown("C1.1").scored("C1.3", 0).score().redFlags())
                .isEmpty();
    }
}
