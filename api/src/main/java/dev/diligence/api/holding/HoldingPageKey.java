package dev.diligence.api.holding;

import dev.diligence.api.graphql.ConnectionArguments;
import dev.diligence.domain.shared.paging.PageQuery;
import java.util.UUID;

/**
 * What one {@code holdings} field asks for: a page of one parent's holdings. Keys that differ only
 * in their parent are loaded together, in one statement.
 *
 * @param counted whether the client selected {@code totalCount}
 */
record HoldingPageKey(UUID parent, ConnectionArguments arguments, PageQuery page, boolean counted) {

    /** The part of the key that all parents of one batch share. */
    Window window() {
        return new Window(arguments, page, counted);
    }

    record Window(ConnectionArguments arguments, PageQuery page, boolean counted) {
    }
}
