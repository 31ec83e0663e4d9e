package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static dev.diligence.domain.scoring.Assessments.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TargetsAndGapsTest {

    @Test
    void targetsLevelTwoForEveryCriterionByDefault() {
        ScoringResult result = anAssessment().score();

        assertThat(result.criteria()).extracting(CriterionResult::target).containsOnly(2);
        assertThat(result.criteria()).noneMatch(CriterionResult::explicitTarget);
    }

    @ParameterizedTest
    @EnumSource(
            value = EuAiActTier.class,
            names = {"HIGH", "PROHIBITED"})
    void targetsLevelThreeForGovernanceCriteriaOfHighRiskSystems(EuAiActTier tier) {
        ScoringResult result =
                anAssessment().in(context -> context.withEuAiActTier(tier)).score();

        assertThat(result.criteria())
                .extracting(CriterionResult::code, CriterionResult::target)
                .contains(
                        tuple("C1.1", 2),
                        tuple("C3.3", 2),
                        tuple("C4.1", 3),
                        tuple("C4.2", 3),
                        tuple("C4.3", 3),
                        tuple("C4.4", 3));
    }

    @Test
    void targetsLevelThreeForGovernanceCriteriaInASensitiveDomain() {
        ScoringResult result = anAssessment()
                .in(context -> context.withSensitiveDomains(Set.of(SensitiveDomain.HEALTH)))
                .score();

        assertThat(result.criterion("C4.3").orElseThrow().target()).isEqualTo(3);
        assertThat(result.criterion("C2.2").orElseThrow().target()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(
            value = EuAiActTier.class,
            names = {"LIMITED", "MINIMAL", "UNCLASSIFIED"})
    void keepsTheStandardTargetForLowerTiers(EuAiActTier tier) {
        ScoringResult result =
                anAssessment().in(context -> context.withEuAiActTier(tier)).score();

        assertThat(result.criterion("C4.2").orElseThrow().target()).isEqualTo(2);
    }

    @Test
    void anExplicitTargetWinsOverTheContextDefault() {
        ScoringResult result = anAssessment()
                .in(context -> context.withEuAiActTier(EuAiActTier.HIGH))
                .withTarget("C4.2", 1)
                .withTarget("C1.1", 4)
                .score();

        assertThat(result.criterion("C4.2").orElseThrow())
                .extracting(CriterionResult::target, CriterionResult::explicitTarget)
                .containsExactly(1, true);
        assertThat(result.criterion("C1.1").orElseThrow())
                .extracting(CriterionResult::target, CriterionResult::gap)
                .containsExactly(4, 2);
    }

    @Test
    void measuresTheGapFromTheEffectiveLevel() {
        // C2.1 recorded 4 without evidence counts as 2: gap = 4 - 2 = 2; priority = 2 · 0.30 · 0.25 = 0.15
        CriterionResult c21 = anAssessment()
                .scoredWithoutEvidence("C2.1", 4)
                .withTarget("C2.1", 4)
                .score()
                .criterion("C2.1")
                .orElseThrow();

        assertThat(c21.gap()).isEqualTo(2);
        assertThat(c21.priority()).isEqualTo(d("0.1500000000"));
    }

    @Test
    void hasNoNegativeGapAboveTheTarget() {
        CriterionResult c11 =
                anAssessment().scored("C1.1", 4).score().criterion("C1.1").orElseThrow();

        assertThat(c11.gap()).isZero();
        assertThat(c11.priority()).isEqualTo(d("0.0000000000"));
    }

    @Test
    void weighsPriorityByCriterionAndDimensionWeight() {
        // C4.2 scored 0 for a high-risk system: target 3, gap 3, priority = 3 · 0.30 · 0.30 = 0.27
        CriterionResult c42 = anAssessment()
                .in(context -> context.withEuAiActTier(EuAiActTier.HIGH))
                .scored("C4.2", 0)
                .score()
                .criterion("C4.2")
                .orElseThrow();

        assertThat(c42.gap()).isEqualTo(3);
        assertThat(c42.priority()).isEqualTo(d("0.2700000000"));
    }

    @Test
    void listsUnknownCriteriaAsNotAssessedInsteadOfAsGaps() {
        ScoringResult result =
                anAssessment().unknown("C3.2").notApplicable("C2.4").score();

        assertThat(result.notAssessed()).containsExactly("C3.2");
        assertThat(result.criterion("C3.2").orElseThrow())
                .extracting(CriterionResult::gap, CriterionResult::priority)
                .containsExactly(null, null);
        assertThat(result.criterion("C2.4").orElseThrow().gap()).isNull();
    }

    @Test
    void followsAContextChangeWithoutRescoringCriteria() {
        Assessments.Builder assessment = anAssessment();
        assertThat(assessment.score().remediationRanking()).isEmpty();

        ScoringResult highRisk = assessment
                .in(context -> context.withEuAiActTier(EuAiActTier.HIGH))
                .score();

        // every C4.x at level 2 now misses target 3: C4.2 0.09, then C4.1 and C4.4 0.075 (framework order), C4.3 0.06
        assertThat(highRisk.remediationRanking())
                .extracting(CriterionResult::code, CriterionResult::priority)
                .containsExactly(
                        tuple("C4.2", d("0.0900000000")), tuple("C4.1", d("0.0750000000")),
                        tuple("C4.4", d("0.0750000000")), tuple("C4.3", d("0.0600000000")));
    }
}
