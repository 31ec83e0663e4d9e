package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.api.fault.FaultClassification;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The instrumentation inside a real graphql-java engine, on a small schema whose resolvers record
 * that they ran, with a clock that only resolvers move: the timeout is tested without waiting. Its
 * one heavy root field, {@code heavy}, does what each test of the bulkhead makes it do; the
 * bulkhead admits one heavy operation at a time and lets none wait, so that an operation that
 * arrives while another holds the place, executed from within that one's resolver, is refused
 * without any thread or timing.
 */
class LimitsInstrumentationTest {

    private static final String SDL = """
            type Query { slow: String fast: String items(first: Int): ItemConnection heavy(first: Int): ItemConnection }
            type ItemConnection { nodes: [Item] }
            type Item { name: String }
            type Mutation { write(name: String): String }
            """;

    /** Costs 2 + 7 = 9 points requested, 2 + 2 = 4 actual. */
    private static final String HEAVY = "{ heavy(first: 7) { nodes { name } } }";

    private static final Map<String, Object> TWO_ITEMS =
            Map.of("nodes", List.of(Map.of("name", "x"), Map.of("name", "y")));
    private final CallerAllowance caller =
            inMemory(LimitsProperties.Rate.uniform(true, 10_000, 1, Duration.ofDays(1000))
                    .defaultBudget());

    private final ManualClock clock = new ManualClock();
    private final List<String> resolved = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private DataFetcher<Object> onHeavy = environment -> TWO_ITEMS;

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
        ExecutionResult result =
                execute(limits(1000, 10_000), "mutation { a: write(name: \"slow\") b: write(name: \"b\") }", null);

