package dev.diligence.domain.finding;

import java.util.List;

/**
 * What to store after reconciling an assessment's rule findings with the red flags it fires.
 * Invariant: every rule finding given to the reconciliation is in exactly one of {@code keep} and
 * {@code retire}; {@code raise} holds only new findings.
 *
 * @param raise  new findings for flags that fired without one
 * @param keep   existing findings whose flag still fires, with severity and explanation refreshed
 *               from the flag (store those that differ from what was given)
 * @param retire existing findings whose flag no longer fires: retire them (kept in storage, no longer shown)
 */
public record Reconciliation(List<Finding> raise, List<Finding> keep, List<Finding> retire) {

    public Reconciliation {
        raise = List.copyOf(raise);
        keep = List.copyOf(keep);
        retire = List.copyOf(retire);
    }

    /** Nothing raised or retired: every finding kept as it is. */
    public static Reconciliation frozen(List<Finding> existing) {
        return new Reconciliation(List.of(), existing, List.of());
    }

    public boolean changesNothing() {
        return raise.isEmpty() && retire.isEmpty();
    }
}
