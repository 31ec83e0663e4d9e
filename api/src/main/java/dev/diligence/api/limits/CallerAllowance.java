package dev.diligence.api.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one caller (tenant and subject) may still do: its bucket of cost points, its requests in
 * flight, and, after a request was throttled, the time until its bucket can pay for that request.
 * Until then every request of the caller is refused by {@link CallerGateFilter} before its
 * document is even parsed, so that a caller who keeps sending while throttled costs next to nothing.
 */
final class CallerAllowance {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final LimitsProperties.Budget budget;
    private final Bucket bucket;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** {@link System#nanoTime()} before which the caller is refused; meaningful only while {@link #throttled}. */
    private volatile long refusedUntilNanos;

    private volatile boolean throttled;

    /** @param bucket holds {@code budget}'s points, in memory or shared ({@link CallerBuckets}) */
    CallerAllowance(LimitsProperties.Budget budget, Bucket bucket) {
        this.budget = budget;
        this.bucket = bucket;
    }

    /**
     * Admits a request into execution, before anything of it is read, or says why not: the caller is
     * still throttled, its bucket is empty, or {@code maxInFlight} of its requests are executing.
     * An admitted request must {@link #leave()} when it completes. A refusal costs one point.
     */
    Optional<Refusal> enter(int maxInFlight) {
        long now = System.nanoTime();
        if (throttled && now - refusedUntilNanos < 0) {
            return Optional.of(refused(Refusal.Reason.THROTTLED, secondsUntil(refusedUntilNanos - now)));
        }
        throttled = false;
        if (bucket.getAvailableTokens() < 1) {
            return Optional.of(refused(
                    Refusal.Reason.THROTTLED,
                    secondsUntil(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill())));
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            return Optional.of(refused(Refusal.Reason.IN_FLIGHT, 1));
        }
        return Optional.empty();
    }

    /** Ends a request that {@link #enter} admitted. */
    void leave() {
        inFlight.decrementAndGet();
    }

    /** Takes {@code points} if the bucket holds that many; else takes nothing, and refuses the caller until it does. */
    Consumption tryConsume(long points) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(points);
        if (probe.isConsumed()) {
            return new Consumption(true, probe.getRemainingTokens(), 0);
        }
        refusedUntilNanos = System.nanoTime() + probe.getNanosToWaitForRefill();
        throttled = true;
        return new Consumption(false, probe.getRemainingTokens(), secondsUntil(probe.getNanosToWaitForRefill()));
    }

    /** Takes up to {@code points}, as many as the bucket holds: for requests refused before they ran. */
    void consumeAtMost(long points) {
        bucket.tryConsumeAsMuchAsPossible(points);
    }

    /** Points the caller's full bucket holds: the most one request can ever be charged. */
    long capacity() {
        return budget.capacity();
    }

    /** Gives back points taken for work that was not done (a full bucket stays full). */
    void refund(long points) {
        if (points > 0) {
            bucket.addTokens(points);
        }
    }

    ThrottleStatus status() {
        long available = Math.max(0, bucket.getAvailableTokens());
        return new ThrottleStatus(
                budget.capacity(),
                available,
                budget.restoredPerSecond(),
                secondsToRestore(budget.capacity() - available),
                secondsToRestore(budget.capacity()));
    }

    /** Whole seconds, rounded up, the bucket takes to restore {@code points}; exact where a long holds the product. */
    private long secondsToRestore(long points) {
        long period = budget.restorePeriod().toNanos();
        try {
            long dividend = Math.multiplyExact(points, period);
            long divisor = Math.multiplyExact(budget.restoreRate(), NANOS_PER_SECOND);
            return -Math.floorDiv(-dividend, divisor);
        } catch (ArithmeticException overflow) {
            return (long) Math.ceil(points * (double) period / (budget.restoreRate() * (double) NANOS_PER_SECOND));
        }
    }

    private Refusal refused(Refusal.Reason reason, long retryAfterSeconds) {
        consumeAtMost(1);
        return new Refusal(reason, retryAfterSeconds, status());
    }

    /** Whole seconds, rounded up, at least 1. */
    private static long secondsUntil(long nanos) {
        return Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }

    /** @param retryAfterSeconds when a refused request may be sent again with success; 0 when consumed */
    record Consumption(boolean consumed, long remaining, long retryAfterSeconds) {}

    /** Why a request was refused before it was read, when to come back, and the caller's bucket. */
    record Refusal(Reason reason, long retryAfterSeconds, ThrottleStatus status) {

        enum Reason {
            THROTTLED,
            IN_FLIGHT
        }
    }

    /**
     * Shopify's {@code throttleStatus}: the bucket's size, its content and its refill per second; and
     * for the IETF {@code RateLimit} fields the seconds until it is full and those an empty one takes to fill.
     */
    record ThrottleStatus(
            long maximumAvailable, long currentlyAvailable, double restoreRate, long secondsToFull, long window) {

        Map<String, Object> toMap() {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("maximumAvailable", maximumAvailable);
            status.put("currentlyAvailable", currentlyAvailable);
            status.put("restoreRate", restoreRate);
            return status;
        }
    }
}
