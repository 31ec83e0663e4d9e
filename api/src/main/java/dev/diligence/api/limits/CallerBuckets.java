package dev.diligence.api.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Makes the token bucket behind one caller's {@link CallerAllowance}: in this process's memory, or a
 * proxy of a bucket shared by every replica ({@link SharedCallerBuckets}). Either way the bucket
 * holds {@code budget.capacity()} points when new and restores them greedily at the budget's rate.
 */
interface CallerBuckets {

    Bucket bucketOf(RateLimitKey caller, LimitsProperties.Budget budget);

    /** The one limit of a caller's bucket. */
    static Bandwidth limitOf(LimitsProperties.Budget budget) {
        return Bandwidth.builder()
                .capacity(budget.capacity())
                .refillGreedy(budget.restoreRate(), budget.restorePeriod())
                .build();
    }

    /** Buckets in this process's memory: the single-replica default. */
    static CallerBuckets inMemory() {
        return (caller, budget) -> Bucket.builder().addLimit(limitOf(budget)).build();
    }
}
