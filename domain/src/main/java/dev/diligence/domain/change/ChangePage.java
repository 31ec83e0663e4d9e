package dev.diligence.domain.change;

import java.util.List;

/**
 * Changes after a position, in feed order.
 *
 * @param hasMore whether more changes followed the page when it was read
 */
public record ChangePage(List<Change> changes, boolean hasMore) {

    public ChangePage {
        changes = List.copyOf(changes);
    }
}
