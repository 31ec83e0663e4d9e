package dev.diligence.api.ops;

import dev.diligence.api.request.LogContext;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Adds the executed GraphQL operation's name ({@link OperationNames#forLog bounded}) to the MDC
 * once the operation is known, and logs one line per executed GraphQL request with its operation
 * type and number of errors. {@link CallerLogContextFilter} removes the key after the request.
 * A {@link SimplePerformantInstrumentation}: its per-field hooks return no context, so the chain of
 * instrumentations does nothing for it on each field.
 */
@Component
class OperationLogInstrumentation extends SimplePerformantInstrumentation {

    private static final Logger log = LoggerFactory.getLogger(OperationLogInstrumentation.class);

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        MDC.put(LogContext.OPERATION, OperationNames.forLog(operation.getName()));
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
            if (failure != null) {
                log.warn(
                        "GraphQL {} failed: {}",
                        operation.getOperation().name().toLowerCase(),
                        failure.getClass().getSimpleName());
            } else {
                log.info(
                        "GraphQL {} executed with {} error(s)",
                        operation.getOperation().name().toLowerCase(),
                        result.getErrors().size());
            }
        });
    }
}
