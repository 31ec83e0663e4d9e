package dev.diligence.api.oracle;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One row of the probe table: a caller sends an ID it must not see, in one ID slot of one
 * operation, accepting one media type; the control is the same request with a random well-formed ID
 * of the same type. The table is every caller × every slot × every target the caller must not see
 * × both media types.
 */
record OracleProbe(OracleCaller caller, OracleSlot slot, OracleTarget target, OracleHttp.Accept accept) {

    static List<OracleProbe> table() {
        List<OracleProbe> table = new ArrayList<>();
        for (OracleCaller caller : OracleCaller.values()) {
            for (OracleSlot slot : OracleSlot.values()) {
                for (OracleTarget target : OracleTarget.values()) {
                    if (caller.probes(target)) {
                        for (OracleHttp.Accept accept : OracleHttp.Accept.values()) {
                            table.add(new OracleProbe(caller, slot, target, accept));
                        }
                    }
                }
            }
        }
        return List.copyOf(table);
    }

    /**
     * The outcomes the control (a random ID) may have: "no such object" in the slot's own way for a
     * caller the operation admits, FORBIDDEN for one it refuses. Anything else (a validation error, a
     * fault, throttling) would mean the probe never reached the lookup and proved nothing.
     */
    Set<OracleOutcome> expectedControlOutcomes() {
        if (caller.mayCall(slot)) {
            return EnumSet.of(notFoundOutcome(slot));
        }
        if (!slot.takesType(target.typeName()) && (slot.isMutation() || slot == OracleSlot.FUND_ACCESS_GRANTS_FUND_ID)) {
            // Current behaviour, reported: these controllers decode the ID before calling the service, so an ID of
            // another type answers "not found" even to a caller whose role the service's @PreAuthorize would refuse.
            // The same for every ID of that type, so no oracle, but FORBIDDEN would be the consistent answer.
            return EnumSet.of(OracleOutcome.FORBIDDEN, notFoundOutcome(slot));
        }
        return EnumSet.of(OracleOutcome.FORBIDDEN);
    }

    /** How the slot says "no such object" to a caller it admits. */
    static OracleOutcome notFoundOutcome(OracleSlot slot) {
        if (slot.isMutation()) {
            return OracleOutcome.NOT_FOUND;
        }
        return switch (slot) {
            case NODE, FUND, COMPANY -> OracleOutcome.ABSENT;
            default -> OracleOutcome.EMPTY;
        };
    }

    @Override
    public String toString() {
        return "[" + caller + "] " + slot + " <- " + target.kind() + " " + target + ", " + accept;
    }
}
