package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RF7: one LOW flag per criterion gated by the evidence gate; no effect beyond the gate. */
class GatedLevelRuleTest {

    @Test
    void raisesOneLowFlagPerGatedCriterionInFrameworkOrder() {
        ScoringResult result = anAssessment()
                .scoredWithoutEvidence("C3.2", 3)
                .scored("C1.3", 4, Confidence.LOW)
                .score();

        assertThat(result.redFlags())
                .extracting(RedFlag::rule, RedFlag::severity, RedFlag::criterion, RedFlag::effects)
                .containsExactly(
                        tuple("RF7", Severity.LOW, "C1.3", List.of()), tuple("RF7", Severity.LOW, "C3.2", List.of()));
    }

    @Test
    void doesNotFireForLevelsTheGateLetsThrough() {
        ScoringResult result = anAssessment()
                .scored("C1.3", 4, Confidence.MEDIUM)
                .scored("C2.1", 2, Confidence.LOW)
                .scoredWithoutEvidence("C2.2", 2)
                .score();

        assertThat(result.redFlags()).isEmpty();
    }

    @Test
    void capsNothing() {
        ScoringResult result =
                anAssessment().allScored(4).scored("C1.1", 4, Confidence.LOW).score();

        assertThat(result.dimensions()).noneMatch(DimensionResult::isCapped);
        assertThat(result.overall().levelCappedBy()).isNull();
    }
}
