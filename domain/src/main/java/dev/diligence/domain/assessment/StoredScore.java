package dev.diligence.domain.assessment;

import dev.diligence.domain.scoring.DimensionResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The numbers of an assessment's result that are stored beside it, exactly as the engine gave them
 * (10 places): the overall headline and every dimension, in framework order; at publication for a
 * published assessment, at its last save for an unpublished one. Everything else of the result
 * (criteria, red flags, remediation, the level's cap) is only in the whole result. Invariant: each
 * number equals the one of the same name in the engine's result for the assessment's inputs.
 */
public record StoredScore(
        @Nullable BigDecimal overall,
        @Nullable BigDecimal percentage,
        @Nullable BigDecimal floor,
        @Nullable BigDecimal confidence,
        @Nullable BigDecimal coverage,
        @Nullable Integer level,
        boolean levelSuppressed,
        boolean dealLevelRedFlag,
        List<DimensionResult> dimensions) {

    public StoredScore {
        dimensions = List.copyOf(Objects.requireNonNull(dimensions, "dimensions"));
    }
}
