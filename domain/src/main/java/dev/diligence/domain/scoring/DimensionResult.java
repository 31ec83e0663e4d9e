package dev.diligence.domain.scoring;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The scoring of one dimension; every number has 10 decimal places and lies in its range (scores 0-4,
 * coverage and confidence 0-1). Invariants: a dimension whose criteria are all not applicable has
 * {@code applicable = false} and no numbers at all (it is left out of everything overall); an
 * applicable one has a coverage; {@code score}, {@code uncappedScore} and {@code confidence} are
 * present together, when at least one criterion is scored; {@code score <= uncappedScore} and
 * {@code cappedBy} names the rule whose cap lowered it.
 *
 * @param weight      the dimension's weight (W_d)
 * @param provisional coverage below 0.7 (the dimension still counts overall)
 */
public record DimensionResult(
        String code,
        BigDecimal weight,
        boolean applicable,
        @Nullable BigDecimal score,
        @Nullable BigDecimal uncappedScore,
        @Nullable String cappedBy,
        @Nullable BigDecimal coverage,
        boolean provisional,
        @Nullable BigDecimal confidence) {

    public DimensionResult {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(weight, "weight");
        if (applicable != (coverage != null)) {
            throw new IllegalArgumentException("exactly the applicable dimensions have a coverage");
        }
        if ((score == null) != (uncappedScore == null) || (score == null) != (confidence == null)) {
            throw new IllegalArgumentException("score, uncapped score and confidence are present together");
        }
        if (score != null && uncappedScore != null && score.compareTo(uncappedScore) > 0) {
            throw new IllegalArgumentException("a cap never raises a score");
        }
    }

    /** A dimension whose criteria are all not applicable. */
    public static DimensionResult notApplicable(String code, BigDecimal weight) {
        return new DimensionResult(code, weight, false, null, null, null, null, false, null);
    }

    public boolean hasScore() {
        return score != null;
    }

    public boolean isCapped() {
        return cappedBy != null;
    }
}
