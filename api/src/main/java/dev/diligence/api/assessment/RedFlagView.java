package dev.diligence.api.assessment;

import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.scoring.RedFlag;
import dev.diligence.domain.scoring.RedFlagEffect;
import java.math.BigDecimal;
import java.util.List;

/** GraphQL {@code RedFlag}: one shape wherever a fired rule is shown (an assessment's score, a portfolio row). */
public record RedFlagView(
        String rule,
        Severity severity,
        String criterion,
        String explanation,
        boolean dealLevel,
        List<EffectView> effects) {

    /** GraphQL {@code RedFlagEffect}. */
    public record EffectView(String kind, String dimension, BigDecimal cap) {

        static EffectView of(RedFlagEffect effect) {
            if (effect instanceof RedFlagEffect.DimensionCap cap) {
                return new EffectView("DIMENSION_CAP", cap.dimension(), cap.cap());
            }
            if (effect instanceof RedFlagEffect.LevelCap cap) {
                return new EffectView("LEVEL_CAP", null, BigDecimal.valueOf(cap.cap()));
            }
            return new EffectView("LEVEL_SUPPRESSION", null, null);
        }
    }

    public static RedFlagView of(RedFlag flag) {
        return new RedFlagView(
                flag.rule(),
                Severity.of(flag.severity()),
                flag.criterion(),
                flag.explanation(),
                flag.dealLevel(),
                flag.effects().stream().map(EffectView::of).toList());
    }
}
