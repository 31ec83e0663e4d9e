package dev.diligence.domain.shared.paging;

import java.util.Optional;

/**
 * One page of a keyset-paginated list.
 *
 * @param limit    rows wanted, 0..{@link #MAX_LIMIT}
 * @param backward true to page backwards ({@code last/before}): rows before {@code from}, nearest first
 * @param from     the position to page away from, exclusive; empty for the first (or last) page
 */
public record PageQuery(int limit, boolean backward, Optional<Cursor> from) {

    public static final int MAX_LIMIT = 100;

    public PageQuery {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_LIMIT);
        }
    }
}
