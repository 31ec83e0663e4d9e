package dev.diligence.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.diligence.api.security.Caller;
import org.springframework.stereotype.Component;

/**
 * The {@link CallerAllowance}s of the callers, one per tenant and subject, so that one noisy caller
 * drains only its own. Each gets its budget from {@link RateBudgets} when it is made, and its bucket
 * from {@link CallerBuckets}: in this instance's memory by default (with N instances behind a balancer
 * a caller may then spend up to N times the rate), or shared by every replica
 * ({@link BudgetStoreProperties}). Requests in flight are counted per instance. One unused for as
 * long as refilling its empty bucket takes is full again, so it is dropped then (after a year at most) and made anew, full, when its caller returns; past
 * {@value #MAX_CALLERS} callers the least recently seen lose theirs early. A request holds on to its
 * caller's allowance until it completes, so an allowance dropped meanwhile still counts it.
 */
@Component
public class RateLimiter {

    private static final long MAX_CALLERS = 100_000;

    private final LimitsProperties.Rate rate;
    private final RateBudgets budgets;
    private final CallerBuckets buckets;
    private final Cache<RateLimitKey, CallerAllowance> allowances;

    RateLimiter(LimitsProperties properties, CallerBuckets buckets) {
        this.rate = properties.rate();
        this.buckets = buckets;
        this.budgets = new RateBudgets(rate);
        this.allowances = Caffeine.newBuilder()
                .expireAfterAccess(budgets.untilEveryBucketIsFull())
                .maximumSize(MAX_CALLERS)
                .build();
    }

    boolean enabled() {
        return rate.enabled();
    }

    int maxInFlight() {
        return rate.maxInFlight();
    }

    /** The allowance of {@code caller}, made with the budget of its firm and roles if it has none yet. */
    CallerAllowance allowanceOf(Caller caller) {
        RateLimitKey key = RateLimitKey.of(caller);
        return allowances.get(key, unused -> {
            LimitsProperties.Budget budget = budgets.of(key.tenant(), caller.roles());
            return new CallerAllowance(budget, buckets.bucketOf(key, budget));
        });
    }
}
