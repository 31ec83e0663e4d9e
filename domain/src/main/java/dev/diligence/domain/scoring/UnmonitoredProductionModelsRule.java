package dev.diligence.domain.scoring;

import java.util.List;

/** RF5: models in production with performance and drift monitoring (C3.1) scored 0 caps the level at 1. */
public final class UnmonitoredProductionModelsRule implements RedFlagRule {

    public static final String ID = "RF5";
    public static final String MONITORING_CRITERION = "C3.1";
    public static final int LEVEL_CAP = 1;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<RedFlag> evaluate(ScoringFacts facts) {
        if (!facts.context().modelsInProduction() || !facts.isScoredZero(MONITORING_CRITERION)) {
            return List.of();
        }
        return List.of(RedFlag.of(
                ID,
                Severity.HIGH,
                "models are in production without any performance or drift monitoring (C3.1 scored 0); "
                        + "the maturity level is capped at " + LEVEL_CAP,
                new RedFlagEffect.LevelCap(LEVEL_CAP)));
    }
}
