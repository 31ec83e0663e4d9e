package dev.diligence.domain.scoring;

import dev.diligence.domain.framework.RedFlagRuleSetId;
import java.util.List;
import java.util.Map;

/** Every red-flag rule set the code knows, by the id framework versions record. Sets are never changed once used. */
public final class RedFlagRuleSets {

    /** RF1 to RF7, as framework version 1 defines them. */
    public static final RedFlagRuleSet V1 = new RedFlagRuleSet(
            RedFlagRuleSetId.V1,
            List.of(
                    new ProhibitedPracticeRule(),
                    new GovernanceAbsentInProductionRule(),
                    new HighRiskGovernanceGapRule(),
                    new AdverseImpactRule(),
                    new UnmonitoredProductionModelsRule(),
                    new UntraceableModelsRule(),
                    new GatedLevelRule()));

    private static final Map<RedFlagRuleSetId, RedFlagRuleSet> BY_ID = Map.of(V1.id(), V1);

    private RedFlagRuleSets() {}

    /**
     * @throws IllegalStateException when no rule set has this id: a framework version names rules
     *         this code does not have (a deployment older than its data)
     */
    public static RedFlagRuleSet forId(RedFlagRuleSetId id) {
        RedFlagRuleSet set = BY_ID.get(id);
        if (set == null) {
            throw new IllegalStateException("no red-flag rule set " + id.value());
        }
        return set;
    }
}
