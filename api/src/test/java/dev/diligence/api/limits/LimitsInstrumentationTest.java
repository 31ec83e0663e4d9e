package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The instrumentation inside a real graphql-java engine, on a small schema whose resolvers record
 * that they ran, with a clock that only resolvers move: the timeout is tested without waiting.
 */
class LimitsInstrumentationTest {

    private static final String SDL = """
            type Query { slow: String fast: String items(first: Int): ItemConnection }
            type ItemConnection { nodes: [Item] }
            type Item { name: String }
            type Mutation { write(name: String): String }
            """;

    private final ManualClock clock = new ManualClock();
    private final List<String> resolved = new ArrayList<>();

    @Test
    void aRequestPastItsTimeoutIsCancelledBeforeTheNextResolverWithTimeout() {
        ExecutionResult result = execute(limits(1000, 10_000), "{ slow fast }", null);

        assertThat(resolved).containsExactly("slow");
        GraphQLError error = result.getErrors().get(0);
        assertThat(error.getErrorType()).isEqualTo(LimitClassification.TIMEOUT);
        assertThat(error.getMessage()).contains("11,000 ms").contains("10,000 ms");
        assertThat(error.getExtensions()).containsEntry("limit", 10_000L).containsEntry("actual", 11_000L);
        assertThat(result.getErrors()).hasSize(1);
    }

    @Test
    void aSlowMutationStopsTheMutationsAfterIt() {
        ExecutionResult result = execute(limits(1000, 10_000), "mutation { a: write(name: \"slow\") b: write(name: \"b\") }", null);

        assertThat(resolved).containsExactly("write slow");
        assertThat(result.getErrors()).extracting(GraphQLError::getErrorType).containsExactly(LimitClassification.TIMEOUT);
    }

    @Test
    void aRequestWithinItsTimeoutRunsToTheEnd() {
        ExecutionResult result = execute(limits(1000, 12_000), "{ slow fast }", null);

        assertThat(resolved).containsExactly("slow", "fast");
        assertThat(result.getErrors()).isEmpty();
    }

    @Test
    void aRefusedRequestRunsNoResolverAndSaysWhichLimitRefusedIt() {
        ExecutionResult result = execute(limits(12, 10_000), "{ fast items(first: 7) { nodes { name } } }", null);

        assertThat(resolved).isEmpty();
        assertThat(result.isDataPresent()).isFalse();
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorType()).isEqualTo(LimitClassification.MAX_TOKENS_EXCEEDED);
            assertThat(error.toSpecification()).containsEntry("message", "The number of tokens in the query is 15; the limit is 12")
                    .containsEntry("extensions", Map.of("classification", "MAX_TOKENS_EXCEEDED", "limit", 12L, "actual", 15L));
        });
    }

    @Test
    void everyResponseReportsItsCost() {
        RateLimitKey caller = new RateLimitKey("firm", "someone");
        LimitsProperties limits = limits(1000, 10_000, new LimitsProperties.Rate(true, 10_000, 1, Duration.ofDays(1000)));
        RateLimiter rateLimiter = new RateLimiter(limits);
        ExecutionResult result = execute(limits, rateLimiter, "{ fast items(first: 7) { nodes { name } } }", caller);

        assertThat(cost(result)).containsEntry("requestedQueryCost", 2L + 7).containsEntry("actualQueryCost", 2L + 2)
                .containsEntry("throttleStatus", Map.of("maximumAvailable", 10_000L, "currentlyAvailable", 10_000L - 4, "restoreRate", 1 / 86_400_000.0));
        ExecutionResult refused = execute(limits(5, 10_000, limits.rate()), rateLimiter, "{ fast items(first: 7) { nodes { name } } }", caller);
        assertThat(cost(refused)).containsEntry("requestedQueryCost", null).containsEntry("actualQueryCost", null)
                .containsEntry("throttleStatus", Map.of("maximumAvailable", 10_000L, "currentlyAvailable", 10_000L - 4 - 1, "restoreRate", 1 / 86_400_000.0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cost(ExecutionResult result) {
        return (Map<String, Object>) result.getExtensions().get("cost");
    }

    private ExecutionResult execute(LimitsProperties limits, String document, RateLimitKey caller) {
        return execute(limits, new RateLimiter(limits), document, caller);
    }

    private ExecutionResult execute(LimitsProperties limits, RateLimiter rateLimiter, String document, RateLimitKey caller) {
        GraphQL graphQl = GraphQL.newGraphQL(schema())
                .instrumentation(new LimitsInstrumentation(limits, rateLimiter, clock))
                .build();
        ExecutionInput.Builder input = ExecutionInput.newExecutionInput(document);
        if (caller != null) {
            input.graphQLContext(Map.of(RateLimitKey.class, caller));
        }
        return graphQl.execute(input.build());
    }

    private GraphQLSchema schema() {
        DataFetcher<String> slow = environment -> {
            resolved.add("slow");
            clock.advance(Duration.ofSeconds(11));
            return "slow";
        };
        DataFetcher<String> fast = environment -> {
            resolved.add("fast");
            return "fast";
        };
        DataFetcher<String> write = environment -> {
            resolved.add("write " + environment.getArgument("name"));
            clock.advance(Duration.ofSeconds(environment.getArgument("name").equals("slow") ? 11 : 0));
            return "written";
        };
        DataFetcher<Map<String, Object>> items = environment -> Map.of("nodes", List.of(Map.of("name", "x"), Map.of("name", "y")));
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("slow", slow).dataFetcher("fast", fast).dataFetcher("items", items))
                .type("Mutation", type -> type.dataFetcher("write", write))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    private static LimitsProperties limits(int maxTokens, long timeoutMillis) {
        return limits(maxTokens, timeoutMillis, new LimitsProperties.Rate(true, 10_000, 500, Duration.ofSeconds(1)));
    }

    private static LimitsProperties limits(int maxTokens, long timeoutMillis, LimitsProperties.Rate rate) {
        return new LimitsProperties(10, 5000, 15, 4, maxTokens, 10, DataSize.ofMegabytes(2), Duration.ofMillis(timeoutMillis),
                Duration.ofSeconds(5), Map.of(), rate);
    }

    /** A clock that stands still until a test moves it. */
    private static final class ManualClock extends Clock {

        private Instant now = Instant.parse("2026-11-26T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
