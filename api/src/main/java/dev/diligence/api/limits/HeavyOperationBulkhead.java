package dev.diligence.api.limits;

import dev.diligence.api.fault.UnavailableErrors;
import graphql.GraphQLError;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The bulkhead of {@link HeavyOperations heavy operations}: at most
 * {@code diligence.limits.heavy.max-concurrent} of them execute at once in this instance, so that
 * however many arrive they leave CPU, request threads and database connections to the light ones,
 * which never wait here. A heavy operation waits at most {@code diligence.limits.heavy.max-wait} for
 * its turn (a Resilience4j semaphore bulkhead, fair: turns go in order of arrival), else it is
 * refused. Whoever enters must {@link #leave()} exactly once, whatever becomes of the execution.
 * <p>
 * Metrics: the gauges {@code diligence.limits.heavy.max.concurrent} (the limit) and
 * {@code diligence.limits.heavy.available} (places free now), and the timer
 * {@code diligence.limits.heavy.wait} of how long heavy operations waited, tagged {@code outcome}
 * {@code admitted} or {@code refused} (its count of refused is the number of refusals).
 */
@Component
class HeavyOperationBulkhead {

    private final Bulkhead bulkhead;
    private final MeterRegistry registry;
    private final Timer admitted;
    private final Timer refused;
    private final long retryAfterSeconds;

    HeavyOperationBulkhead(LimitsProperties properties, MeterRegistry registry) {
        LimitsProperties.Heavy heavy = properties.heavy();
        this.bulkhead = Bulkhead.of(
                "heavy",
                BulkheadConfig.custom()
                        .maxConcurrentCalls(heavy.maxConcurrent())
                        .maxWaitDuration(heavy.maxWait())
                        .fairCallHandlingStrategyEnabled(true)
                        .build());
        this.registry = registry;
        Gauge.builder(
                        "diligence.limits.heavy.max.concurrent",
                        bulkhead,
                        b -> b.getMetrics().getMaxAllowedConcurrentCalls())
                .description("Most heavy GraphQL operations executing at once")
                .register(registry);
        Gauge.builder(
                        "diligence.limits.heavy.available",
                        bulkhead,
                        b -> b.getMetrics().getAvailableConcurrentCalls())
                .description("Heavy GraphQL operations that may start now without waiting")
                .register(registry);
        this.admitted = waitTimer("admitted", registry);
        this.refused = waitTimer("refused", registry);
        // a refused operation waited max-wait in vain: it may try again after as long
        this.retryAfterSeconds = Math.max(1, (heavy.maxWait().toMillis() + 999) / 1000);
    }

    /** Waits up to max-wait for a place; true when this thread took one, which {@link #leave()} gives back. */
    boolean tryEnter() {
        Timer.Sample waiting = Timer.start(registry);
        boolean entered = bulkhead.tryAcquirePermission();
        waiting.stop(entered ? admitted : refused);
        return entered;
    }

    void leave() {
        bulkhead.onComplete();
    }

    /** When an operation refused for want of a place may try again: after as long as it waited in vain. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The one error of an operation refused for want of a place: UNAVAILABLE, with when to retry. */
    GraphQLError refusal() {
        return UnavailableErrors.of(refusalMessage(), retryAfterSeconds);
    }

    /** Why an operation was refused for want of a place, and when to retry: for GraphQL errors and HTTP problems alike. */
    String refusalMessage() {
        return "The server is executing as many heavy operations as it may (%s) and none finished in time; retry in %s seconds"
                .formatted(
                        LimitErrors.number(bulkhead.getMetrics().getMaxAllowedConcurrentCalls()),
                        LimitErrors.number(retryAfterSeconds));
    }

    private static Timer waitTimer(String outcome, MeterRegistry registry) {
        return Timer.builder("diligence.limits.heavy.wait")
                .description("How long heavy GraphQL operations waited for their turn")
                .tag("outcome", outcome)
                .register(registry);
    }
}
