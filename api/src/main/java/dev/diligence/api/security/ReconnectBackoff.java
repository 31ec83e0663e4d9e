package dev.diligence.api.security;

import java.time.Duration;

/**
 * How long to wait before each attempt to reconnect: {@code first}, doubled after every failed
 * attempt, never more than {@code max}; back to {@code first} once a connection works. Not thread-safe:
 * it belongs to the one thread that reconnects.
 */
final class ReconnectBackoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    ReconnectBackoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("the backoff needs 0 < first <= max, got " + first + " and " + max);
        }
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The wait before the next attempt; the one after it is twice as long, up to the maximum. */
    Duration next() {
        Duration wait = next;
        next = wait.compareTo(max.dividedBy(2)) > 0 ? max : wait.multipliedBy(2);
        return wait;
    }

    /** A connection works again: the next failure waits {@code first} again. */
    void reset() {
        next = first;
    }
}
