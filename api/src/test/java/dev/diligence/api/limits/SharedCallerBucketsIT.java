package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two replicas' buckets of one caller in PostgreSQL's {@code rate_buckets}, as two
 * {@link SharedCallerBuckets} on separate data sources: whatever the caller spends on one is gone on
 * the other, so flooding both together is throttled as flooding one, within the documented slack of
 * {@code max-unsynchronized-points} per replica. The budgets restore one point a day, so nothing
 * restores while a test runs and the counts are exact.
 */
class SharedCallerBucketsIT {

    private static final TestDatabase db = TestDatabase.get();
    private static final LimitsProperties.Budget BUDGET = new LimitsProperties.Budget(1_000L, 1L, Duration.ofDays(1));
    private static final long COST = 10;
    private static final Duration KEPT = Duration.ofDays(3);

    private static DataSource replicaDataSource() {
        return new DriverManagerDataSource(
                db.jdbcUrl(), db.roles().app(), db.roles().appPassword());
    }

    private static BudgetStoreProperties store(long maxUnsynchronizedPoints) {
        return new BudgetStoreProperties(
                BudgetStoreProperties.Type.POSTGRESQL,
                maxUnsynchronizedPoints,
                Duration.ofMinutes(10),
                Duration.ofMinutes(5),
                1);
    }

    private static RateLimitKey newCaller() {
        return new RateLimitKey("acme-capital", "flooder-" + UUID.randomUUID());
    }

    /** Spends {@link #COST} points at a time, alternating between the two allowances, until both refuse; returns the points spent. */
    private static long floodBoth(CallerAllowance first, CallerAllowance second) {
        long spent = 0;
        boolean firstOpen = true;
        boolean secondOpen = true;
        while (firstOpen || secondOpen) {
            if (firstOpen) {
                firstOpen = first.tryConsume(COST).consumed();
                spent += firstOpen ? COST : 0;
            }
            if (secondOpen) {
                secondOpen = second.tryConsume(COST).consumed();
                spent += secondOpen ? COST : 0;
            }
        }
        return spent;
    }

    @Test
    void twoReplicasSettlingEveryRequestSpendExactlyOneBudget() {
        RateLimitKey caller = newCaller();
        SharedCallerBuckets replicaA = new SharedCallerBuckets(replicaDataSource(), store(0), KEPT);
        SharedCallerBuckets replicaB = new SharedCallerBuckets(replicaDataSource(), store(0), KEPT);

        long spent = floodBoth(
                new CallerAllowance(BUDGET, replicaA.bucketOf(caller, BUDGET)),
                new CallerAllowance(BUDGET, replicaB.bucketOf(caller, BUDGET)));

        assertThat(spent).isEqualTo(BUDGET.capacity());
    }

