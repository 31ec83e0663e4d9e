package dev.diligence.api.limits;

import dev.diligence.api.security.Role;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits that keep one request, and one caller, from taking the service down. Every limit is checked
 * before any resolver runs, except the timeouts. README.md ("Limits") gives the reasoning behind
 * each default.
 *
 * @param maxDepth             most fields on one path from a root field to a leaf (introspection excluded)
 * @param maxCost              most points one operation may cost, as {@link QueryCostCalculator} computes them
 * @param maxAliases           most aliases in one operation, fragments expanded
 * @param maxDirectivesPerField most directives on one field, fragment spread or inline fragment
 * @param maxTokens            most lexical tokens in the query document (variables do not count)
 * @param maxRootFields        most root fields one operation selects, fragments expanded
 * @param maxFieldRepeats      most selections of one response key (a field, or {@code __typename}) in one
 *                             selection set, fragments merged into it
 * @param maxBodySize          largest HTTP request body; larger ones get 413 before anything parses them
 * @param timeout              longest a request may execute; checked before each field is resolved
 * @param statementTimeout     PostgreSQL {@code statement_timeout} of the application's connections,
 *                             applied by the pool's init SQL in application.yaml; write it in units
 *                             PostgreSQL also reads ({@code ms} or {@code s})
 * @param listSizes            assumed sizes of plain lists (no {@code first}/{@code last}) by
 *                             {@code Type.field}; other plain lists count as
 *                             {@link dev.diligence.api.graphql.ConnectionArguments#DEFAULT_PAGE_SIZE}
 * @param rate                 the cost-weighted rate limit and the cap on requests in flight, per tenant and subject
 * @param heavy                the bulkhead of heavy operations
 */
@ConfigurationProperties("diligence.limits")
public record LimitsProperties(
        @DefaultValue("10") int maxDepth,
        @DefaultValue("5000") long maxCost,
        @DefaultValue("15") int maxAliases,
        @DefaultValue("4") int maxDirectivesPerField,
        @DefaultValue("1000") int maxTokens,
        @DefaultValue("10") int maxRootFields,
        @DefaultValue("10") int maxFieldRepeats,
        @DefaultValue("2MB") DataSize maxBodySize,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("5s") Duration statementTimeout,
        @DefaultValue Map<String, Integer> listSizes,
        @DefaultValue Rate rate,
        @DefaultValue Heavy heavy) {

    public LimitsProperties {
        requirePositive("max-depth", maxDepth);
        requirePositive("max-cost", maxCost);
        requirePositive("max-aliases", maxAliases);
        requirePositive("max-directives-per-field", maxDirectivesPerField);
        requirePositive("max-tokens", maxTokens);
        requirePositive("max-root-fields", maxRootFields);
        requirePositive("max-field-repeats", maxFieldRepeats);
        requirePositive("max-body-size", maxBodySize.toBytes());
        requirePositive("timeout", timeout.toMillis());
        requirePositive("statement-timeout", statementTimeout.toMillis());
        listSizes = Map.copyOf(listSizes);
        listSizes.forEach((field, size) -> requirePositive("list-sizes." + field, size));
        if (rate.enabled()) {
            long smallest = RateBudgets.smallestCapacity(rate);
            if (smallest < maxCost) {
                throw new IllegalArgumentException("diligence.limits.rate.capacity (" + smallest
                        + ", of the smallest budget)" + " must be at least diligence.limits.max-cost (" + maxCost
                        + "), or the costliest admitted query could never run");
            }
        }
        if (heavy.maxWait().compareTo(timeout) >= 0) {
            throw new IllegalArgumentException("diligence.limits.heavy.max-wait (" + heavy.maxWait()
                    + ") must be shorter than diligence.limits.timeout (" + timeout
                    + "), which the wait counts against");
        }
    }

    /**
     * A token bucket per tenant and subject, filled with query cost points, and a cap on each caller's
     * requests in flight. The budget (capacity and restore rate) is this default, unless one of the
     * caller's roles has a budget of its own in {@code roles}, or in {@code tenants} for the caller's
     * firm; a caller holding several such roles gets the most generous one. A budget that leaves a
     * value out takes it from the tenant-wide role budget, then from the default.
     *
     * @param enabled       false to switch rate limiting, and the cap on requests in flight, off
     * @param capacity      points a full bucket holds: the largest burst
     * @param restoreRate   points restored per {@code restorePeriod}, continuously: the sustained rate
     * @param restorePeriod the period of {@code restoreRate}
     * @param maxInFlight   most requests of one caller (tenant and subject) executing at once; more are refused
     * @param refusalHold   longest a refusal for the caller's budget is held back before it is answered
     *                      (never past its {@code Retry-After}): a caller that floods instead of waiting
     *                      gets one answer per connection per this time; {@code 0s} answers at once
     * @param roles         budgets by role claim name ({@code integration}) for every firm
     * @param tenants       budgets by firm key, then by role claim name, overriding {@code roles} for that firm
     */
    public record Rate(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10000") long capacity,
            @DefaultValue("500") long restoreRate,
            @DefaultValue("1s") Duration restorePeriod,
            @DefaultValue("4") int maxInFlight,
            @DefaultValue("1s") Duration refusalHold,
            @DefaultValue Map<String, Budget> roles,
            @DefaultValue Map<String, Map<String, Budget>> tenants) {

        public Rate {
            requirePositive("rate.capacity", capacity);
            requirePositive("rate.restore-rate", restoreRate);
            requirePositive("rate.restore-period", restorePeriod.toNanos());
            requirePositive("rate.max-in-flight", maxInFlight);
            if (refusalHold.isNegative()) {
                throw new IllegalArgumentException(
                        "diligence.limits.rate.refusal-hold must not be negative, not " + refusalHold);
            }
            roles = Map.copyOf(roles);
            roles.keySet().forEach(role -> requireRole("rate.roles." + role, role));
            Map<String, Map<String, Budget>> byTenant = new HashMap<>();
            tenants.forEach((tenant, budgets) -> {
                budgets.keySet().forEach(role -> requireRole("rate.tenants." + tenant + "." + role, role));
                byTenant.put(tenant, Map.copyOf(budgets));
            });
            tenants = Map.copyOf(byTenant);
        }

        /** One budget for everybody, at most 4 requests of a caller in flight, refusals held 1 s. */
        public static Rate uniform(boolean enabled, long capacity, long restoreRate, Duration restorePeriod) {
            return new Rate(
                    enabled, capacity, restoreRate, restorePeriod, 4, Duration.ofSeconds(1), Map.of(), Map.of());
        }

        /** The budget every caller has when none of its roles has one of its own. */
        public Budget defaultBudget() {
            return new Budget(capacity, restoreRate, restorePeriod);
        }

        /** Points restored per second by the default budget. */
        public double restoredPerSecond() {
            return defaultBudget().restoredPerSecond();
        }

        private static void requireRole(String property, String role) {
            if (Role.fromClaimName(role).isEmpty()) {
                throw new IllegalArgumentException(
                        "diligence.limits." + property + " names no role of this API: " + role);
            }
        }
    }

    /**
     * A rate-limit budget; in {@code roles} and {@code tenants} any value may be left out (null) and
     * is then inherited (see {@link Rate}).
     *
     * @param capacity      points a full bucket holds
     * @param restoreRate   points restored per {@code restorePeriod}
     * @param restorePeriod the period of {@code restoreRate}
     */
    public record Budget(
            @Nullable Long capacity,
            @Nullable Long restoreRate,
            @Nullable Duration restorePeriod) {

        public Budget {
            if (capacity != null) {
                requirePositive("rate budget capacity", capacity);
            }
            if (restoreRate != null) {
                requirePositive("rate budget restore-rate", restoreRate);
            }
            if (restorePeriod != null) {
                requirePositive("rate budget restore-period", restorePeriod.toNanos());
            }
        }

        /** This budget, with what it leaves out taken from {@code fallback}. */
        Budget over(Budget fallback) {
            return new Budget(
                    capacity != null ? capacity : fallback.capacity,
                    restoreRate != null ? restoreRate : fallback.restoreRate,
                    restorePeriod != null ? restorePeriod : fallback.restorePeriod);
        }

        /** Points restored per second; only for a complete budget. */
        public double restoredPerSecond() {
            return restoreRate * 1e9 / restorePeriod.toNanos();
        }

        /** Seconds an empty bucket takes to fill; only for a complete budget. */
        double secondsToFill() {
            return capacity / restoredPerSecond();
        }
    }

    /**
     * The bulkhead of heavy operations ({@link HeavyOperations}, {@link HeavyOperationBulkhead}).
     *
     * @param maxConcurrent most heavy operations executing at once in this instance
     * @param maxWait       longest a heavy operation waits for its turn before it is refused as
     *                      UNAVAILABLE; {@code 0s} refuses at once
     * @param rootFields    root fields (of queries or mutations) that make an operation heavy besides
     *                      those the operation registry declares heavy ({@code ApiOperation.Cost.HEAVY})
     * @param minCost       requested cost in points from which any operation is heavy
     */
    public record Heavy(
            @DefaultValue("1") int maxConcurrent,
            @DefaultValue("2s") Duration maxWait,
            @DefaultValue({}) Set<String> rootFields,
            @DefaultValue("2000") long minCost) {

        public Heavy {
            requirePositive("heavy.max-concurrent", maxConcurrent);
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException(
                        "diligence.limits.heavy.max-wait must not be negative, not " + maxWait);
            }
            rootFields = Set.copyOf(rootFields);
            requirePositive("heavy.min-cost", minCost);
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("diligence.limits." + name + " must be positive, not " + value);
        }
    }
}
