package dev.diligence.api.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.operation.ApiOperation;
import dev.diligence.api.support.ProductSchema;
import graphql.Scalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every registered operation that takes a global ID (an argument, a filter field or an input field
 * of type {@code ID}, at any depth) is probed by the existence oracle: a new operation that takes an
 * ID fails here until {@link OracleSlot} has a slot for it.
 */
class OracleEnrolmentTest {

    @Test
    void everyOperationThatTakesAnIdHasAnOracleSlot() {
        Set<String> takingIds = new TreeSet<>();
        for (ApiOperation operation : ApiOperation.values()) {
            GraphQLObjectType root = operation.kind() == ApiOperation.Kind.QUERY
                    ? ProductSchema.SCHEMA.getQueryType()
                    : ProductSchema.SCHEMA.getMutationType();
            GraphQLFieldDefinition field = root.getFieldDefinition(operation.field());
            if (field.getArguments().stream()
                    .map(GraphQLArgument::getType)
                    .anyMatch(type -> takesId(type, new HashSet<>()))) {
                takingIds.add(operation.field());
            }
        }
        Set<String> probed =
                Arrays.stream(OracleSlot.values()).map(OracleSlot::field).collect(Collectors.toSet());

        assertThat(takingIds)
                .as("operations that take an ID")
                .contains("node", "addHolding", "removeEvidence", "findings");
        assertThat(probed).as("operations the oracle probes").containsAll(takingIds);
    }

    @Test
    void everySlotNamesARegisteredOperation() {
        assertThat(OracleSlot.values())
                .allSatisfy(slot -> assertThat(slot.operation().field()).isEqualTo(slot.field()));
    }

    private static boolean takesId(GraphQLInputType type, Set<String> seen) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
        if (unwrapped == Scalars.GraphQLID) {
            return true;
        }
        if (unwrapped instanceof GraphQLInputObjectType input && seen.add(input.getName())) {
            return input.getFieldDefinitions().stream()
                    .map(GraphQLInputObjectField::getType)
                    .anyMatch(t -> takesId(t, seen));
        }
        return false;
    }
}
