package dev.diligence.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.ProductSchema;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The node types are one table: the {@link NodeLoader} beans of the running application, one per
 * type. Every type of the schema that implements {@code Node} has exactly one, and every loader names
 * such a type, so a new node type without a loader (whose IDs {@code node(id:)} would answer with
 * null forever) fails here.
 */
class NodeTypesIT extends ApiIntegrationTest {

    @Autowired
    private List<NodeLoader> loaders;

    @Test
    void everyTypeImplementingNodeHasExactlyOneLoader() {
        List<String> nodeTypes =
                ProductSchema.SCHEMA
                        .getImplementations((GraphQLInterfaceType) ProductSchema.SCHEMA.getType("Node"))
                        .stream()
                        .map(GraphQLObjectType::getName)
                        .toList();

        assertThat(loaders)
                .extracting(NodeLoader::typeName)
                .containsExactlyInAnyOrderElementsOf(nodeTypes)
                .contains("Fund", "Company", "Holding", "Assessment", "Finding");
    }
}
