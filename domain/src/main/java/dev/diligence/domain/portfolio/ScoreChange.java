package dev.diligence.domain.portfolio;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The change of a company's stored scores between two consecutive publications: consecutive among the
 * company's publications under the compared framework version that were not retracted by the end of the
 * trend, ordered by publication time, then id (as {@code LatestPublished} orders them). Publications
 * under another version are skipped, never compared across versions.
 *
 * @param dimensions each dimension of the version, in framework order, before and after
 */
public record ScoreChange(
        CompanyId company,
        AssessmentId before,
        Instant beforePublishedAt,
        AssessmentId after,
        Instant afterPublishedAt,
        @Nullable BigDecimal overallBefore,
        @Nullable BigDecimal overallAfter,
        @Nullable Integer levelBefore,
        @Nullable Integer levelAfter,
        boolean levelSuppressedBefore,
        boolean levelSuppressedAfter,
        List<DimensionChange> dimensions) {

    public ScoreChange {
        dimensions = List.copyOf(dimensions);
    }

    /** {@code overallAfter − overallBefore}, exactly; absent unless both are present. */
    public @Nullable BigDecimal overallDelta() {
        return difference(overallAfter, overallBefore);
    }

    /** {@code a − b}, exactly (no rounding: both have 10 places); absent unless both are present. */
    static @Nullable BigDecimal difference(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }
}
