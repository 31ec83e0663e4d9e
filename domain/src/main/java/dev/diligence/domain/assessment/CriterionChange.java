package dev.diligence.domain.assessment;

import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.EvidenceGate;
import dev.diligence.domain.scoring.ScoreState;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one criterion differs between two assessments, "before" being the first one diffed. A side is
 * absent ({@code null} state) when its framework version has no such criterion. Levels are present
 * only for {@code SCORED} criteria; targets are the explicitly set ones (absent = context default).
 */
public record CriterionChange(
        String code,
        @Nullable ScoreState stateBefore,
        @Nullable ScoreState stateAfter,
        @Nullable Integer recordedBefore,
        @Nullable Integer recordedAfter,
        @Nullable Integer effectiveBefore,
        @Nullable Integer effectiveAfter,
        @Nullable Confidence confidenceBefore,
        @Nullable Confidence confidenceAfter,
        @Nullable Integer targetBefore,
        @Nullable Integer targetAfter) {

    static CriterionChange of(String code, @Nullable CriterionScore before, @Nullable CriterionScore after) {
        return new CriterionChange(
                code,
                state(before),
                state(after),
                recorded(before),
                recorded(after),
                effective(before),
                effective(after),
                confidence(before),
                confidence(after),
                before == null ? null : before.targetLevel(),
                after == null ? null : after.targetLevel());
    }

    /** True when anything the diff reports differs. */
    public boolean changed() {
        return !Objects.equals(stateBefore, stateAfter)
                || !Objects.equals(recordedBefore, recordedAfter)
                || !Objects.equals(effectiveBefore, effectiveAfter)
                || !Objects.equals(confidenceBefore, confidenceAfter)
                || !Objects.equals(targetBefore, targetAfter);
    }

    /** Effective level after minus before; absent unless both sides are scored. */
    public @Nullable Integer effectiveDelta() {
        return effectiveBefore == null || effectiveAfter == null ? null : effectiveAfter - effectiveBefore;
    }

    private static @Nullable ScoreState state(@Nullable CriterionScore score) {
        return score == null ? null : score.state();
    }

    private static @Nullable Integer recorded(@Nullable CriterionScore score) {
        return score != null && score.isScored() ? score.level() : null;
    }

    private static @Nullable Integer effective(@Nullable CriterionScore score) {
        return score != null && score.isScored() && score.level() != null ? EvidenceGate.effectiveLevel(score) : null;
    }

    private static @Nullable Confidence confidence(@Nullable CriterionScore score) {
        return score != null && score.isScored() ? score.confidence() : null;
    }
}
