package dev.diligence.domain.scoring;

import dev.diligence.domain.framework.MaturityLevel;
import java.math.BigDecimal;

/** What a red flag does to the scores. Caps only ever lower a value, never raise it. */
public sealed interface RedFlagEffect
        permits RedFlagEffect.DimensionCap, RedFlagEffect.LevelCap, RedFlagEffect.LevelSuppression {

    /** Step 5: the score of {@code dimension}, when it has one, is at most {@code cap}. */
    record DimensionCap(String dimension, BigDecimal cap) implements RedFlagEffect {

        public DimensionCap {
            if (cap.signum() < 0) {
                throw new IllegalArgumentException("a cap is not negative");
            }
        }
    }

    /** Step 7: the maturity level is at most {@code cap}. */
    record LevelCap(int cap) implements RedFlagEffect {

        public LevelCap {
            if (!MaturityLevel.isLevel(cap)) {
                throw new IllegalArgumentException("a level cap is a level, 0 to 4");
            }
        }
    }

    /** Step 7: no maturity level is reported at all (the overall score still is). */
    record LevelSuppression() implements RedFlagEffect {}
}
