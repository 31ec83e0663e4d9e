package dev.diligence.api.limits;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.parser.ParserOptions;
import graphql.validation.ValidationError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Enforces the query limits inside graphql-java, each as early as it can be known and always before
 * any resolver runs: tokens before parsing, depth, aliases, root fields, field repeats and directives before
 * validation, cost and the rate limit before execution. A refused request is answered with one
 * error classified by {@link LimitClassification}. The checks before parsing and validation run
 * where graphql-java parses and validates a document: once per distinct text, as {@link DocumentCache}
 * keeps only documents that passed them (and validated), and a refused one every time it is sent.
 * The cost is read from the operation's {@link CostPlan}, kept with the document for the values of
 * the variables it depends on. During execution the timeout is checked before
 * each field; when it has passed, the execution is cancelled and answers TIMEOUT. Every response
 * carries {@code extensions.cost}. A {@link SimplePerformantInstrumentation}: the per-field hooks
 * it does not need return no context, and the timeout check returns none either, so it adds no
 * context per field (a portfolio page completes ~10,000 fields; {@code InstrumentationChain} calls
 * each instrumentation's per-field hooks only where it has them).
 * <p>
 * After the rate limit, a {@link HeavyOperations heavy} operation waits for its place in the
 * {@link HeavyOperationBulkhead}, or is refused as UNAVAILABLE with nothing run; it keeps the place
 * until its execution completes, however it completes (data, errors, timeout, an exception).
 */
@Component
public class LimitsInstrumentation extends SimplePerformantInstrumentation {

    private final LimitsProperties limits;
    private final QueryCostCalculator costs;
    private final HeavyOperations heavyOperations;
    private final HeavyOperationBulkhead bulkhead;
    private final Clock clock;
    private final ParserOptions parserOptions;

    LimitsInstrumentation(LimitsProperties limits, HeavyOperationBulkhead bulkhead, Clock clock) {
        this.limits = limits;
        this.costs = new QueryCostCalculator(limits.listSizes());
        this.heavyOperations = new HeavyOperations(limits.heavy());
        this.bulkhead = bulkhead;
        this.clock = clock;
        // graphql-java counts the end of the document as a token; TokenCounter does not
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(limits.maxTokens() + 1));
    }

    /** The caller's allowance is in the context only when the rate limit is on ({@link CallerGateFilter} admitted the request). */
    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        Object allowance = parameters.getExecutionInput().getGraphQLContext().get(CallerAllowance.class);
        return new RequestLimits(clock.millis(), allowance instanceof CallerAllowance caller ? caller : null);
    }

    /** Completes when the execution does, with a result or an exception: there the bulkhead's place is given back. */
    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        RequestLimits request = (RequestLimits) state;
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> request.leaveBulkhead(bulkhead));
    }

    @Override
    public InstrumentationContext<Document> beginParse(
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        int tokens = TokenCounter.count(parameters.getQuery());
        if (tokens > limits.maxTokens()) {
            throw LimitErrors.abort(LimitErrors.exceeded(
                    LimitClassification.MAX_TOKENS_EXCEEDED,
                    "The number of tokens in the query",
                    tokens,
                    limits.maxTokens()));
        }
        parameters.getGraphQLContext().put(ParserOptions.class, parserOptions);
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, InstrumentationState state) {
        DocumentShape shape = DocumentShape.of(parameters.getDocument());
        refuseAbove(LimitClassification.MAX_DEPTH_EXCEEDED, "The depth of the query", shape.depth(), limits.maxDepth());
        refuseAbove(
                LimitClassification.MAX_ALIASES_EXCEEDED,
                "The number of aliases in the query",
                shape.aliases(),
                limits.maxAliases());
        refuseAbove(
                LimitClassification.MAX_ROOT_FIELDS_EXCEEDED,
                "The number of root fields of the operation",
                shape.rootFields(),
                limits.maxRootFields());
        refuseAbove(
                LimitClassification.MAX_FIELD_REPEATS_EXCEEDED,
                "The most selections of one field in one selection set",
                shape.fieldRepeats(),
                limits.maxFieldRepeats());
        refuseAbove(
                LimitClassification.MAX_DIRECTIVES_EXCEEDED,
                "The largest number of directives on one field of the query",
                shape.maxDirectives(),
                limits.maxDirectivesPerField());
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        RequestLimits request = (RequestLimits) state;
        CostPlan plan = planOf(parameters.getExecutionContext());
        long cost = plan.requested();
        request.costed(plan, cost);
        refuseAbove(LimitClassification.MAX_COST_EXCEEDED, "The cost of the query in points", cost, limits.maxCost());
        if (request.caller != null) {
            long points = Math.max(1, cost);
            CallerAllowance.Consumption consumption = request.caller.tryConsume(points);
            if (!consumption.consumed()) {
                request.throttled = true;
                throw LimitErrors.abort(
                        LimitErrors.throttled(points, consumption.remaining(), consumption.retryAfterSeconds()));
            }
            request.charged = points;
        }
        if (heavyOperations.includes(plan.rootFieldNames(), cost)) {
            if (!bulkhead.tryEnter()) {
                // nothing ran: the charge is given back, and the refusal costs 1 point like any other
                if (request.charged > 0) {
                    request.caller.refund(request.charged);
                    request.charged = 0;
                }
                throw LimitErrors.abort(bulkhead.refusal());
            }
            request.inBulkhead = true;
        }
        request.executed = true;
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(
            InstrumentationFieldParameters parameters, InstrumentationState state) {
        RequestLimits request = (RequestLimits) state;
        long elapsed = clock.millis() - request.startMillis;
        if (elapsed > limits.timeout().toMillis() && request.timedOutAfterMillis < 0) {
            request.timedOutAfterMillis = elapsed;
            parameters.getExecutionContext().getExecutionInput().cancel();
        }
        return null;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        RequestLimits request = (RequestLimits) state;
        ExecutionResult answered =
                request.timedOutAfterMillis >= 0 ? timedOut(result, request.timedOutAfterMillis) : result;
        Long actual = request.executed ? request.plan.actual(result.getData()) : null;
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requestedQueryCost", request.requested >= 0 ? request.requested : null);
        cost.put("actualQueryCost", actual);
        if (request.caller != null) {
            if (request.charged > 0) {
                request.caller.refund(request.charged - Math.max(1, actual));
            } else if (!request.throttled) {
                // refused before it could be costed or run: a refusal is not free either
                request.caller.consumeAtMost(1);
            }
            cost.put("throttleStatus", request.caller.status().toMap());
        }
        return CompletableFuture.completedFuture(answered.transform(builder -> builder.addExtension("cost", cost)));
    }

    /**
     * The cost plan of the operation, with the request's variables: the one kept with the document
     * ({@link DocumentCache}) for the same values of the variables the cost reads, else worked out
     * from graphql-java's normalized operation (made once per execution, and kept with the document
     * for the next request when it may be).
     */
    private CostPlan planOf(ExecutionContext execution) {
        Supplier<CostPlan> compute =
                () -> costs.plan(execution.getNormalizedQueryTree().get(), execution.getGraphQLSchema());
        Object cached = execution.getGraphQLContext().get(CachedDocument.class);
        if (cached instanceof CachedDocument document && document.entry().getDocument() == execution.getDocument()) {
            return document.plan(execution, compute);
        }
        return compute.get();
    }

    /** The cancellation's error becomes TIMEOUT; whatever data was complete stays. */
    private ExecutionResult timedOut(ExecutionResult result, long elapsedMillis) {
        List<GraphQLError> errors = new ArrayList<>();
        result.getErrors().stream()
                .filter(error -> !(error instanceof AbortExecutionException)
                        && error.getErrorType() != ErrorType.ExecutionAborted)
                .forEach(errors::add);
        errors.add(0, LimitErrors.timedOut(elapsedMillis, limits.timeout().toMillis()));
        return result.transform(builder -> builder.errors(errors));
    }

    private static void refuseAbove(LimitClassification classification, String what, long actual, long limit) {
        if (actual > limit) {
            throw LimitErrors.abort(LimitErrors.exceeded(classification, what, actual, limit));
        }
    }

    /** What the limits know of one request. Written before execution, read after it. */
    private static final class RequestLimits implements InstrumentationState {

        final long startMillis;
        final CallerAllowance caller;
        volatile CostPlan plan;
        volatile long requested = -1;
        volatile long charged;
        volatile boolean throttled;
        volatile boolean executed;
        volatile boolean inBulkhead;
        volatile long timedOutAfterMillis = -1;

        RequestLimits(long startMillis, CallerAllowance caller) {
            this.startMillis = startMillis;
            this.caller = caller;
        }

        void costed(CostPlan plan, long requested) {
            this.plan = plan;
            this.requested = requested;
        }

        void leaveBulkhead(HeavyOperationBulkhead bulkhead) {
            if (inBulkhead) {
                inBulkhead = false;
                bulkhead.leave();
            }
        }
    }
}
