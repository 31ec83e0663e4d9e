package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static dev.diligence.domain.scoring.Assessments.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvidenceGateTest {

    @ParameterizedTest(name = "level {0}, {1}, {2} evidence → counts as {3}, gated {4}")
    @CsvSource({
        "3, LOW,    1, 2, true",
        "4, LOW,    5, 2, true",
        "3, HIGH,   0, 2, true",
        "4, MEDIUM, 0, 2, true",
        "3, MEDIUM, 1, 3, false",
        "4, HIGH,   1, 4, false",
        "2, LOW,    0, 2, false",
        "1, LOW,    0, 1, false",
        "0, LOW,    0, 0, false"
    })
    void gatesLevelsOfThreeOrMoreWithLowConfidenceOrNoEvidence(
            int level, Confidence confidence, int evidence, int effective, boolean gated) {
        CriterionScore score = CriterionScore.scored(level, confidence, evidence);

        assertThat(EvidenceGate.effectiveLevel(score)).isEqualTo(effective);
        assertThat(EvidenceGate.isGated(score)).isEqualTo(gated);
    }

    @Test
    void neverGatesACriterionThatIsNotScored() {
        assertThat(EvidenceGate.isGated(CriterionScore.unknown())).isFalse();
        assertThat(EvidenceGate.isGated(CriterionScore.notApplicable("no models")))
                .isFalse();
        assertThatThrownBy(() -> EvidenceGate.effectiveLevel(CriterionScore.unknown()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsBothTheRecordedAndTheEffectiveLevel() {
        ScoringResult result = anAssessment().scored("C2.1", 4, Confidence.LOW).score();

        CriterionResult c21 = result.criterion("C2.1").orElseThrow();
        assertThat(c21.recordedLevel()).isEqualTo(4);
        assertThat(c21.effectiveLevel()).isEqualTo(2);
        assertThat(c21.gated()).isTrue();
    }

    @Test
    void scoresTheDimensionWithTheEffectiveLevel() {
        // C2.1 recorded 4 without evidence counts as 2; every other D2 criterion is 2: D2 = 2
        ScoringResult gated = anAssessment().scoredWithoutEvidence("C2.1", 4).score();
        // with evidence it counts: D2 = 0.30·4 + 0.70·2 = 2.6
        ScoringResult evidenced = anAssessment().scored("C2.1", 4).score();

        assertThat(gated.dimension("D2").orElseThrow().score()).isEqualTo(d("2.0000000000"));
        assertThat(evidenced.dimension("D2").orElseThrow().score()).isEqualTo(d("2.6000000000"));
    }
}
