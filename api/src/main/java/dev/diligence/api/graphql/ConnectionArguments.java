package dev.diligence.api.graphql;

import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The Relay paging arguments of a list field: {@code first/after} forwards or {@code last/before}
 * backwards, at most {@link PageQuery#MAX_LIMIT} rows, {@link #DEFAULT_PAGE_SIZE} when neither
 * count is given.
 */
public record ConnectionArguments(
        @Nullable Integer first,
        @Nullable String after,
        @Nullable Integer last,
        @Nullable String before) {

    public static final int DEFAULT_PAGE_SIZE = 20;

    /** The page these arguments ask for, under {@code ordering}. */
    public PageQuery toPageQuery(String ordering) {
        if (first != null && last != null) {
            throw new BadRequestException("Pass either first or last, not both");
        }
        if ((first != null && before != null) || (last != null && after != null) || (after != null && before != null)) {
            throw new BadRequestException("Page forwards with first/after or backwards with last/before");
        }
        boolean backward = last != null || before != null;
        int limit = backward ? countOrDefault(last, "last") : countOrDefault(first, "first");
        String cursor = backward ? before : after;
        Optional<Cursor> from = Optional.ofNullable(cursor).map(CursorCodec::decode);
        from.filter(c -> !c.ordering().equals(ordering)).ifPresent(c -> {
            throw new BadRequestException("The cursor was issued for another ordering");
        });
        return new PageQuery(limit, backward, from);
    }

    /** Builds the connection of {@code slice}, read with {@code query}. */
    public <D, V> Connection<V> toConnection(
            PageQuery query, Slice<D> slice, Function<D, Cursor> cursorOf, Function<D, V> view, LongSupplier counter) {
        List<Connection.Edge<V>> edges = slice.items().stream()
                .map(item -> new Connection.Edge<>(CursorCodec.encode(cursorOf.apply(item)), view.apply(item)))
                .toList();
        boolean hasNext = query.backward() ? before != null : slice.hasMore();
        boolean hasPrevious = query.backward() ? slice.hasMore() : after != null;
        String start = edges.isEmpty() ? null : edges.get(0).cursor();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new Connection.PageInfo(hasNext, hasPrevious, start, end), counter);
    }

    private static int countOrDefault(@Nullable Integer count, String name) {
        if (count == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (count < 0 || count > PageQuery.MAX_LIMIT) {
            throw new BadRequestException(name + " must be between 0 and " + PageQuery.MAX_LIMIT);
        }
        return count;
    }
}
