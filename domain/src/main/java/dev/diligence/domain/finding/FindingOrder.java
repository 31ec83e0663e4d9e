package dev.diligence.domain.finding;

import dev.diligence.domain.shared.paging.Cursor;

/**
 * The one ordering of finding lists: in the order raised, by opening time and then id, so it is
 * total and a keyset cursor names one position.
 */
public final class FindingOrder {

    /** The ordering's name, stated in its cursors. */
    public static final String RAISED = "RAISED";

    private FindingOrder() {}

    /** The keyset position of a finding: its opening time, then its id. */
    public static Cursor cursorOf(Finding finding) {
        return new Cursor(RAISED, finding.openedAt().toString(), finding.id().value());
    }
}
