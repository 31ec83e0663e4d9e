package dev.diligence.domain.holding;

import dev.diligence.domain.shared.paging.Cursor;

/** Lists of holdings have one ordering: by the time the company was added, then id. */
public final class HoldingCursors {

    public static final String ORDERING = "ADDED_ASC";

    private HoldingCursors() {}

    public static Cursor of(Holding holding) {
        return new Cursor(ORDERING, holding.createdAt().toString(), holding.id().value());
    }
}
