package dev.diligence.api.graphql;

import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.paging.InvalidCursorException;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Classifies the expected request failures. Anything not handled here or by Spring Security's
 * resolver (UNAUTHORIZED, FORBIDDEN) becomes a bare INTERNAL_ERROR, without exception class,
 * message, stack trace or SQL.
 */
@Component
class ErrorClassification extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable error, DataFetchingEnvironment environment) {
        String message;
        if (error instanceof BadRequestException || error instanceof InvalidCursorException) {
            message = error.getMessage();
        } else if (error instanceof RuleViolationException violation) {
            message = violation.getMessage();
        } else {
            return null;
        }
        return GraphQLError.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(message)
                .path(environment.getExecutionStepInfo().getPath())
                .location(environment.getField().getSourceLocation())
                .build();
    }
}