        assertThat(resolved).containsExactly("write slow");
        assertThat(result.getErrors())
                .extracting(GraphQLError::getErrorType)
                .containsExactly(LimitClassification.TIMEOUT);
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
            assertThat(error.toSpecification())
                    .containsEntry("message", "The number of tokens in the query is 15; the limit is 12")
                    .containsEntry(
                            "extensions", Map.of("classification", "MAX_TOKENS_EXCEEDED", "limit", 12L, "actual", 15L));
        });
    }

    @Test
    void everyResponseReportsItsCost() {
        LimitsProperties limits =
                limits(1000, 10_000, LimitsProperties.Rate.uniform(true, 10_000, 1, Duration.ofDays(1000)));
        CallerAllowance caller = inMemory(limits.rate().defaultBudget());
        ExecutionResult result = execute(limits, "{ fast items(first: 7) { nodes { name } } }", caller);

        assertThat(cost(result))
                .containsEntry("requestedQueryCost", 2L + 7)
                .containsEntry("actualQueryCost", 2L + 2)
                .containsEntry(
                        "throttleStatus",
                        Map.of(
                                "maximumAvailable",
                                10_000L,
                                "currentlyAvailable",
                                10_000L - 4,
                                "restoreRate",
                                1 / 86_400_000.0));
        ExecutionResult refused =
                execute(limits(5, 10_000, limits.rate()), "{ fast items(first: 7) { nodes { name } } }", caller);
        assertThat(cost(refused))
                .containsEntry("requestedQueryCost", null)
                .containsEntry("actualQueryCost", null)
                .containsEntry(
                        "throttleStatus",
                        Map.of(
                                "maximumAvailable",
                                10_000L,
                                "currentlyAvailable",
                                10_000L - 4 - 1,
                                "restoreRate",
                                1 / 86_400_000.0));
    }

    @Test
    void aHeavyOperationBeyondTheLimitIsRefusedAsUnavailableAndRunsNothingWhileLightOnesRun() {
        LimitsProperties limits =
                limits(1000, 10_000, LimitsProperties.Rate.uniform(true, 10_000, 1, Duration.ofDays(1000)));
        GraphQL graphQl = engine(limits);
        List<ExecutionResult> whileHeld = new ArrayList<>();
        onHeavy = environment -> {
            if (whileHeld.isEmpty()) {
                whileHeld.add(execute(graphQl, HEAVY, caller));
                whileHeld.add(execute(graphQl, "{ fast }", caller));
            }
            return TWO_ITEMS;
        };

        ExecutionResult holder = execute(graphQl, HEAVY, caller);

        assertThat(holder.getErrors()).isEmpty();
        assertThat(resolved).containsExactly("heavy", "fast");
        ExecutionResult refused = whileHeld.get(0);
        assertThat(refused.isDataPresent()).isFalse();
        assertThat(refused.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorType()).isEqualTo(FaultClassification.UNAVAILABLE);
            assertThat(error.getExtensions()).containsEntry("retryAfterSeconds", 1L);
            assertThat(error.getMessage())
                    .contains("as many heavy operations as it may (1)")
                    .contains("retry in 1 seconds");
        });
        // nothing ran, so its 9 points were given back and the refusal cost 1; the holder's 9 were still taken
        assertThat(cost(refused)).containsEntry("requestedQueryCost", 9L).containsEntry("actualQueryCost", null);
        assertThat(cost(refused).get("throttleStatus"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("currentlyAvailable", 10_000L - 9 - 1);
        assertThat(whileHeld.get(1).getErrors()).isEmpty();
        assertThat(available()).isEqualTo(1);
        // the light operation never asked for a place
        assertThat(waits("admitted")).isEqualTo(1);
        assertThat(waits("refused")).isEqualTo(1);
    }

    @Test
    void thePlaceIsGivenBackWhenTheResolverFails() {
        GraphQL graphQl = engine(limits(1000, 10_000));
        onHeavy = environment -> {
            throw new IllegalStateException("failed on purpose");
        };

        assertThat(execute(graphQl, HEAVY, null).getErrors())
                .singleElement()
                .satisfies(error -> assertThat(error.getMessage()).contains("failed on purpose"));
        assertThat(available()).isEqualTo(1);
        assertThat(execute(graphQl, HEAVY, null).getErrors()).isNotEmpty();
        assertThat(waits("admitted")).isEqualTo(2);
    }

    @Test
    void thePlaceIsGivenBackWhenTheRequestTimesOut() {
        GraphQL graphQl = engine(limits(1000, 10_000));
        onHeavy = environment -> {
            clock.advance(Duration.ofSeconds(11));
            return TWO_ITEMS;
        };

        ExecutionResult result = execute(graphQl, "{ heavy(first: 2) { nodes { name } } fast }", null);

        assertThat(resolved).containsExactly("heavy");
        assertThat(result.getErrors())
                .extracting(GraphQLError::getErrorType)
                .containsExactly(LimitClassification.TIMEOUT);
        assertThat(available()).isEqualTo(1);
    }

    @Test
    void thePlaceIsGivenBackWhenTheExecutionIsCancelled() {
        Instrumentation cancelAtFast = new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<Object> beginFieldExecution(
                    InstrumentationFieldParameters parameters, InstrumentationState state) {
                if (parameters.getField().getName().equals("fast")) {
                    parameters.getExecutionContext().getExecutionInput().cancel();
                }
                return null;
            }
        };
        GraphQL graphQl = engine(limits(1000, 10_000), cancelAtFast);

        ExecutionResult result = execute(graphQl, "{ heavy(first: 2) { nodes { name } } fast }", null);

        assertThat(resolved).containsExactly("heavy");
        assertThat(result.getErrors()).isNotEmpty();
        assertThat(available()).isEqualTo(1);
    }

    @Test
    void thePlaceIsGivenBackWhenTheExecutionFailsWithAnException() {
        Instrumentation failing = new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                throw new IllegalStateException("failed on purpose");
            }
        };
        GraphQL graphQl = engine(limits(1000, 10_000), failing);

        assertThatThrownBy(() -> execute(graphQl, HEAVY, null)).hasMessageContaining("failed on purpose");
        assertThat(resolved).isEmpty();
        assertThat(waits("admitted")).isEqualTo(1);
        assertThat(available()).isEqualTo(1);
    }

    private double available() {
        return meters.get("diligence.limits.heavy.available").gauge().value();
    }

    private long waits(String outcome) {
        return meters.get("diligence.limits.heavy.wait")
                .tag("outcome", outcome)
                .timer()
                .count();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cost(ExecutionResult result) {
        return (Map<String, Object>) result.getExtensions().get("cost");
    }

    private ExecutionResult execute(LimitsProperties limits, String document, CallerAllowance caller) {
        return execute(engine(limits, new SimpleMeterRegistry()), document, caller);
    }

    /** An engine with the limits (and a bulkhead of their own, measured into {@link #meters}) followed by {@code after}. */
    private GraphQL engine(LimitsProperties limits, Instrumentation... after) {
        return engine(limits, meters, after);
    }

    private GraphQL engine(LimitsProperties limits, MeterRegistry registry, Instrumentation... after) {
        List<Instrumentation> chain = new ArrayList<>();
        chain.add(new LimitsInstrumentation(limits, new HeavyOperationBulkhead(limits, registry), clock));
        chain.addAll(List.of(after));
        return GraphQL.newGraphQL(schema())
                .instrumentation(new ChainedInstrumentation(chain))
                .build();
    }

    private static ExecutionResult execute(GraphQL graphQl, String document, CallerAllowance caller) {
        ExecutionInput.Builder input = ExecutionInput.newExecutionInput(document);
        if (caller != null) {
            input.graphQLContext(Map.of(CallerAllowance.class, caller));
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
        DataFetcher<Map<String, Object>> items = environment -> TWO_ITEMS;
        DataFetcher<Object> heavy = environment -> {
            resolved.add("heavy");
            return onHeavy.get(environment);
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type(
                        "Query",
                        type -> type.dataFetcher("slow", slow)
                                .dataFetcher("fast", fast)
                                .dataFetcher("items", items)
                                .dataFetcher("heavy", heavy))
                .type("Mutation", type -> type.dataFetcher("write", write))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    private static LimitsProperties limits(int maxTokens, long timeoutMillis) {
        return limits(
                maxTokens, timeoutMillis, LimitsProperties.Rate.uniform(true, 10_000, 500, Duration.ofSeconds(1)));
    }

    private static LimitsProperties limits(int maxTokens, long timeoutMillis, LimitsProperties.Rate rate) {
        return new LimitsProperties(
                10,
                5000,
                15,
                4,
                maxTokens,
                10,
                10,
                DataSize.ofMegabytes(2),
                Duration.ofMillis(timeoutMillis),
                Duration.ofSeconds(5),
                Map.of(),
                rate,
                new LimitsProperties.Heavy(1, Duration.ZERO, Set.of("heavy"), 5000));
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

    /** An allowance whose bucket is in this process's memory, as a single replica's are. */
    private static CallerAllowance inMemory(LimitsProperties.Budget budget) {
        return new CallerAllowance(
                budget, CallerBuckets.inMemory().bucketOf(new RateLimitKey("acme", "tester"), budget));
    }
}
