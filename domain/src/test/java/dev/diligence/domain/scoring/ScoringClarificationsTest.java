package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static dev.diligence.domain.scoring.Assessments.anUnscoredAssessment;
import static dev.diligence.domain.scoring.Assessments.d;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.RedFlagRuleSetId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The clarifications (v1.1) of the framework that the scoring engine decides: 1 (the evidence gate),
 * 4 (the order of one assessment's remediation priorities), 5 (which cap is named, the level under RF1,
 * effects listed whenever a rule fires) and 11 (a dimension whose criteria all do not apply).
 */
class ScoringClarificationsTest {

    @Test
    @DisplayName(
            "Clarification 1: a scored level >= 3 with LOW confidence or no evidence counts as 2, every other at its recorded level")
    void clarification1TheEvidenceGate() {
        for (int level = 0; level <= 4; level++) {
            for (Confidence confidence : Confidence.values()) {
                for (int evidence = 0; evidence <= 2; evidence++) {
                    CriterionScore score = CriterionScore.scored(level, confidence, evidence);
                    boolean gated = level >= 3 && (confidence == Confidence.LOW || evidence == 0);
                    CriterionResult result = anAssessment()
                            .with("C2.1", score)
                            .score()
                            .criterion("C2.1")
                            .orElseThrow();

                    String what = "level " + level + ", " + confidence + ", " + evidence + " evidence";
                    assertThat(result.recordedLevel()).as(what).isEqualTo(level);
                    assertThat(result.effectiveLevel()).as(what).isEqualTo(gated ? 2 : level);
                    assertThat(result.gated()).as(what).isEqualTo(gated);
                }
            }
        }
    }

    @Test
    @DisplayName(
            "Clarification 4: one assessment's remediation priorities go by priority, then gap descending, then criterion code")
    void clarification4EqualPrioritiesGoByGapThenCode() {
        // C2.1 and C2.2 at 0 (target 2): gap 2, priority 2 · 0.30 · 0.25 = 0.15;
        // C2.3 at 1 with target 4: gap 3, priority 3 · 0.20 · 0.25 = 0.15, the same priority with a larger gap
        ScoringResult result = anAssessment()
                .scored("C2.2", 0)
                .scored("C2.1", 0)
                .scored("C2.3", 1)
                .withTarget("C2.3", 4)
                .score();

        assertThat(result.remediationRanking())
                .extracting(CriterionResult::priority)
                .containsOnly(d("0.1500000000"));
        assertThat(result.remediationRanking())
                .extracting(CriterionResult::code)
                .containsExactly("C2.3", "C2.1", "C2.2");
    }

    @Test
    @DisplayName("Clarification 5: levelCappedBy names the lowest-numbered firing rule whose cap lowered the level")
    void clarification5TheLowestNumberedRuleThatLoweredTheLevelIsNamed() {
        // a rule set whose RF2 caps at 2 and RF3 at 1 (in the set's order RF3 before RF2): with an uncapped
        // level of 3 both caps lower it, the level is the lowest cap, and the rule named is RF2
        RedFlagRule rf3 = rule("RF3", 1);
        RedFlagRule rf2 = rule("RF2", 2);
        ScoringEngine engine = new ScoringEngine(id -> new RedFlagRuleSet(RedFlagRuleSetId.V1, List.of(rf3, rf2)));
        Assessments.Builder allThree = anAssessment().allScored(3);

        OverallResult overall = engine.score(FrameworkV1.VERSION, allThree.context(), allThree.scores())
                .overall();

        assertThat(overall.uncappedLevel()).isEqualTo(3);
        assertThat(overall.level()).isEqualTo(1);
        assertThat(overall.levelCappedBy()).isEqualTo("RF2");
    }

    @Test
    @DisplayName(
            "Clarification 5: a cap that does not lower the level is not named, but the rule that does is, whatever its number")
    void clarification5ACapAtOrAboveTheLevelIsNotNamed() {
        // uncapped level 2: RF2's cap of 2 lowers nothing, RF3's cap of 1 does
        ScoringEngine engine = new ScoringEngine(
                id -> new RedFlagRuleSet(RedFlagRuleSetId.V1, List.of(rule("RF2", 2), rule("RF3", 1))));
        Assessments.Builder allTwo = anAssessment();

        OverallResult overall = engine.score(FrameworkV1.VERSION, allTwo.context(), allTwo.scores())
                .overall();

        assertThat(overall.uncappedLevel()).isEqualTo(2);
        assertThat(overall.level()).isEqualTo(1);
        assertThat(overall.levelCappedBy()).isEqualTo("RF3");
    }

    @Test
    @DisplayName(
            "Clarification 5: of RF2 and RF5 both lowering the level of version 1, RF2 is named; RF5 alone is named itself")
    void clarification5VersionOneNamesTheLowestNumberedRule() {
        // all at 3, C4.3 and C3.1 at 0 in production: RF2 and RF5 both cap at 1
        ScoringResult both = anAssessment()
                .allScored(3)
                .scored("C4.3", 0)
                .scored("C3.1", 0)
                .in(context -> context.withModelsInProduction(true))
                .score();
        ScoringResult rf5Only = anAssessment()
                .allScored(3)
                .scored("C3.1", 0)
                .in(context -> context.withModelsInProduction(true))
                .score();

        assertThat(both.redFlags()).extracting(RedFlag::rule).containsExactly("RF2", "RF5");
        assertThat(both.overall().uncappedLevel()).isGreaterThan(1);
        assertThat(both.overall().levelCappedBy()).isEqualTo("RF2");
        assertThat(rf5Only.redFlags()).extracting(RedFlag::rule).containsExactly("RF5");
        assertThat(rf5Only.overall().uncappedLevel()).isGreaterThan(1);
        assertThat(rf5Only.overall().levelCappedBy()).isEqualTo("RF5");
    }

