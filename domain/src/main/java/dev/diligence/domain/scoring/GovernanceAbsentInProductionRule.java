package dev.diligence.domain.scoring;

import java.util.List;
import java.util.stream.Collectors;

/** RF2: models in production while any D4 (AI governance & risk) criterion is scored 0 caps the level at 1. */
public final class GovernanceAbsentInProductionRule implements RedFlagRule {

    public static final String ID = "RF2";
    public static final String GOVERNANCE_DIMENSION = "D4";
    public static final int LEVEL_CAP = 1;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<RedFlag> evaluate(ScoringFacts facts) {
        if (!facts.context().modelsInProduction()) {
            return List.of();
        }
        String absent = facts.criteriaOf(GOVERNANCE_DIMENSION).stream()
                .filter(CriterionResult::isScoredZero)
                .map(CriterionResult::code)
                .collect(Collectors.joining(", "));
        if (absent.isEmpty()) {
            return List.of();
        }
        return List.of(RedFlag.of(
                ID,
                Severity.HIGH,
                "models are in production while AI governance practices are absent (scored 0: " + absent
                        + "); the maturity level is capped at " + LEVEL_CAP,
                new RedFlagEffect.LevelCap(LEVEL_CAP)));
    }
}
