package dev.diligence.api.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.FieldValueInfo;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.execution.instrumentation.parameters.InstrumentationReactiveResultsParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * The application's instrumentations as the one graphql-java calls: each hook goes to the
 * instrumentations that implement it, in their order, and to no other. graphql-java's own
 * {@code ChainedInstrumentation} calls every instrumentation on every hook and, with more than one,
 * allocates a list and a chained context each time, for every field (its {@code beginFieldExecution},
 * {@code beginFieldFetching}, {@code beginFieldCompletion}, {@code beginExecuteObject} and
 * {@code instrumentDataFetcher}), even when each of them answers null. Here a per-field hook that no
 * instrumentation implements costs a null, and one that a single instrumentation implements costs
 * that call: for this application the timeout check of {@code LimitsInstrumentation} and Spring's
 * data fetcher observation, nothing else per field.
 * <p>
 * An instrumentation implements a hook when its class declares it, i.e. when it is not the
 * do-nothing default of {@link Instrumentation}, {@link SimpleInstrumentation} or
 * {@link SimplePerformantInstrumentation} (which answer no context, a no-op context, or their input
 * unchanged, so leaving them out changes nothing). Each instrumentation's state is created as
 * graphql-java would, and handed back to it alone.
 */
final class InstrumentationChain implements Instrumentation {

    private static final Set<Class<?>> DEFAULTS =
            Set.of(Instrumentation.class, SimpleInstrumentation.class, SimplePerformantInstrumentation.class);

    private final List<Instrumentation> instrumentations;
    private final Instrumentation[] all;
    private final int[] beginExecution;
    private final int[] beginParse;
    private final int[] beginValidation;
    private final int[] beginExecuteOperation;
    private final int[] beginReactiveResults;
    private final int[] beginExecutionStrategy;
    private final int[] beginExecuteObject;
    private final int[] beginDeferredField;
    private final int[] beginSubscribedFieldEvent;
    private final int[] beginFieldExecution;
    private final int[] beginFieldFetch;
    private final int[] beginFieldFetching;
    private final int[] beginFieldCompletion;
    private final int[] beginFieldListCompletion;
    private final int[] instrumentExecutionInput;
    private final int[] instrumentDocumentAndVariables;
    private final int[] instrumentSchema;
    private final int[] instrumentExecutionContext;
    private final int[] instrumentDataFetcher;
    private final int[] instrumentExecutionResult;

    InstrumentationChain(List<Instrumentation> instrumentations) {
        this.instrumentations = List.copyOf(instrumentations);
        this.all = this.instrumentations.toArray(Instrumentation[]::new);
        Class<?> state = InstrumentationState.class;
        beginExecution = implementing("beginExecution", InstrumentationExecutionParameters.class, state);
        beginParse = implementing("beginParse", InstrumentationExecutionParameters.class, state);
        beginValidation = implementing("beginValidation", InstrumentationValidationParameters.class, state);
        beginExecuteOperation =
                implementing("beginExecuteOperation", InstrumentationExecuteOperationParameters.class, state);
        beginReactiveResults =
                implementing("beginReactiveResults", InstrumentationReactiveResultsParameters.class, state);
        beginExecutionStrategy =
                implementing("beginExecutionStrategy", InstrumentationExecutionStrategyParameters.class, state);
        beginExecuteObject =
                implementing("beginExecuteObject", InstrumentationExecutionStrategyParameters.class, state);
        beginDeferredField = implementing("beginDeferredField", InstrumentationFieldParameters.class, state);
        beginSubscribedFieldEvent =
                implementing("beginSubscribedFieldEvent", InstrumentationFieldParameters.class, state);
        beginFieldExecution = implementing("beginFieldExecution", InstrumentationFieldParameters.class, state);
        beginFieldFetch = implementing("beginFieldFetch", InstrumentationFieldFetchParameters.class, state);
        // graphql-java's default beginFieldFetching adapts the deprecated beginFieldFetch: either one counts
        beginFieldFetching = union(
                implementing("beginFieldFetching", InstrumentationFieldFetchParameters.class, state), beginFieldFetch);
        beginFieldCompletion =
                implementing("beginFieldCompletion", InstrumentationFieldCompleteParameters.class, state);
        beginFieldListCompletion =
                implementing("beginFieldListCompletion", InstrumentationFieldCompleteParameters.class, state);
        instrumentExecutionInput = implementing(
                "instrumentExecutionInput", ExecutionInput.class, InstrumentationExecutionParameters.class, state);
        instrumentDocumentAndVariables = implementing(
                "instrumentDocumentAndVariables",
                DocumentAndVariables.class,
                InstrumentationExecutionParameters.class,
                state);
        instrumentSchema =
                implementing("instrumentSchema", GraphQLSchema.class, InstrumentationExecutionParameters.class, state);
        instrumentExecutionContext = implementing(
                "instrumentExecutionContext", ExecutionContext.class, InstrumentationExecutionParameters.class, state);
        instrumentDataFetcher = implementing(
                "instrumentDataFetcher", DataFetcher.class, InstrumentationFieldFetchParameters.class, state);
        instrumentExecutionResult = implementing(
                "instrumentExecutionResult", ExecutionResult.class, InstrumentationExecutionParameters.class, state);
    }

