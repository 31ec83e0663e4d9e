package dev.diligence.domain.scoring;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The overall scoring, present when at least one dimension has a score. Numbers have 10 places.
 * Invariants: {@code 0 <= floor <= score <= 4}; {@code percentage = 100·score/4};
 * {@code uncappedLevel = min(⌊score⌋, ⌊floor⌋ + 1)}; {@code level <= uncappedLevel}, absent exactly
 * when suppressed; {@code levelCappedBy} names the lowest-numbered rule whose cap lowered the level,
 * absent when none did or the level is suppressed.
 *
 * @param score      O, the weighted mean of the (capped) dimension scores, 0-4
 * @param floor      F, the lowest (capped) dimension score
 * @param confidence the weighted mean of the confidences of the scored dimensions, 0-1
 */
public record OverallResult(
        BigDecimal score,
        BigDecimal percentage,
        BigDecimal floor,
        BigDecimal confidence,
        int uncappedLevel,
        @Nullable Integer level,
        @Nullable String levelCappedBy,
        boolean levelSuppressed) {

    public OverallResult {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(percentage, "percentage");
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(confidence, "confidence");
        if (levelSuppressed != (level == null)) {
            throw new IllegalArgumentException("the level is absent exactly when it is suppressed");
        }
        if (level != null && level > uncappedLevel) {
            throw new IllegalArgumentException("a cap never raises the level");
        }
    }
}
