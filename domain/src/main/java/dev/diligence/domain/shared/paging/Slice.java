package dev.diligence.domain.shared.paging;

import java.util.List;

/**
 * A page of rows in display order, and whether more rows lie beyond it in the paging direction.
 */
public record Slice<T>(List<T> items, boolean hasMore) {

    public Slice {
        items = List.copyOf(items);
    }
}
