package dev.diligence.api.support;

import graphql.execution.CoercedVariables;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The product's GraphQL schema (the schema module's files), without resolvers, for unit tests. */
public final class ProductSchema {

    public static final GraphQLSchema SCHEMA = load();

    private ProductSchema() {}

    /** The operation as graphql-java normalizes it for execution, with {@code variables} already coerced. */
    public static ExecutableNormalizedOperation operation(String document, Map<String, Object> variables) {
        return ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
                SCHEMA, Parser.parse(document), null, CoercedVariables.of(variables));
    }

    public static ExecutableNormalizedOperation operation(String document) {
        return operation(document, Map.of());
    }

    private static GraphQLSchema load() {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try {
            for (Resource file :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls")) {
                try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    registry.merge(new SchemaParser().parse(reader));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }
}
