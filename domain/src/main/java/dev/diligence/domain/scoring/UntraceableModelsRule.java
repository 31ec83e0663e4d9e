package dev.diligence.domain.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * RF6: no experiment tracking (C1.1 scored 0) and no data versioning (C1.3 scored 0): no model can be
 * traced or reproduced, so D1 is capped at 1.0.
 */
public final class UntraceableModelsRule implements RedFlagRule {

    public static final String ID = "RF6";
    public static final String DEVELOPMENT_DIMENSION = "D1";
    public static final BigDecimal DIMENSION_CAP = new BigDecimal("1.0");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<RedFlag> evaluate(ScoringFacts facts) {
        if (!facts.isScoredZero("C1.1") || !facts.isScoredZero("C1.3")) {
            return List.of();
        }
        return List.of(RedFlag.of(
                ID,
                Severity.MEDIUM,
                "neither experiments (C1.1) nor data (C1.3) are tracked, so models cannot be reproduced; D1 is capped at 1.0",
                new RedFlagEffect.DimensionCap(DEVELOPMENT_DIMENSION, DIMENSION_CAP)));
    }
}
