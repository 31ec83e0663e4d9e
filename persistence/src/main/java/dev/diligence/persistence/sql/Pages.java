package dev.diligence.persistence.sql;

import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.InvalidCursorException;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The two halves of every keyset page: the cursor read in, the page given out. */
public final class Pages {

    private Pages() {}

    /**
     * The page of the rows a keyset statement read nearest to the cursor first, at most
     * {@code limit + 1} of them (the one more tells that more lie beyond): in display order, which
     * for a backward page is the reverse of the reading order.
     */
    public static <T> Slice<T> slice(List<T> nearestFirst, PageQuery page) {
        boolean hasMore = nearestFirst.size() > page.limit();
        List<T> items = new ArrayList<>(nearestFirst.subList(0, Math.min(nearestFirst.size(), page.limit())));
        if (page.backward()) {
            Collections.reverse(items);
        }
        return new Slice<>(items, hasMore);
    }

    /** The instant a cursor of the list {@code ordering} stands at; a cursor of another list or a mangled one is refused. */
    public static Instant instant(Cursor cursor, String ordering) {
        if (!cursor.ordering().equals(ordering)) {
            throw new InvalidCursorException("the cursor belongs to another list");
        }
        try {
            return Instant.parse(cursor.sortValue());
        } catch (DateTimeParseException e) {
            throw new InvalidCursorException("the cursor is malformed");
        }
    }
}
