package dev.diligence.api.fault;

import dev.diligence.api.limits.LimitClassification;
import graphql.GraphQLError;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Spring's GraphQL HTTP handler, telling clients and load balancers when a failure is transient. A
 * response with an UNAVAILABLE or THROTTLED error carries {@code Retry-After} (the largest
 * {@code retryAfterSeconds} of those errors); when every root field of it failed and at least one was
 * UNAVAILABLE, nothing in it succeeded and the status is 503 instead of 200 (or 400). A response
 * where some root field succeeded keeps its status: its data is worth reading. A request refused as
 * THROTTLED before it ran (no data) is answered 429, as the rate limit's refusals before parsing are.
 */
final class UnavailableStatusHandler extends GraphQlHttpHandler {

    UnavailableStatusHandler(WebGraphQlHandler graphQlHandler) {
        super(graphQlHandler);
    }

    @Override
    protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        OptionalLong retryAfter = errors.stream()
                .filter(UnavailableStatusHandler::retryable)
                .map(GraphQLError::getExtensions)
                .filter(Objects::nonNull)
                .map(extensions -> extensions.get(UnavailableErrors.RETRY_AFTER_SECONDS))
                .filter(Number.class::isInstance)
                .mapToLong(seconds -> ((Number) seconds).longValue())
                .max();
        retryAfter.ifPresent(
                seconds -> response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)));
        if (errors.stream().anyMatch(error -> error.getErrorType() == FaultClassification.UNAVAILABLE)
                && everyRootFieldFailed(response)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (!response.getExecutionResult().isDataPresent()
                && errors.stream().anyMatch(error -> error.getErrorType() == LimitClassification.THROTTLED)) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        return super.selectResponseStatus(response, responseMediaType);
    }

    /** Errors a client may retry unchanged after their {@code retryAfterSeconds}. */
    private static boolean retryable(GraphQLError error) {
        return error.getErrorType() == FaultClassification.UNAVAILABLE
                || error.getErrorType() == LimitClassification.THROTTLED;
    }

    /** Whether no root field has data, each for an error on its path (a null answered without error is a success). */
    private static boolean everyRootFieldFailed(WebGraphQlResponse response) {
        if (!response.getExecutionResult().isDataPresent()
                || !(response.getExecutionResult().getData() instanceof Map<?, ?> data)) {
            return true;
        }
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        return data.keySet().stream()
                .allMatch(rootField -> data.get(rootField) == null
                        && errors.stream()
                                .anyMatch(error -> error.getPath() != null
                                        && !error.getPath().isEmpty()
                                        && rootField.equals(error.getPath().get(0))));
    }
}