    @Test
    void replicasSpendingLocallyOverspendAtMostTheirUnsynchronizedPointsEach() {
        RateLimitKey caller = newCaller();
        long slack = 50;
        SharedCallerBuckets replicaA = new SharedCallerBuckets(replicaDataSource(), store(slack), KEPT);
        SharedCallerBuckets replicaB = new SharedCallerBuckets(replicaDataSource(), store(slack), KEPT);

        long spent = floodBoth(
                new CallerAllowance(BUDGET, replicaA.bucketOf(caller, BUDGET)),
                new CallerAllowance(BUDGET, replicaB.bucketOf(caller, BUDGET)));

        // in memory, each replica would have let the caller spend a whole budget: 2,000 points
        assertThat(spent).isBetween(BUDGET.capacity(), BUDGET.capacity() + 2 * (slack + COST));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 50})
    void aNewCallerIsAdmittedWithAFullBucketOnEitherReplica(long slack) {
        RateLimitKey caller = newCaller();
        CallerAllowance onA = new CallerAllowance(
                BUDGET, new SharedCallerBuckets(replicaDataSource(), store(slack), KEPT).bucketOf(caller, BUDGET));
        CallerAllowance onB = new CallerAllowance(
                BUDGET, new SharedCallerBuckets(replicaDataSource(), store(slack), KEPT).bucketOf(caller, BUDGET));

        assertThat(onA.enter(4)).isEmpty();
        assertThat(onB.enter(4)).isEmpty();
        assertThat(onA.status().currentlyAvailable()).isEqualTo(BUDGET.capacity());
        assertThat(onB.status().currentlyAvailable()).isEqualTo(BUDGET.capacity());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 50})
    void aNewCallersConcurrentFirstRequestsAreAllAdmitted(long slack) throws Exception {
        RateLimitKey caller = newCaller();
        SharedCallerBuckets replica = new SharedCallerBuckets(replicaDataSource(), store(slack), KEPT);
        CallerAllowance allowance = new CallerAllowance(BUDGET, replica.bucketOf(caller, BUDGET));
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Boolean>> admitted = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                admitted.add(threads.submit(() -> {
                    start.await();
                    return allowance.enter(requests).isEmpty()
                            && allowance.tryConsume(COST).consumed();
                }));
            }
            start.countDown();
            for (Future<Boolean> each : admitted) {
                assertThat(each.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(allowance.status().currentlyAvailable()).isEqualTo(BUDGET.capacity() - requests * COST);
    }

    @Test
    void aReplicaSettlesItsSpendingOncePerUnsynchronizedPointsAndEachRefundAtOnce() {
        AtomicInteger exchanges = new AtomicInteger();
        DataSource counted = new DelegatingDataSource(replicaDataSource()) {
            @Override
            public Connection getConnection() throws SQLException {
                exchanges.incrementAndGet();
                return super.getConnection();
            }
        };
        RateLimitKey caller = newCaller();
        long slack = 100;
        CallerAllowance allowance = new CallerAllowance(
                BUDGET, new SharedCallerBuckets(counted, store(slack), KEPT).bucketOf(caller, BUDGET));
        int made = exchanges.get();

        // 50 requests admitted, charged 4 points each and their status read: 200 points, two settlements
        for (int request = 0; request < 50; request++) {
            assertThat(allowance.enter(4)).isEmpty();
            assertThat(allowance.tryConsume(4).consumed()).isTrue();
            allowance.status();
            allowance.leave();
        }
        int settlements = exchanges.get() - made;
        // a refund is an exchange of its own, every time (Bucket4j delays only consumption)
        allowance.refund(2);
        int refund = exchanges.get() - made - settlements;

        System.out.printf("shared bucket: %d exchanges for 50 requests, %d for one refund%n", settlements, refund);
        assertThat(settlements).isBetween(1, 200 / (int) slack + 1);
        assertThat(refund).isOne();
    }

    @Test
    void aRefundOnOneReplicaCanBeSpentOnTheOther() {
        RateLimitKey caller = newCaller();
        CallerAllowance onA = new CallerAllowance(
                BUDGET, new SharedCallerBuckets(replicaDataSource(), store(0), KEPT).bucketOf(caller, BUDGET));
        CallerAllowance onB = new CallerAllowance(
                BUDGET, new SharedCallerBuckets(replicaDataSource(), store(0), KEPT).bucketOf(caller, BUDGET));

        assertThat(onA.tryConsume(BUDGET.capacity()).consumed()).isTrue();
        assertThat(onB.tryConsume(1).consumed()).isFalse();
        onA.refund(300);

        assertThat(onB.status().currentlyAvailable()).isEqualTo(300);
        assertThat(onB.tryConsume(300).consumed()).isTrue();
    }

    @Test
    void theBucketOfACallerIsOneRowNamedByFirmAndSubjectAndIsPurgedWhenUnusedLongEnough() throws SQLException {
        RateLimitKey caller = newCaller();
        SharedCallerBuckets buckets = new SharedCallerBuckets(replicaDataSource(), store(0), KEPT);
        buckets.bucketOf(caller, BUDGET).tryConsume(COST);
        String row = SharedCallerBuckets.rowId(caller);
        assertThat(row).isEqualTo("acme-capital/" + caller.subject());
        assertThat(rowExists(row)).isTrue();

        // the row is kept three days after its last exchange
        long threeDays = KEPT.toMillis();
        assertThat(expiresAt(row) - System.currentTimeMillis())
                .isBetween(threeDays - Duration.ofMinutes(1).toMillis(), threeDays);
        assertThat(buckets.purgeExpired()).isZero();
        assertThat(rowExists(row)).isTrue();
        try (Connection admin = db.connectAsAdmin();
                PreparedStatement expire =
                        admin.prepareStatement("update rate_buckets set expires_at = expires_at - ? where id = ?")) {
            expire.setLong(1, threeDays + Duration.ofMinutes(1).toMillis());
            expire.setString(2, row);
            assertThat(expire.executeUpdate()).isOne();
        }
        assertThat(buckets.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(rowExists(row)).isFalse();
    }

    private static long expiresAt(String id) throws SQLException {
        try (Connection admin = db.connectAsAdmin();
                PreparedStatement select = admin.prepareStatement("select expires_at from rate_buckets where id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getLong(1);
            }
        }
    }

    private static boolean rowExists(String id) throws SQLException {
        try (Connection admin = db.connectAsAdmin();
                PreparedStatement select = admin.prepareStatement("select 1 from rate_buckets where id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }
}
