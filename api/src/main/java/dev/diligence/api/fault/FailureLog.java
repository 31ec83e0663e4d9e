package dev.diligence.api.fault;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.stereotype.Component;

/**
 * The one place where failures of requests are logged and counted. Each failure is one line (the
 * MDC adds the request ID, tenant and subject) naming its kind, where it happened and its root cause;
 * the full stack trace is logged only the first time a cause is seen in {@link #TRACE_EVERY}, so a
 * database outage that fails thousands of requests writes thousands of lines, not millions. Each
 * failure also counts in {@code diligence_failures_total}, tagged by kind and root-cause class.
 */
@Component
public class FailureLog {

    /** How often the stack trace of one cause (its kind, class and throwing frame) is logged at most. */
    static final Duration TRACE_EVERY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(FailureLog.class);
    private static final int MAX_MESSAGE = 300;

    /** What a failure means to the caller. */
    public enum Kind {
        /** The database could not be reached: answered UNAVAILABLE, the request may be retried. */
        UNAVAILABLE,
        /** Anything else unexpected: a bug, answered INTERNAL_ERROR. */
        INTERNAL
    }

    private final MeterRegistry meters;
    private final Cache<String, Boolean> tracedRecently = Caffeine.newBuilder()
            .expireAfterWrite(TRACE_EVERY)
            .maximumSize(1_000)
            .build();

    FailureLog(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * Classifies {@code failure} ({@link TransientFailures}), which happened in {@code where} (a field
     * path, "POST /graphql", ...), logs and counts it, and returns its kind: the one place that decides
     * what a failure means to the caller.
     */
    public Kind failed(String where, Throwable failure) {
        Kind kind = TransientFailures.isTransient(failure) ? Kind.UNAVAILABLE : Kind.INTERNAL;
        Throwable root = rootCause(failure);
        String traceKey = kind + " " + root.getClass().getName() + " " + firstFrame(root);
        boolean firstInWindow = tracedRecently.asMap().putIfAbsent(traceKey, Boolean.TRUE) == null;
        log.atLevel(kind == Kind.UNAVAILABLE ? Level.WARN : Level.ERROR)
                .setCause(firstInWindow ? failure : null)
                .log(
                        "{} failed{}: {}{}",
                        where,
                        kind == Kind.UNAVAILABLE ? ", database unavailable" : "",
                        root.getClass().getSimpleName() + sqlState(root) + ": " + shortMessage(root),
                        firstInWindow ? " (stack trace once per minute for this cause)" : "");
        Counter.builder("diligence.failures")
                .description("Requests (or parts of them) that failed, by kind and root-cause class")
                .tag("kind", kind.name().toLowerCase())
                .tag("cause", root.getClass().getSimpleName())
                .register(meters)
                .increment();
        return kind;
    }

    private static Throwable rootCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = failure;
        while (current.getCause() != null && seen.add(current)) {
            current = current.getCause();
        }
        return current;
    }

    private static String sqlState(Throwable root) {
        return root instanceof SQLException sql && sql.getSQLState() != null
                ? " (SQLState " + sql.getSQLState() + ")"
                : "";
    }

    private static String shortMessage(Throwable root) {
        String message =
                String.valueOf(root.getMessage()).replaceAll("\\s+", " ").strip();
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }

    private static String firstFrame(Throwable root) {
        StackTraceElement[] frames = root.getStackTrace();
        return frames.length == 0 ? "" : frames[0].toString();
    }
}
