package dev.diligence.api.graphql;

import dev.diligence.domain.shared.paging.PageQuery;
import graphql.schema.DataFetchingFieldSelectionSet;

/**
 * What one nested connection field asks for, as a batch loader's key: a page of one parent's list.
 * Keys that differ only in their parent share a {@link Window} and are loaded together, in a fixed
 * number of statements whatever the number of parents (the recipe of {@code Fund.holdings}).
 *
 * @param counted whether the client selected {@code totalCount}
 */
public record PageKey<P>(P parent, ConnectionArguments arguments, PageQuery page, boolean counted) {

    /**
     * The key of a field with these arguments under {@code ordering}; refuses bad arguments (BAD_REQUEST)
     * before anything is loaded.
     */
    public static <P> PageKey<P> of(
            P parent, ConnectionArguments arguments, String ordering, DataFetchingFieldSelectionSet selection) {
        return new PageKey<>(parent, arguments, arguments.toPageQuery(ordering), selection.contains("totalCount"));
    }

    /** The part of the key that all parents of one batch share. */
    public Window window() {
        return new Window(arguments, page, counted);
    }

    /** The page window of a batch: the same arguments, page and count for every parent. */
    public record Window(ConnectionArguments arguments, PageQuery page, boolean counted) {}
}
