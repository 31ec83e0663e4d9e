package dev.diligence.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Token buckets of query cost points, one per tenant and subject, so that one noisy caller drains
 * only its own bucket. Buckets live in this instance's memory: with N instances behind a balancer a
 * caller may spend up to N times the rate. A bucket unused for as long as refilling an empty one
 * takes is full again, so it is dropped then (after a year at most) and made anew, full, when its
 * caller returns; past {@value #MAX_BUCKETS} callers the least recently seen lose their buckets early.
 */
@Component
public class RateLimiter {

    private static final long MAX_BUCKETS = 100_000;
    private static final Duration LONGEST_IDLE = Duration.ofDays(365);

    private final LimitsProperties.Rate rate;
    private final Cache<RateLimitKey, Bucket> buckets;

    RateLimiter(LimitsProperties properties) {
        this.rate = properties.rate();
        double secondsToFill = rate.capacity() / rate.restoredPerSecond();
        Duration idle = secondsToFill >= LONGEST_IDLE.toSeconds() ? LONGEST_IDLE : Duration.ofSeconds((long) Math.ceil(secondsToFill) + 1);
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(idle)
                .maximumSize(MAX_BUCKETS)
                .build();
    }

    boolean enabled() {
        return rate.enabled();
    }

    /** Takes {@code points} from the caller's bucket if it holds that many; else takes nothing. */
    Consumption tryConsume(RateLimitKey key, long points) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(points);
        long retryAfterSeconds = probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
        return new Consumption(probe.isConsumed(), probe.getRemainingTokens(), retryAfterSeconds);
    }

    /** Takes up to {@code points}, as many as the bucket holds: for requests refused before they ran. */
    void consumeAtMost(RateLimitKey key, long points) {
        bucket(key).tryConsumeAsMuchAsPossible(points);
    }

    /** Gives back points taken for work that was not done (a full bucket stays full). */
    void refund(RateLimitKey key, long points) {
        if (points > 0) {
            bucket(key).addTokens(points);
        }
    }

    ThrottleStatus status(RateLimitKey key) {
        return new ThrottleStatus(rate.capacity(), bucket(key).getAvailableTokens(), rate.restoredPerSecond());
    }

    private Bucket bucket(RateLimitKey key) {
        return buckets.get(key, unused -> Bucket.builder()
                .addLimit(limit -> limit.capacity(rate.capacity()).refillGreedy(rate.restoreRate(), rate.restorePeriod()))
                .build());
    }

    /** @param retryAfterSeconds when a refused request may be sent again with success; 0 when consumed */
    record Consumption(boolean consumed, long remaining, long retryAfterSeconds) {
    }

    /** Shopify's {@code throttleStatus}: the bucket's size, its content and its refill per second. */
    record ThrottleStatus(long maximumAvailable, long currentlyAvailable, double restoreRate) {

        Map<String, Object> toMap() {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("maximumAvailable", maximumAvailable);
            status.put("currentlyAvailable", currentlyAvailable);
            status.put("restoreRate", restoreRate);
            return status;
        }
    }
}
