package dev.diligence.domain.portfolio;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** One dimension's stored (capped) score before and after a change; a score is absent when the dimension was unscored. */
public record DimensionChange(
        String dimension,
        @Nullable BigDecimal before,
        @Nullable BigDecimal after) {

    /** {@code after − before}, exactly; absent unless both are present. */
    public @Nullable BigDecimal delta() {
        return ScoreChange.difference(after, before);
    }
}
