package dev.diligence.api.limits;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
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
 * @param rate                 the cost-weighted rate limit per tenant and subject
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
        if (rate.enabled() && rate.capacity() < maxCost) {
            throw new IllegalArgumentException("diligence.limits.rate.capacity (" + rate.capacity()
                    + ") must be at least diligence.limits.max-cost (" + maxCost + "), or the costliest admitted query could never run");
        }
        if (heavy.maxWait().compareTo(timeout) >= 0) {
            throw new IllegalArgumentException("diligence.limits.heavy.max-wait (" + heavy.maxWait()
                    + ") must be shorter than diligence.limits.timeout (" + timeout + "), which the wait counts against");
        }
    }

    /**
     * A token bucket per tenant and subject, filled with query cost points.
     *
     * @param enabled       false to switch rate limiting off
     * @param capacity      points a full bucket holds: the largest burst
     * @param restoreRate   points restored per {@code restorePeriod}, continuously: the sustained rate
     * @param restorePeriod the period of {@code restoreRate}
     */
    public record Rate(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10000") long capacity,
            @DefaultValue("500") long restoreRate,
            @DefaultValue("1s") Duration restorePeriod) {

        public Rate {
            requirePositive("rate.capacity", capacity);
            requirePositive("rate.restore-rate", restoreRate);
            requirePositive("rate.restore-period", restorePeriod.toNanos());
        }

        /** Points restored per second. */
        public double restoredPerSecond() {
            return restoreRate * 1e9 / restorePeriod.toNanos();
        }
    }

    /**
     * The bulkhead of heavy operations ({@link HeavyOperations}, {@link HeavyOperationBulkhead}).
     *
     * @param maxConcurrent most heavy operations executing at once in this instance
     * @param maxWait       longest a heavy operation waits for its turn before it is refused as
     *                      UNAVAILABLE; {@code 0s} refuses at once
     * @param rootFields    root fields (of queries or mutations) that make an operation heavy
     * @param minCost       requested cost in points from which any operation is heavy
     */
    public record Heavy(
            @DefaultValue("1") int maxConcurrent,
            @DefaultValue("2s") Duration maxWait,
            @DefaultValue({"portfolio", "portfolioTrend", "compareCompanies"}) Set<String> rootFields,
            @DefaultValue("2000") long minCost) {

        public Heavy {
            requirePositive("heavy.max-concurrent", maxConcurrent);
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("diligence.limits.heavy.max-wait must not be negative, not " + maxWait);
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
