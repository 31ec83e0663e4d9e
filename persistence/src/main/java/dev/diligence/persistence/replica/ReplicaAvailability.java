package dev.diligence.persistence.replica;

import java.time.Duration;

/**
 * Whether a read may try the replica: after a failed connect, not for {@code retryAfter}, so reads
 * do not each wait for the pool's connection timeout while the replica is away; then the next
 * read tries again.
 */
final class ReplicaAvailability {

    private final long retryAfterNanos;
    private volatile long closedUntil = System.nanoTime();

    ReplicaAvailability(Duration retryAfter) {
        this.retryAfterNanos = retryAfter.toNanos();
    }

    boolean mayTry() {
        return System.nanoTime() - closedUntil >= 0;
    }

    void failed() {
        closedUntil = System.nanoTime() + retryAfterNanos;
    }
}
