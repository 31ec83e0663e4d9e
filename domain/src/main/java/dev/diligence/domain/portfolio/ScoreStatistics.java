package dev.diligence.domain.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Summary statistics of one score over the companies that have it. Definitions (docs/framework.md):
 * the mean is the sum divided by the count, rounded to 10 places half even like every division of
 * the scoring; the median and quartiles interpolate linearly between the two nearest ranks
 * (PostgreSQL's {@code percentile_cont}), exactly, on the stored 10-place scores. Everything but the
 * count is absent when no company has the score.
 */
public record ScoreStatistics(
        int count,
        @Nullable BigDecimal mean,
        @Nullable BigDecimal median,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        @Nullable BigDecimal lowerQuartile,
        @Nullable BigDecimal upperQuartile) {

    public static final int SCALE = 10;

    public static ScoreStatistics empty() {
        return new ScoreStatistics(0, null, null, null, null, null, null);
    }

    /** The mean of {@code count} scores summing to {@code sum}, at 10 places half even; absent for no scores. */
    public static @Nullable BigDecimal mean(BigDecimal sum, int count) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), SCALE, RoundingMode.HALF_EVEN);
    }

    /** The statistics of {@code scores}, computed here; the reference the SQL aggregation must match. */
    public static ScoreStatistics of(Collection<BigDecimal> scores) {
        if (scores.isEmpty()) {
            return empty();
        }
        List<BigDecimal> sorted = new ArrayList<>(scores);
        sorted.sort(BigDecimal::compareTo);
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ScoreStatistics(
                sorted.size(),
                mean(sum, sorted.size()),
                interpolated(sorted, new BigDecimal("0.5")),
                sorted.get(0),
                sorted.get(sorted.size() - 1),
                interpolated(sorted, new BigDecimal("0.25")),
                interpolated(sorted, new BigDecimal("0.75")));
    }

    /** {@code percentile_cont(fraction)}: the value at position fraction·(n−1), interpolated linearly, exactly. */
    static BigDecimal interpolated(List<BigDecimal> sorted, BigDecimal fraction) {
        BigDecimal position = fraction.multiply(BigDecimal.valueOf(sorted.size() - 1L));
        int lower = position.setScale(0, RoundingMode.FLOOR).intValueExact();
        int upper = position.setScale(0, RoundingMode.CEILING).intValueExact();
        BigDecimal weight = position.subtract(BigDecimal.valueOf(lower));
        return sorted.get(lower).add(weight.multiply(sorted.get(upper).subtract(sorted.get(lower))));
    }
}