    /** The instrumentations, in the order they are called. */
    List<Instrumentation> instrumentations() {
        return instrumentations;
    }

    /** The instrumentations that implement each hook that graphql-java calls for every field, by hook. */
    Map<String, List<Instrumentation>> perFieldHooks() {
        return Map.of(
                "beginFieldExecution",
                members(beginFieldExecution),
                "beginFieldFetching",
                members(beginFieldFetching),
                "instrumentDataFetcher",
                members(instrumentDataFetcher),
                "beginFieldCompletion",
                members(beginFieldCompletion),
                "beginFieldListCompletion",
                members(beginFieldListCompletion),
                "beginExecuteObject",
                members(beginExecuteObject));
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        List<CompletableFuture<InstrumentationState>> pending = new ArrayList<>(all.length);
        boolean done = true;
        for (Instrumentation instrumentation : all) {
            CompletableFuture<InstrumentationState> state = instrumentation.createStateAsync(parameters);
            pending.add(state);
            done &= state == null || state.isDone();
        }
        if (done) {
            return CompletableFuture.completedFuture(new States(pending));
        }
        CompletableFuture<?>[] waiting =
                pending.stream().filter(state -> state != null).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(waiting).thenApply(unused -> new States(pending));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return contexts(
                beginExecution, state, (instrumentation, own) -> instrumentation.beginExecution(parameters, own));
    }

    @Override
    public InstrumentationContext<Document> beginParse(
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return contexts(beginParse, state, (instrumentation, own) -> instrumentation.beginParse(parameters, own));
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, InstrumentationState state) {
        return contexts(
                beginValidation, state, (instrumentation, own) -> instrumentation.beginValidation(parameters, own));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        return contexts(
                beginExecuteOperation,
                state,
                (instrumentation, own) -> instrumentation.beginExecuteOperation(parameters, own));
    }

    @Override
    public InstrumentationContext<Void> beginReactiveResults(
            InstrumentationReactiveResultsParameters parameters, InstrumentationState state) {
        return contexts(
                beginReactiveResults,
                state,
                (instrumentation, own) -> instrumentation.beginReactiveResults(parameters, own));
    }

