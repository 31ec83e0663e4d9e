package dev.diligence.api.oracle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One row of the probe table: a caller sends an ID it must not see, in one ID slot of one
 * operation, accepting one media type; the control is the same request with a random well-formed ID
 * of the same type. The table is every caller × every slot × every target the caller must not see
 * × both media types, except that the assessment, finding and portfolio slots (those with an
 * {@link OracleSlot#otherType()}) are probed only with the targets of the type they take plus, for
 * each kind of target, the first target of one other type: the whole cross product would be some
 * 3,400 probes, and an ID of a type a slot does not take is decoded to "nothing" before any lookup,
 * which the fund, company and holding slots already probe with every type.
 */
record OracleProbe(OracleCaller caller, OracleSlot slot, OracleTarget target, OracleHttp.Accept accept) {

    static List<OracleProbe> table() {
        List<OracleProbe> table = new ArrayList<>();
        // slot by slot, the callers taking turns: each caller's requests spread over the whole run, so that no caller's
        // rate-limit bucket (refilled as time passes) runs dry however fast the probes run
        for (OracleSlot slot : OracleSlot.values()) {
            for (OracleCaller caller : OracleCaller.values()) {
                for (OracleTarget target : OracleTarget.values()) {
                    if (caller.probes(target) && probedIn(slot, target)) {
                        for (OracleHttp.Accept accept : OracleHttp.Accept.values()) {
                            table.add(new OracleProbe(caller, slot, target, accept));
                        }
                    }
                }
            }
        }
        return List.copyOf(table);
    }

    /** Whether {@code slot} is probed with {@code target}: every target, or the subset described above. */
    private static boolean probedIn(OracleSlot slot, OracleTarget target) {
        if (slot.otherType() == null || slot.takesType(target.typeName())) {
            return true;
        }
        return Arrays.stream(OracleTarget.values())
                .filter(candidate -> candidate.kind() == target.kind()
                        && candidate.typeName().equals(slot.otherType()))
                .findFirst()
                .map(target::equals)
                .orElse(false);
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
        if (!slot.takesType(target.typeName())
                && slot.otherType() == null
                && (slot.isMutation() || slot == OracleSlot.FUND_ACCESS_GRANTS_FUND_ID)) {
            // Current behaviour, reported: these controllers decode the ID before calling the service, so an ID of
            // another type answers "not found" even to a caller whose role the service's @PreAuthorize would refuse.
            // The same for every ID of that type, so no oracle, but FORBIDDEN would be the consistent answer. The
            // assessment and finding controllers pass every ID on to the service, which refuses such a caller first.
            return EnumSet.of(OracleOutcome.FORBIDDEN, notFoundOutcome(slot));
        }
        return EnumSet.of(OracleOutcome.FORBIDDEN);
    }

    /** How the slot says "no such object" to a caller it admits. */
    static OracleOutcome notFoundOutcome(OracleSlot slot) {
        if (slot.echoesId()) {
            return OracleOutcome.MISSING;
        }
        if (slot.isMutation()) {
            return OracleOutcome.NOT_FOUND;
        }
        return slot.answersNull() ? OracleOutcome.ABSENT : OracleOutcome.EMPTY;
    }

    @Override
    public String toString() {
        return "[" + caller + "] " + slot + " <- " + target.kind() + " " + target + ", " + accept;
    }
}