    @Test
    @DisplayName(
            "Clarification 5: under RF1 the uncapped level is still reported, min(floor(O), floor(F) + 1); no level and no capping rule")
    void clarification5TheUncappedLevelUnderRf1() {
        // D1 at 4, everything else at 3: O = 0.20·4 + 0.80·3 = 3.2, F = 3 → min(3, 4) = 3
        ScoringResult result = anAssessment()
                .allScored(3)
                .scored("C1.1", 4)
                .scored("C1.2", 4)
                .scored("C1.3", 4)
                .in(context -> context.withEuAiActTier(EuAiActTier.PROHIBITED))
                .score();

        OverallResult overall = result.overall();
        assertThat(overall.levelSuppressed()).isTrue();
        assertThat(overall.level()).isNull();
        assertThat(overall.score()).isEqualTo(d("3.2000000000"));
        assertThat(overall.uncappedLevel())
                .isEqualTo(Math.min(ScoringMath.floor(overall.score()), ScoringMath.floor(overall.floor()) + 1))
                .isEqualTo(3);
        assertThat(overall.levelCappedBy()).isNull();
    }

    @Test
    @DisplayName("Clarification 5: a rule's effects are listed when it fires, whether or not they lowered anything")
    void clarification5EffectsAreListedWhenTheyLowerNothing() {
        // in production with every criterion at 0: RF2 and RF5 cap the level at 1, already 0;
        // tier HIGH with C4.1 at 0: RF3 caps D4 at 1.0, already 0
        ScoringResult result = anAssessment()
                .allScored(0)
                .in(context -> context.withModelsInProduction(true).withEuAiActTier(EuAiActTier.HIGH))
                .score();

        assertThat(result.level()).contains(0);
        assertThat(result.overall().levelCappedBy()).isNull();
        assertThat(result.dimension("D4").orElseThrow().cappedBy()).isNull();
        assertThat(flag(result, "RF2").effects()).containsExactly(new RedFlagEffect.LevelCap(1));
        assertThat(flag(result, "RF3").effects())
                .containsExactly(new RedFlagEffect.DimensionCap("D4", d("1.0")), new RedFlagEffect.LevelCap(1));
        assertThat(flag(result, "RF5").effects()).containsExactly(new RedFlagEffect.LevelCap(1));
        assertThat(flag(result, "RF6").effects()).containsExactly(new RedFlagEffect.DimensionCap("D1", d("1.0")));
    }

    @Test
    @DisplayName(
            "Clarification 11: a dimension whose criteria all do not apply has no score and no coverage and counts nowhere")
    void clarification11ANotApplicableDimensionIsLeftOutOfEveryNumber() {
        // D2 not applicable; D1 at 4, D3 at 1, D4 at 2: O = (0.20·4 + 0.25·1 + 0.30·2) / 0.75 = 2.2; F = 1
        ScoringResult result = anAssessment()
                .scored("C1.1", 4)
                .scored("C1.2", 4)
                .scored("C1.3", 4)
                .scored("C3.1", 1)
                .scored("C3.2", 1)
                .scored("C3.3", 1)
                .unknown("C4.3")
                .notApplicable("C2.1", "C2.2", "C2.3", "C2.4")
                .score();

        DimensionResult d2 = result.dimension("D2").orElseThrow();
        assertThat(d2.applicable()).isFalse();
        assertThat(d2.score()).isNull();
        assertThat(d2.coverage()).isNull();
        assertThat(d2.provisional()).isFalse();
        assertThat(result.overall().score()).isEqualTo(d("2.2000000000"));
        assertThat(result.overall().floor()).isEqualTo(d("1.0000000000"));
        // coverage over D1, D3 and D4 only: D4 has 0.80 of its weight scored → (0.20 + 0.25 + 0.30·0.8) / 0.75 = 0.92
        assertThat(result.coverage()).isEqualTo(d("0.9200000000"));
        assertThat(result.notAssessed()).containsExactly("C4.3");
        assertThat(result.remediationRanking())
                .extracting(CriterionResult::dimension)
                .doesNotContain("D2");
    }

    @Test
    @DisplayName(
            "Clarification 11: with every dimension not applicable there is no overall score, floor, level or coverage")
    void clarification11NothingApplicableLeavesNoNumbers() {
        Assessments.Builder nothing = anUnscoredAssessment();
        FrameworkV1.VERSION.criteria().forEach(c -> nothing.notApplicable(c.code()));

        ScoringResult result = nothing.score();

        assertThat(result.dimensions()).allSatisfy(d -> {
            assertThat(d.score()).isNull();
            assertThat(d.coverage()).isNull();
        });
        assertThat(result.overall()).isNull();
        assertThat(result.coverage()).isNull();
    }

    /** A rule that always fires and caps the level at {@code cap}. */
    private static RedFlagRule rule(String id, int cap) {
        return new RedFlagRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<RedFlag> evaluate(ScoringFacts facts) {
                return new ArrayList<>(List.of(RedFlag.of(
                        id, Severity.HIGH, id + " caps the level at " + cap, new RedFlagEffect.LevelCap(cap))));
            }
        };
    }

    private static RedFlag flag(ScoringResult result, String rule) {
        return result.redFlags().stream()
                .filter(f -> f.rule().equals(rule))
                .findFirst()
                .orElseThrow();
    }
}
