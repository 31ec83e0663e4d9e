package dev.diligence.api.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.operation.ApiOperation.Kind;
import dev.diligence.api.security.Role;
import dev.diligence.api.support.ProductSchema;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The registry and the schema name the same operations: a root field of the schema missing from
 * {@link ApiOperation}, or a registered operation the schema lacks (or of the other kind), fails the
 * build here, before any role-matrix test runs.
 */
class ApiOperationRegistryTest {

    @Test
    void everyQueryOfTheSchemaIsRegisteredAndNoOther() {
        assertThat(registered(Kind.QUERY))
                .as("queries of the registry (expected: the schema's)")
                .containsExactlyElementsOf(rootFields(ProductSchema.SCHEMA.getQueryType()));
    }

    @Test
    void everyMutationOfTheSchemaIsRegisteredAndNoOther() {
        assertThat(registered(Kind.MUTATION))
                .as("mutations of the registry (expected: the schema's)")
                .containsExactlyElementsOf(rootFields(ProductSchema.SCHEMA.getMutationType()));
    }

    @Test
    void anOperationThatOnlyTenantWideRolesMayCallAdmitsNoFundManager() {
        assertThat(Arrays.stream(ApiOperation.values())
                        .filter(operation -> operation.fundRule() == ApiOperation.FundRule.TENANT_WIDE_ROLES))
                .allSatisfy(operation -> assertThat(operation.access().roles())
                        .as(operation.field())
                        .doesNotContain(Role.FUND_MANAGER));
    }

    private static Set<String> registered(Kind kind) {
        return Arrays.stream(ApiOperation.values())
                .filter(operation -> operation.kind() == kind)
                .map(ApiOperation::field)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> rootFields(GraphQLObjectType type) {
        return type.getFieldDefinitions().stream()
                .map(GraphQLFieldDefinition::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
