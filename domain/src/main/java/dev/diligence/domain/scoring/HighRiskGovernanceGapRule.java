package dev.diligence.domain.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RF3: a high-risk system (EU AI Act tier {@code HIGH}) whose documentation (C4.1), fairness (C4.2)
 * or compliance (C4.4) is not assessed or below level 2 (effective) caps D4 at 1.0 and the level at 1.
 * A criterion marked not applicable does not count.
 */
public final class HighRiskGovernanceGapRule implements RedFlagRule {

    public static final String ID = "RF3";
    public static final List<String> REQUIRED_CRITERIA = List.of("C4.1", "C4.2", "C4.4");
    public static final int MINIMUM_LEVEL = 2;
    public static final BigDecimal DIMENSION_CAP = new BigDecimal("1.0");
    public static final int LEVEL_CAP = 1;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<RedFlag> evaluate(ScoringFacts facts) {
        if (facts.context().euAiActTier() != EuAiActTier.HIGH) {
            return List.of();
        }
        String lacking = REQUIRED_CRITERIA.stream()
                .flatMap(code -> facts.criterion(code).stream())
                .filter(HighRiskGovernanceGapRule::lacking)
                .map(CriterionResult::code)
                .collect(Collectors.joining(", "));
        if (lacking.isEmpty()) {
            return List.of();
        }
        return List.of(RedFlag.of(
                ID,
                Severity.CRITICAL,
                "a high-risk AI system (EU AI Act) lacks governance: " + lacking + " not assessed or below level "
                        + MINIMUM_LEVEL + "; D4 is capped at 1.0 and the level at " + LEVEL_CAP,
                new RedFlagEffect.DimensionCap(GovernanceAbsentInProductionRule.GOVERNANCE_DIMENSION, DIMENSION_CAP),
                new RedFlagEffect.LevelCap(LEVEL_CAP)));
    }

    private static boolean lacking(CriterionResult criterion) {
        return switch (criterion.state()) {
            case UNKNOWN -> true;
            case NOT_APPLICABLE -> false;
            case SCORED -> criterion.effectiveLevel() != null && criterion.effectiveLevel() < MINIMUM_LEVEL;
        };
    }
}
