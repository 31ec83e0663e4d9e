package dev.diligence.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The application's instrumentations as one: each hook reaches the instrumentations that implement
 * it, with the state each created, in order, and a per-field hook that none implements answers
 * nothing; executions answer as under graphql-java's own chain.
 */
class InstrumentationChainTest {

    private static final String SDL = """
            type Query { items: [Item] }
            type Item { name: String tags: [String] }
            """;

    /** 1 root field, 3 items of 2 fields each. */
    private static final String QUERY = "{ items { name tags } }";

    private static final int FIELDS = 1 + 3 * 2;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final FieldCounter fields = new FieldCounter();
    private final Logging logging = new Logging("logging");
    private final Extending first = new Extending("first");
    private final Extending second = new Extending("second");

    @Test
    void aPerFieldHookReachesOnlyTheInstrumentationsThatImplementIt() {
        InstrumentationChain chain = new InstrumentationChain(List.of(
                new SimplePerformantInstrumentation(),
                logging,
                fields,
                new SimpleInstrumentation(),
                new Instrumentation() {}));

        assertThat(chain.perFieldHooks())
                .containsEntry("beginFieldExecution", List.of(fields))
                .containsEntry("beginFieldFetching", List.of())
                .containsEntry("instrumentDataFetcher", List.of())
                .containsEntry("beginFieldCompletion", List.of())
                .containsEntry("beginFieldListCompletion", List.of())
                .containsEntry("beginExecuteObject", List.of());
        // hooks nobody implements are answered without looking at their parameters
        assertThat(chain.beginFieldCompletion(null, null)).isNull();
        assertThat(chain.beginFieldListCompletion(null, null)).isNull();
        assertThat(chain.beginFieldFetching(null, null)).isNull();
        assertThat(chain.beginExecuteObject(null, null)).isNull();
        DataFetcher<?> fetcher = environment -> "x";
        assertThat(chain.instrumentDataFetcher(fetcher, null, null)).isSameAs(fetcher);
    }

    @Test
    void theDeprecatedFieldFetchHookStillCounts() {
        @SuppressWarnings("deprecation")
        Instrumentation oldStyle = new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<Object> beginFieldFetch(
                    InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
                return SimpleInstrumentationContext.noOp();
            }
        };

        assertThat(new InstrumentationChain(List.of(logging, oldStyle)).perFieldHooks())
                .containsEntry("beginFieldFetching", List.of(oldStyle));
    }

    @Test
    void eachInstrumentationGetsItsOwnStateAndItsContextsInOrder() {
        GraphQL graphQl = engine(new InstrumentationChain(
                List.of(logging, fields, first, second, new SimplePerformantInstrumentation())));

        ExecutionResult result =
                graphQl.execute(ExecutionInput.newExecutionInput(QUERY).build());

        assertThat(result.getErrors()).isEmpty();
        assertThat(fields.calls).hasValue(FIELDS);
        assertThat(fields.foreignStates).hasValue(0);
        assertThat(events)
                .containsExactly(
                        "logging: execution dispatched",
                        "logging: operation dispatched",
                        "logging: operation completed",
                        "logging: execution completed");
        // each instrumentation of the result sees the one before it
        assertThat(result.getExtensions()).containsEntry("first", List.of()).containsEntry("second", List.of("first"));
    }

    @Test
    void anExecutionAnswersAsUnderGraphQlJavasOwnChain() {
        List<Instrumentation> instrumentations = List.of(logging, fields, first, second);

        ExecutionResult ours =
                engine(new InstrumentationChain(instrumentations)).execute(QUERY);
        List<String> ourEvents = List.copyOf(events);
        events.clear();
        ExecutionResult theirs =
                engine(new ChainedInstrumentation(instrumentations)).execute(QUERY);

        assertThat(ours.toSpecification()).isEqualTo(theirs.toSpecification());
        assertThat(ourEvents).isEqualTo(events);
        assertThat(fields.calls).hasValue(2 * FIELDS);
    }

    @Test
    void aStateMadeLaterIsWaitedFor() {
        Instrumentation late = new SimplePerformantInstrumentation() {
            @Override
            public CompletableFuture<InstrumentationState> createStateAsync(
                    InstrumentationCreateStateParameters parameters) {
                return CompletableFuture.supplyAsync(() -> new Tagged("late"));
            }

            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                events.add("late state: " + ((Tagged) state).tag());
                return null;
            }
        };

        ExecutionResult result =
                engine(new InstrumentationChain(List.of(late, fields))).execute(QUERY);

        assertThat(result.getErrors()).isEmpty();
        assertThat(events).containsExactly("late state: late");
        assertThat(fields.foreignStates).hasValue(0);
    }

    private static GraphQL engine(Instrumentation instrumentation) {
        List<Map<String, Object>> items = IntStream.range(0, 3)
                .mapToObj(i -> Map.<String, Object>of("name", "item " + i, "tags", List.of("a", "b")))
                .toList();
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("items", environment -> items))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        return GraphQL.newGraphQL(schema).instrumentation(instrumentation).build();
    }

    private record Tagged(String tag) implements InstrumentationState {}

    /** Counts fields with a state of its own, and the fields it was handed another's state for. */
    private static final class FieldCounter extends SimplePerformantInstrumentation {

        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger foreignStates = new AtomicInteger();

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            return new Tagged("fields");
        }

        @Override
        public InstrumentationContext<Object> beginFieldExecution(
                InstrumentationFieldParameters parameters, InstrumentationState state) {
            calls.incrementAndGet();
            if (!(state instanceof Tagged tagged) || !tagged.tag().equals("fields")) {
                foreignStates.incrementAndGet();
            }
            return null;
        }
    }

    /** Records when its contexts of the execution and the operation are dispatched and completed. */
    private final class Logging extends SimplePerformantInstrumentation {

        private final String name;

        Logging(String name) {
            this.name = name;
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecution(
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            return recording("execution");
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            return recording("operation");
        }

        private InstrumentationContext<ExecutionResult> recording(String what) {
            return new InstrumentationContext<>() {
                @Override
                public void onDispatched() {
                    events.add(name + ": " + what + " dispatched");
                }

                @Override
                public void onCompleted(ExecutionResult result, Throwable t) {
                    events.add(name + ": " + what + " completed");
                }
            };
        }
    }

    /** Adds an extension naming the extensions it found. */
    private static final class Extending extends SimplePerformantInstrumentation {

        private final String name;

        Extending(String name) {
            this.name = name;
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(
                ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
            List<Object> found = new ArrayList<>(
                    result.getExtensions() == null
                            ? List.of()
                            : result.getExtensions().keySet());
            return CompletableFuture.completedFuture(result.transform(builder -> builder.addExtension(name, found)));
        }
    }
}
