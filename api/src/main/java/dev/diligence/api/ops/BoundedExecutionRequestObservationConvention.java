package dev.diligence.api.ops;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.language.OperationDefinition;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * The {@code graphql.request} observation with the operation name as a tag, bounded by
 * {@link OperationNames}. Spring for GraphQL tags {@code graphql.request} with
 * {@code graphql.outcome} and {@code graphql.operation.type} (low cardinality, in metrics) and
 * with the client's raw {@code graphql.operation.name} and {@code graphql.execution.id} (high
 * cardinality, on spans only). This convention adds the bounded name to the low-cardinality tags
 * and puts the same bounded name on spans, so no client-chosen text reaches metrics or traces.
 */
@Component
class BoundedExecutionRequestObservationConvention extends DefaultExecutionRequestObservationConvention {

    static final String OPERATION_NAME = "graphql.operation.name";

    /** Marks an observation whose success was counted, so that computing its tags twice counts it once. */
    private static final String SUCCESS_COUNTED = OperationNames.class.getName() + ".successCounted";

    private final OperationNames names;

    BoundedExecutionRequestObservationConvention(OperationNames names) {
        this.names = names;
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(operationName(context));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return KeyValues.of(executionId(context));
    }

    /** The bounded name; an execution that completed without errors counts once towards its name's admission. */
    @Override
    protected KeyValue operationName(ExecutionRequestObservationContext context) {
        String name = nameOf(context);
        ExecutionResult result = context.getExecutionResult();
        if (result != null && result.getErrors().isEmpty() && context.get(SUCCESS_COUNTED) == null) {
            context.put(SUCCESS_COUNTED, Boolean.TRUE);
            names.succeeded(name);
        }
        return KeyValue.of(OPERATION_NAME, names.forMetric(name));
    }

    /** The executed operation's name from the document, else the request's {@code operationName}. */
    static @Nullable String nameOf(ExecutionRequestObservationContext context) {
        ExecutionContext execution = context.getExecutionContext();
        if (execution != null) {
            OperationDefinition operation = execution.getOperationDefinition();
            if (operation != null && operation.getName() != null) {
                return operation.getName();
            }
        }
        ExecutionInput input = context.getExecutionInput();
        return input != null ? input.getOperationName() : null;
    }
}
