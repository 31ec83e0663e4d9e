package dev.diligence.domain.scoring;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The scoring of one criterion. Invariants: levels, confidence, gap and priority are present exactly
 * when the state is {@code SCORED}; {@code effectiveLevel <= recordedLevel}; {@code gated} only when
 * scored; {@code gap = max(0, target - effectiveLevel)}; {@code priority = gap · weight ·
 * dimensionWeight} with 10 places.
 *
 * @param weight          the criterion's weight inside its dimension (w_c)
 * @param dimensionWeight the weight of its dimension (W_d)
 * @param explicitTarget  whether the target was set explicitly rather than derived from the context
 */
public record CriterionResult(
        String code,
        String dimension,
        BigDecimal weight,
        BigDecimal dimensionWeight,
        ScoreState state,
        @Nullable Integer recordedLevel,
        @Nullable Integer effectiveLevel,
        boolean gated,
        @Nullable Confidence confidence,
        int target,
        boolean explicitTarget,
        @Nullable Integer gap,
        @Nullable BigDecimal priority) {

    public CriterionResult {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(state, "state");
        boolean scored = state == ScoreState.SCORED;
        if (scored
                != (recordedLevel != null
                        && effectiveLevel != null
                        && confidence != null
                        && gap != null
                        && priority != null)) {
            throw new IllegalArgumentException("levels, confidence, gap and priority belong to scored criteria only");
        }
        if (gated && !scored) {
            throw new IllegalArgumentException("only a scored criterion can be gated");
        }
    }

    public boolean isScored() {
        return state == ScoreState.SCORED;
    }

    /** Scored at level 0 (the red-flag rules' "scored 0"). */
    public boolean isScoredZero() {
        return isScored() && Objects.equals(recordedLevel, 0);
    }

    /** Counted in coverage: scored or not yet assessed. */
    public boolean isApplicable() {
        return state != ScoreState.NOT_APPLICABLE;
    }
}
