package dev.diligence.api.fault;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;

/** Builds the errors classified {@link FaultClassification#UNAVAILABLE}, always with {@code extensions.retryAfterSeconds}. */
public final class UnavailableErrors {

    /** Extension key of the seconds after which a retry may succeed; also sent as HTTP {@code Retry-After}. */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    /** Seconds after which a request that met an unreachable database may be retried. */
    public static final long DATABASE_RETRY_AFTER_SECONDS = 2;

    /** The message of every failure to reach the database. */
    public static final String DATABASE_UNREACHABLE = "The database could not be reached; retry the request later";

    private UnavailableErrors() {}

    /** An UNAVAILABLE error not tied to one field (the request was refused or failed as a whole). */
    public static GraphQLError of(String message, long retryAfterSeconds) {
        return builder(message, retryAfterSeconds).build();
    }

    /** A builder of an UNAVAILABLE error, for callers that add a path and location. */
    public static GraphqlErrorBuilder<?> builder(String message, long retryAfterSeconds) {
        return GraphqlErrorBuilder.newError()
                .errorType(FaultClassification.UNAVAILABLE)
                .message("%s", message)
                .extensions(Map.of(RETRY_AFTER_SECONDS, retryAfterSeconds));
    }
}
