package dev.diligence.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.RedFlagRuleSetId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedFlagRuleSetsTest {

    @Test
    void versionOneIsScoredWithRulesRf1ToRf7InOrder() {
        RedFlagRuleSet rules = RedFlagRuleSets.forId(FrameworkV1.VERSION.redFlagRuleSet());

        assertThat(rules).isSameAs(RedFlagRuleSets.V1);
        assertThat(rules.rules())
                .extracting(RedFlagRule::id)
                .containsExactly("RF1", "RF2", "RF3", "RF4", "RF5", "RF6", "RF7");
    }

    @Test
    void knowsNoOtherRuleSet() {
        assertThatThrownBy(() -> RedFlagRuleSets.forId(new RedFlagRuleSetId("DMF-RF-2")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRuleAppearsOnceInASet() {
        assertThatThrownBy(() -> new RedFlagRuleSet(
                        new RedFlagRuleSetId("twice"), List.of(new GatedLevelRule(), new GatedLevelRule())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RF7");
    }

    @Test
    void reportsFlagsRuleByRule() {
        ScoringResult result = Assessments.anAssessment()
                .scored("C4.2", 0)
                .scored("C3.1", 0)
                .scored("C1.1", 3, Confidence.LOW)
                .in(context -> context.withEuAiActTier(EuAiActTier.HIGH)
                        .withModelsInProduction(true)
                        .withLowestImpactRatio(new java.math.BigDecimal("0.5")))
                .score();

        assertThat(result.redFlags()).extracting(RedFlag::rule).containsExactly("RF2", "RF3", "RF4", "RF5", "RF7");
    }
}
