package dev.diligence.domain.scoring;

/**
 * Step 1 of scoring: a level of {@value #GATE_FROM_LEVEL} or more is only believed with evidence and
 * more than {@code LOW} confidence; otherwise the criterion counts as level {@value #GATED_LEVEL}
 * ("gated"). Invariant: the effective level never exceeds the recorded level and never falls below
 * {@code min(recorded, 2)}, so raising a recorded level never lowers the effective one.
 */
public final class EvidenceGate {

    public static final int GATE_FROM_LEVEL = 3;
    public static final int GATED_LEVEL = 2;

    private EvidenceGate() {}

    /** True for a valid {@code SCORED} score at level 3 or 4 with {@code LOW} confidence or no evidence. */
    public static boolean isGated(CriterionScore score) {
        return score.isScored()
                && score.level() != null
                && score.level() >= GATE_FROM_LEVEL
                && (score.confidence() == Confidence.LOW || score.evidenceCount() == 0);
    }

    /**
     * The level a valid {@code SCORED} score counts as.
     *
     * @throws IllegalArgumentException when the score is not scored
     */
    public static int effectiveLevel(CriterionScore score) {
        if (!score.isScored() || score.level() == null) {
            throw new IllegalArgumentException("only a scored criterion has an effective level");
        }
        return isGated(score) ? GATED_LEVEL : score.level();
    }
}
