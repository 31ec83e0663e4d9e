package dev.diligence.api.graphql;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A Relay connection page. {@code totalCount} is computed only when a client asks for it.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, LongSupplier counter) {

    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }

    public long totalCount() {
        return counter.getAsLong();
    }

    /** Whether the selection of a connection field asks for {@code field} of its nodes, through {@code nodes} or {@code edges.node}. */
    public static boolean selectsOfNodes(DataFetchingFieldSelectionSet selection, String field) {
        return selection.contains("nodes/" + field) || selection.contains("edges/node/" + field);
    }
}
