package dev.diligence.api.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the callers' rate-limit buckets live. One replica keeps them in memory ({@code memory}, the
 * default). Several replicas behind one balancer share them in PostgreSQL ({@code postgresql}), so a
 * caller has one budget however its requests are spread: each replica then spends a caller's points
 * locally and settles with the shared bucket at the latest after {@code maxUnsynchronizedPoints}
 * points or {@code maxUnsynchronizedTime}, whichever comes first (Bucket4j's delaying optimisation).
 * A caller flooding N replicas together can therefore overspend its budget by at most
 * N × {@code maxUnsynchronizedPoints} per settlement, which is the price of one shared-store exchange
 * per settlement instead of several per request.
 *
 * @param type                    {@code memory} or {@code postgresql}
 * @param maxUnsynchronizedPoints points a replica may spend of a caller's shared bucket before it settles;
 *                                0: every request settles at once (exact, several exchanges per request)
 * @param maxUnsynchronizedTime   longest a replica goes without settling a caller's spending
 * @param purgeInterval           how often buckets untouched until full again are deleted from the shared store
 * @param budgetsVersion          raise it with a change of {@code diligence.limits.rate} budgets, so that shared
 *                                buckets made under the old ones take the new ones when next used
 */
@ConfigurationProperties("diligence.limits.budget-store")
public record BudgetStoreProperties(
        @DefaultValue("memory") Type type,
        @DefaultValue("100") long maxUnsynchronizedPoints,
        @DefaultValue("1s") Duration maxUnsynchronizedTime,
        @DefaultValue("5m") Duration purgeInterval,
        @DefaultValue("1") long budgetsVersion) {

    public BudgetStoreProperties {
        if (maxUnsynchronizedPoints < 0) {
            throw new IllegalArgumentException(
                    "diligence.limits.budget-store.max-unsynchronized-points must not be negative, not "
                            + maxUnsynchronizedPoints);
        }
        if (maxUnsynchronizedTime.isNegative()
                || maxUnsynchronizedTime.isZero()
                || purgeInterval.isNegative()
                || purgeInterval.isZero()) {
            throw new IllegalArgumentException(
                    "diligence.limits.budget-store: max-unsynchronized-time and purge-interval must be positive");
        }
    }

    /** Where the buckets live. */
    public enum Type {
        /** In this process: each replica has its own buckets. */
        MEMORY,
        /** In the PostgreSQL of the application (table {@code rate_buckets}), shared by every replica. */
        POSTGRESQL
    }
}
