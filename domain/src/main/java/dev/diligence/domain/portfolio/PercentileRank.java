package dev.diligence.domain.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A company's percentile rank in its cohort: 100 × (companies with a strictly lower overall score)
 * / (n − 1), PostgreSQL's {@code percent_rank}, at 10 places half even. Reported only when at least
 * {@value #MINIMUM_COHORT} companies are scored; the cohort size is reported always.
 */
public final class PercentileRank {

    public static final int MINIMUM_COHORT = 5;

    private PercentileRank() {}

    public static Optional<BigDecimal> of(long strictlyLower, long cohortSize) {
        if (cohortSize < MINIMUM_COHORT) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(100 * strictlyLower)
                .divide(BigDecimal.valueOf(cohortSize - 1), ScoreStatistics.SCALE, RoundingMode.HALF_EVEN));
    }
}
