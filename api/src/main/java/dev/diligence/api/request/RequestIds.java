package dev.diligence.api.request;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The ID of the HTTP request the current thread serves, as {@link RequestIdFilter} assigned it.
 * Also in the SLF4J MDC under {@link #MDC_KEY} for the duration of the request.
 */
public final class RequestIds {

    /** Request and response header that carries the ID. */
    public static final String HEADER = "X-Request-Id";

    /** MDC key of the ID. */
    public static final String MDC_KEY = "requestId";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {}

    /** The current request's ID; empty outside a request (scheduled jobs, start-up work). */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Whether a client-sent ID may be taken as is: 1 to 128 letters, digits and {@code . _ : -}. */
    public static boolean isWellFormed(@Nullable String value) {
        return value != null && WELL_FORMED.matcher(value).matches();
    }

    static void bind(String requestId) {
        CURRENT.set(requestId);
    }

    static void clear() {
        CURRENT.remove();
    }
}
