package dev.diligence.domain.finding;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where the remediation of a finding stands. The allowed moves (moving to the same status is refused):
 * <pre>
 * OPEN           → IN_REMEDIATION, RESOLVED, ACCEPTED_RISK
 * IN_REMEDIATION → RESOLVED, ACCEPTED_RISK, OPEN   (work stopped)
 * RESOLVED       → OPEN                            (reopened: the fix did not hold)
 * ACCEPTED_RISK  → OPEN                            (reopened: the acceptance is withdrawn)
 * </pre>
 */
public enum FindingStatus {
    OPEN,
    IN_REMEDIATION,
    RESOLVED,
    ACCEPTED_RISK;

    public Set<FindingStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_REMEDIATION, RESOLVED, ACCEPTED_RISK);
            case IN_REMEDIATION -> EnumSet.of(RESOLVED, ACCEPTED_RISK, OPEN);
            case RESOLVED, ACCEPTED_RISK -> EnumSet.of(OPEN);
        };
    }

    public boolean canMoveTo(FindingStatus target) {
        return next().contains(target);
    }

    /** Resolved or accepted: no longer counted as open. */
    public boolean isClosed() {
        return this == RESOLVED || this == ACCEPTED_RISK;
    }
}
