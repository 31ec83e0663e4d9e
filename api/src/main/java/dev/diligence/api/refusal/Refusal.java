package dev.diligence.api.refusal;

import dev.diligence.api.fault.FaultClassification;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;

/**
 * A request the server answers with an HTTP error status instead of serving it: the status, the
 * {@code classification} a GraphQL client branches on, a message for people, and further facts
 * (e.g. the limit and the actual size) as {@code extensions} of the error; on the GraphQL path
 * {@code responseExtensions} are the response's own (e.g. the caller's budget in {@code cost}; their
 * values may be null). Messages never name a class, an exception or the server software.
 */
public record Refusal(
        int status,
        String classification,
        String message,
        Map<String, Object> extensions,
        Map<String, Object> responseExtensions) {

    public Refusal {
        extensions = Map.copyOf(extensions);
        responseExtensions = Collections.unmodifiableMap(new LinkedHashMap<>(responseExtensions));
    }

    public Refusal(int status, String classification, String message, Map<String, Object> extensions) {
        this(status, classification, message, extensions, Map.of());
    }

    /** The refusal the server gives for {@code status} when nothing more specific is known. */
    public static Refusal of(int status) {
        return new Refusal(status, classificationOf(status), messageOf(status), Map.of());
    }

    /** The standard refusal for {@code status}, with a message of the caller's. */
    public static Refusal of(int status, String message) {
        return new Refusal(status, classificationOf(status), message, Map.of());
    }

    /** The HTTP reason phrase of the status, e.g. "Not Found". */
    public String title() {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /**
     * The classification of a refusal with {@code status}, one of a closed set (README, "Error
     * classifications"): those GraphQL answers use where they mean the same (UNAUTHORIZED, FORBIDDEN,
     * UNAVAILABLE), the name of the status for the refusals a GraphQL client can meet on its path
     * (METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE, REQUEST_HEADER_FIELDS_TOO_LARGE), else BAD_REQUEST
     * for any other client error and INTERNAL_ERROR for any other server error.
     */
    public static String classificationOf(int status) {
        return switch (status) {
            case 401 -> ErrorType.UNAUTHORIZED.name();
            case 403 -> ErrorType.FORBIDDEN.name();
            case 405 -> HttpStatus.METHOD_NOT_ALLOWED.name();
            case 415 -> HttpStatus.UNSUPPORTED_MEDIA_TYPE.name();
            case 431 -> HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.name();
            case 503 -> FaultClassification.UNAVAILABLE.name();
            default -> status >= 500 ? ErrorType.INTERNAL_ERROR.name() : ErrorType.BAD_REQUEST.name();
        };
    }

    private static String messageOf(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: it is malformed, or its headers are too large";
            case 404 -> "Nothing is served at this path";
            case 405 -> "This method is not allowed at this path";
            case 413 -> "The request body is too large";
            case 415 -> "The request body has a media type that is not accepted here";
            case 431 -> "The request headers are too large";
            case 503 -> "The server cannot answer now; retry the request later";
            default -> status >= 500 ? "The server failed to answer the request" : "The request was refused";
        };
    }
}
