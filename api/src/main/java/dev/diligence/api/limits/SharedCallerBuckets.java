package dev.diligence.api.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Buckets every replica shares, in PostgreSQL's {@code rate_buckets} (migration V029), through
 * Bucket4j's PostgreSQL backend: each exchange with the shared bucket is one short transaction that
 * locks the caller's row ({@code SELECT ... FOR UPDATE}), so two replicas never spend the same points.
 * A replica spends locally between exchanges, within the bounds of {@link BudgetStoreProperties}.
 *
 * <p>A row is kept for {@code keptUnused} after its last exchange: longer than any replica keeps the
 * caller's allowance ({@link RateLimiter}) and longer than any bucket takes to fill, so a row is never
 * purged while a replica still spends from it, and a purged caller's new, full row gives it nothing it
 * would not have had. {@link #bucketOf} makes the row at once, before the caller's first requests
 * race for it. A stored bucket keeps the budget it was made with until it is purged, or until a
 * replica with a higher {@code budgets-version} touches it: it then takes that replica's budget, its
 * points scaled to the new capacity.
 */
final class SharedCallerBuckets implements CallerBuckets {

    /** Rows deleted per purge statement. */
    static final int PURGE_BATCH = 1_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    /** Spending locally between exchanges; none when every exchange settles ({@code max-unsynchronized-points} 0). */
    private final @Nullable Optimization settleEvery;

    private final long budgetsVersion;

    /** @param keptUnused how long a row outlives its last exchange before it may be purged */
    SharedCallerBuckets(DataSource dataSource, BudgetStoreProperties properties, Duration keptUnused) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.fixedTimeToLive(keptUnused))
                .build();
        this.settleEvery = properties.maxUnsynchronizedPoints() == 0
                ? null
                : Optimizations.delaying(
                        new DelayParameters(properties.maxUnsynchronizedPoints(), properties.maxUnsynchronizedTime()));
        this.budgetsVersion = properties.budgetsVersion();
    }

    @Override
    public Bucket bucketOf(RateLimitKey caller, LimitsProperties.Budget budget) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(CallerBuckets.limitOf(budget))
                .build();
        RemoteBucketBuilder<String> bucket = buckets.builder()
                .withImplicitConfigurationReplacement(budgetsVersion, TokensInheritanceStrategy.PROPORTIONALLY);
        if (settleEvery != null) {
            bucket = bucket.withOptimization(settleEvery);
        }
        Bucket shared = bucket.build(rowId(caller), () -> configuration);
        // one exchange alone makes the row: Bucket4j's batched and delayed exchanges, which
        // concurrent first requests would otherwise send, expect it to exist
        shared.getAvailableTokens();
        return shared;
    }

    /** Every {@code purge-interval}: {@link #purgeExpired()}. */
    @Scheduled(
            initialDelayString = "${diligence.limits.budget-store.purge-interval:5m}",
            fixedDelayString = "${diligence.limits.budget-store.purge-interval:5m}")
    void purge() {
        purgeExpired();
    }

    /** Deletes the rows of buckets that are full again; returns how many. */
    int purgeExpired() {
        int purged = 0;
        int batch;
        do {
            batch = buckets.removeExpired(PURGE_BATCH);
            purged += batch;
        } while (batch == PURGE_BATCH);
        return purged;
    }

    /** {@code <firm key>/<subject>}: firm keys hold no '/', so the first one separates the two. */
    static String rowId(RateLimitKey caller) {
        return caller.tenant() + "/" + caller.subject();
    }
}
