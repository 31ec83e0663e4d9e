package dev.diligence.domain.holding;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a fund stands with a company. The allowed moves:
 * <pre>
 * SOURCED   → DILIGENCE, PASSED
 * DILIGENCE → INVESTED, PASSED, SOURCED
 * INVESTED  → EXITED
 * PASSED    → SOURCED, DILIGENCE   (a passed deal is re-opened)
 * EXITED    → nothing              (final)
 * </pre>
 * Staying in the same stage is always allowed.
 */
public enum DealStage {
    SOURCED,
    DILIGENCE,
    INVESTED,
    EXITED,
    PASSED;

    /** The stages this one may move to, itself excluded. */
    public Set<DealStage> next() {
        return switch (this) {
            case SOURCED -> EnumSet.of(DILIGENCE, PASSED);
            case DILIGENCE -> EnumSet.of(INVESTED, PASSED, SOURCED);
            case INVESTED -> EnumSet.of(EXITED);
            case PASSED -> EnumSet.of(SOURCED, DILIGENCE);
            case EXITED -> EnumSet.noneOf(DealStage.class);
        };
    }

    public boolean canMoveTo(DealStage target) {
        return target == this || next().contains(target);
    }
}
