package dev.diligence.api.graphql;

/** GraphQL {@code SortDirection}. */
public enum SortDirection {
    ASC,
    DESC
}
