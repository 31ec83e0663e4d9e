package dev.diligence.api.graphql;

import dev.diligence.api.fault.FailureLog;
import dev.diligence.api.fault.UnavailableErrors;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.paging.InvalidCursorException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Classifies every failure of a field: bad input as BAD_REQUEST with its message; a database that
 * could not be reached as UNAVAILABLE with {@code retryAfterSeconds} (never as a missing object);
 * anything else as a bare INTERNAL_ERROR, without exception class, message, stack trace or SQL.
 * Authorization failures are left to Spring Security's resolver (UNAUTHORIZED, FORBIDDEN).
 * Unavailable and internal failures are logged and counted by {@link FailureLog}.
 */
@Component
class ErrorClassification extends DataFetcherExceptionResolverAdapter {

    private final FailureLog failures;

    ErrorClassification(FailureLog failures) {
        this.failures = failures;
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable error, DataFetchingEnvironment environment) {
        if (error instanceof BadRequestException
                || error instanceof InvalidCursorException
                || error instanceof RuleViolationException) {
            return onField(GraphqlErrorBuilder.newError(), environment)
                    .errorType(ErrorType.BAD_REQUEST)
                    .message("%s", error.getMessage())
                    .build();
        }
        if (error instanceof AccessDeniedException || error instanceof AuthenticationException) {
            return null;
        }
        if (failures.failed(
                        "GraphQL field " + environment.getExecutionStepInfo().getPath(), error)
                == FailureLog.Kind.UNAVAILABLE) {
            return onField(
                            UnavailableErrors.builder(
                                    UnavailableErrors.DATABASE_UNREACHABLE,
                                    UnavailableErrors.DATABASE_RETRY_AFTER_SECONDS),
                            environment)
                    .build();
        }
        return onField(GraphqlErrorBuilder.newError(), environment)
                .errorType(ErrorType.INTERNAL_ERROR)
                .message("%s for %s", ErrorType.INTERNAL_ERROR, environment.getExecutionId())
                .build();
    }

    private static GraphqlErrorBuilder<?> onField(GraphqlErrorBuilder<?> builder, DataFetchingEnvironment environment) {
        return builder.path(environment.getExecutionStepInfo().getPath())
                .location(environment.getField().getSourceLocation());
    }
}
