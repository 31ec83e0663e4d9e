package dev.diligence.api.graphql;

/** An object of a type that implements the GraphQL {@code Node} interface. */
public interface NodeView {

    /** Name of the GraphQL object type this value is resolved as. */
    String graphQlType();
}
