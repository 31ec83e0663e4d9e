package dev.diligence.api.limits;

import dev.diligence.api.fault.UnavailableErrors;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The errors of refused requests: a message that names the limit and the request's actual value,
 * and the same two numbers in {@code extensions.limit} and {@code extensions.actual}.
 */
final class LimitErrors {

    private LimitErrors() {}

    static GraphQLError exceeded(LimitClassification classification, String what, long actual, long limit) {
        return error(
                classification,
                "%s is %s; the limit is %s".formatted(what, number(actual), number(limit)),
                Map.of("limit", limit, "actual", actual));
    }

    static GraphQLError throttled(long cost, long available, long retryAfterSeconds) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("cost", cost);
        extensions.put("available", available);
        extensions.put(UnavailableErrors.RETRY_AFTER_SECONDS, retryAfterSeconds);
        return error(
                LimitClassification.THROTTLED,
                "Throttled: the query costs %s points and %s are available; retry in %s seconds"
                        .formatted(number(cost), number(available), number(retryAfterSeconds)),
                extensions);
    }

    static GraphQLError timedOut(long elapsedMillis, long limitMillis) {
        return error(
                LimitClassification.TIMEOUT,
                "The request was stopped after %s ms; the limit is %s ms"
                        .formatted(number(elapsedMillis), number(limitMillis)),
                Map.of("limit", limitMillis, "actual", elapsedMillis));
    }

    /** An exception that stops graphql-java before execution, answering with {@code error} alone. */
    static AbortExecutionException abort(GraphQLError error) {
        return new AbortExecutionException(List.of(error));
    }

    private static GraphQLError error(
            LimitClassification classification, String message, Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError()
                .errorType(classification)
                .message("%s", message)
                .extensions(extensions)
                .build();
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