    @Override
    public ExecutionStrategyInstrumentationContext beginExecutionStrategy(
            InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
        if (beginExecutionStrategy.length == 0) {
            return null;
        }
        List<ExecutionStrategyInstrumentationContext> contexts = collect(
                beginExecutionStrategy,
                state,
                (instrumentation, own) -> instrumentation.beginExecutionStrategy(parameters, own));
        return contexts.size() <= 1 ? single(contexts) : new StrategyContexts(contexts);
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(
            InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
        int[] which = beginExecuteObject;
        if (which.length == 0) {
            return null;
        }
        if (which.length == 1) {
            return all[which[0]].beginExecuteObject(parameters, stateOf(state, which[0]));
        }
        List<ExecuteObjectInstrumentationContext> contexts =
                collect(which, state, (instrumentation, own) -> instrumentation.beginExecuteObject(parameters, own));
        return contexts.size() <= 1 ? single(contexts) : new ObjectContexts(contexts);
    }

    @Override
    public InstrumentationContext<Object> beginDeferredField(
            InstrumentationFieldParameters parameters, InstrumentationState state) {
        return contexts(
                beginDeferredField,
                state,
                (instrumentation, own) -> instrumentation.beginDeferredField(parameters, own));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(
            InstrumentationFieldParameters parameters, InstrumentationState state) {
        return contexts(
                beginSubscribedFieldEvent,
                state,
                (instrumentation, own) -> instrumentation.beginSubscribedFieldEvent(parameters, own));
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(
            InstrumentationFieldParameters parameters, InstrumentationState state) {
        int[] which = beginFieldExecution;
        if (which.length == 0) {
            return null;
        }
        if (which.length == 1) {
            return all[which[0]].beginFieldExecution(parameters, stateOf(state, which[0]));
        }
        return contexts(which, state, (instrumentation, own) -> instrumentation.beginFieldExecution(parameters, own));
    }

    @SuppressWarnings("deprecation")
    @Override
    public InstrumentationContext<Object> beginFieldFetch(
            InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        return contexts(
                beginFieldFetch, state, (instrumentation, own) -> instrumentation.beginFieldFetch(parameters, own));
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(
            InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        int[] which = beginFieldFetching;
        if (which.length == 0) {
            return null;
        }
        if (which.length == 1) {
            return all[which[0]].beginFieldFetching(parameters, stateOf(state, which[0]));
        }
        List<FieldFetchingInstrumentationContext> contexts =
                collect(which, state, (instrumentation, own) -> instrumentation.beginFieldFetching(parameters, own));
        return contexts.size() <= 1 ? single(contexts) : new FetchingContexts(contexts);
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(
            InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
        int[] which = beginFieldCompletion;
        if (which.length == 0) {
            return null;
        }
        if (which.length == 1) {
            return all[which[0]].beginFieldCompletion(parameters, stateOf(state, which[0]));
        }
        return contexts(which, state, (instrumentation, own) -> instrumentation.beginFieldCompletion(parameters, own));
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(
            InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
        int[] which = beginFieldListCompletion;
        if (which.length == 0) {
            return null;
        }
        if (which.length == 1) {
            return all[which[0]].beginFieldListCompletion(parameters, stateOf(state, which[0]));
        }
        return contexts(
                which, state, (instrumentation, own) -> instrumentation.beginFieldListCompletion(parameters, own));
    }

    @Override
    public ExecutionInput instrumentExecutionInput(
            ExecutionInput executionInput, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        ExecutionInput result = executionInput;
        for (int i : instrumentExecutionInput) {
            result = all[i].instrumentExecutionInput(result, parameters, stateOf(state, i));
        }
        return result;
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(
            DocumentAndVariables documentAndVariables,
            InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        DocumentAndVariables result = documentAndVariables;
        for (int i : instrumentDocumentAndVariables) {
            result = all[i].instrumentDocumentAndVariables(result, parameters, stateOf(state, i));
        }
        return result;
    }

    @Override
    public GraphQLSchema instrumentSchema(
            GraphQLSchema schema, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        GraphQLSchema result = schema;
        for (int i : instrumentSchema) {
            result = all[i].instrumentSchema(result, parameters, stateOf(state, i));
        }
        return result;
    }

    @Override
    public ExecutionContext instrumentExecutionContext(
            ExecutionContext executionContext,
            InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        ExecutionContext result = executionContext;
        for (int i : instrumentExecutionContext) {
            result = all[i].instrumentExecutionContext(result, parameters, stateOf(state, i));
        }
        return result;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        DataFetcher<?> result = dataFetcher;
        for (int i : instrumentDataFetcher) {
            result = all[i].instrumentDataFetcher(result, parameters, stateOf(state, i));
        }
        return result;
    }

    /** Each instrumentation gets the result of the one before, in order, as graphql-java's chain does. */
    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult executionResult,
            InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        CompletableFuture<ExecutionResult> result = CompletableFuture.completedFuture(executionResult);
        for (int i : instrumentExecutionResult) {
            InstrumentationState own = stateOf(state, i);
            result = result.thenCompose(previous -> all[i].instrumentExecutionResult(previous, parameters, own));
        }
        return result;
    }

    private int[] implementing(String hook, Class<?>... parameterTypes) {
        return IntStream.range(0, all.length)
                .filter(i -> implementsHook(all[i], hook, parameterTypes))
                .toArray();
    }

    private static boolean implementsHook(Instrumentation instrumentation, String hook, Class<?>... parameterTypes) {
        try {
            Method method = instrumentation.getClass().getMethod(hook, parameterTypes);
            return !DEFAULTS.contains(method.getDeclaringClass());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("graphql-java's Instrumentation has no hook " + hook, e);
        }
    }

    private static int[] union(int[] a, int[] b) {
        return IntStream.concat(Arrays.stream(a), Arrays.stream(b))
                .distinct()
                .sorted()
                .toArray();
    }

    private List<Instrumentation> members(int[] indices) {
        return Arrays.stream(indices).mapToObj(i -> all[i]).toList();
    }

    private static InstrumentationState stateOf(InstrumentationState state, int index) {
        return state instanceof States states ? states.of(index) : null;
    }

    private <C> List<C> collect(
            int[] which, InstrumentationState state, BiFunction<Instrumentation, InstrumentationState, C> hook) {
        List<C> contexts = new ArrayList<>(which.length);
        for (int i : which) {
            C context = hook.apply(all[i], stateOf(state, i));
            if (context != null) {
                contexts.add(context);
            }
        }
        return contexts;
    }

    private <T> InstrumentationContext<T> contexts(
            int[] which,
            InstrumentationState state,
            BiFunction<Instrumentation, InstrumentationState, InstrumentationContext<T>> hook) {
        if (which.length == 0) {
            return null;
        }
        if (which.length == 1) {
            return hook.apply(all[which[0]], stateOf(state, which[0]));
        }
        List<InstrumentationContext<T>> contexts = collect(which, state, hook);
        return contexts.size() <= 1 ? single(contexts) : new Contexts<>(contexts);
    }

    private static <C> C single(List<C> contexts) {
        return contexts.isEmpty() ? null : contexts.get(0);
    }

    /** The states of the instrumentations of one execution, by position. */
    private static final class States implements InstrumentationState {

        private final InstrumentationState[] states;

        States(List<CompletableFuture<InstrumentationState>> states) {
            this.states = states.stream()
                    .map(state -> state == null ? null : state.join())
                    .toArray(InstrumentationState[]::new);
        }

        InstrumentationState of(int index) {
            return states[index];
        }
    }

    private static class Contexts<T> implements InstrumentationContext<T> {

        final List<? extends InstrumentationContext<T>> contexts;

        Contexts(List<? extends InstrumentationContext<T>> contexts) {
            this.contexts = List.copyOf(contexts);
        }

        @Override
        public void onDispatched() {
            contexts.forEach(InstrumentationContext::onDispatched);
        }

        @Override
        public void onCompleted(T result, Throwable t) {
            contexts.forEach(context -> context.onCompleted(result, t));
        }
    }

    private static final class StrategyContexts extends Contexts<ExecutionResult>
            implements ExecutionStrategyInstrumentationContext {

        private final List<ExecutionStrategyInstrumentationContext> strategies;

        StrategyContexts(List<ExecutionStrategyInstrumentationContext> contexts) {
            super(contexts);
            this.strategies = List.copyOf(contexts);
        }

        @Override
        public void onFieldValuesInfo(List<FieldValueInfo> fieldValueInfoList) {
            strategies.forEach(context -> context.onFieldValuesInfo(fieldValueInfoList));
        }

        @Override
        public void onFieldValuesException() {
            strategies.forEach(ExecutionStrategyInstrumentationContext::onFieldValuesException);
        }
    }

    private static final class ObjectContexts extends Contexts<Map<String, Object>>
            implements ExecuteObjectInstrumentationContext {

        private final List<ExecuteObjectInstrumentationContext> objects;

        ObjectContexts(List<ExecuteObjectInstrumentationContext> contexts) {
            super(contexts);
            this.objects = List.copyOf(contexts);
        }

        @Override
        public void onFieldValuesInfo(List<FieldValueInfo> fieldValueInfoList) {
            objects.forEach(context -> context.onFieldValuesInfo(fieldValueInfoList));
        }

        @Override
        public void onFieldValuesException() {
            objects.forEach(ExecuteObjectInstrumentationContext::onFieldValuesException);
        }
    }

    private static final class FetchingContexts extends Contexts<Object>
            implements FieldFetchingInstrumentationContext {

        private final List<FieldFetchingInstrumentationContext> fetchings;

        FetchingContexts(List<FieldFetchingInstrumentationContext> contexts) {
            super(contexts);
            this.fetchings = List.copyOf(contexts);
        }

        @Override
        public void onFetchedValue(Object fetchedValue) {
            fetchings.forEach(context -> context.onFetchedValue(fetchedValue));
        }
    }
}
