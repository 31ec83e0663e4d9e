package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantKey;
import dev.diligence.domain.tenant.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * The firm lookup of authentication: concurrent requests for a firm not cached share one lookup, so
 * that when the database is unreachable they fail together after one connection timeout rather than
 * one after another; a failed lookup is not cached.
 */
class TenantDirectoryTest {

    private static final TenantKey KEY = TenantKey.parse("northwind-capital").orElseThrow();
    private static final Tenant NORTHWIND =
            Tenant.register("northwind-capital", "Northwind", Instant.parse("2026-01-01T00:00:00Z"));

    private final List<Thread> requestThreads = new CopyOnWriteArrayList<>();
    private final ExecutorService requests = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task);
        requestThreads.add(thread);
        return thread;
    });
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);

    TenantDirectoryTest() {
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
    }

    @AfterEach
    void stop() {
        requests.shutdownNow();
    }

    @Test
    void concurrentRequestsForAnUncachedFirmShareOneLookupAndItsFailure() throws Exception {
        CountDownLatch lookupStarted = new CountDownLatch(1);
        CountDownLatch othersWaiting = new CountDownLatch(1);
        AtomicInteger lookups = new AtomicInteger();
        TenantDirectory directory = directory(key -> {
            lookups.incrementAndGet();
            lookupStarted.countDown();
            await(othersWaiting);
            throw new CannotCreateTransactionException("the database is away");
        });

        Future<Optional<Tenant>> first = requests.submit(() -> directory.activeTenant(KEY));
        await(lookupStarted);
        List<Future<Optional<Tenant>>> others = List.of(
                requests.submit(() -> directory.activeTenant(KEY)), requests.submit(() -> directory.activeTenant(KEY)));
        awaitAllRequestThreadsParked();
        othersWaiting.countDown();

        for (Future<Optional<Tenant>> request : List.of(first, others.get(0), others.get(1))) {
            assertThatThrownBy(() -> request.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CannotCreateTransactionException.class);
        }
        assertThat(lookups)
                .as("one lookup for the three requests, its failure shared")
                .hasValue(1);
    }

    @Test
    void aFailedLookupFailsItsCallerAndIsNotCached() {
        AtomicInteger lookups = new AtomicInteger();
        TenantDirectory directory = directory(key -> {
            if (lookups.incrementAndGet() == 1) {
                throw new CannotCreateTransactionException("the database is away");
            }
            return Optional.of(NORTHWIND);
        });

        assertThatThrownBy(() -> directory.activeTenant(KEY)).isInstanceOf(CannotCreateTransactionException.class);
        assertThat(directory.activeTenant(KEY)).contains(NORTHWIND);
        assertThat(lookups).hasValue(2);
    }

    /** Authentication resolves the firm of every request: from the cache, until the firm changes (archiving evicts it). */
    @Test
    void aFirmIsLookedUpOnceForAllItsRequestsUntilItIsEvicted() {
        AtomicInteger lookups = new AtomicInteger();
        TenantDirectory directory = directory(key -> {
            lookups.incrementAndGet();
            return Optional.of(NORTHWIND);
        });

        for (int request = 0; request < 100; request++) {
            assertThat(directory.activeTenant(KEY)).contains(NORTHWIND);
        }
        assertThat(lookups).hasValue(1);

        directory.evict(KEY);
        assertThat(directory.activeTenant(KEY)).contains(NORTHWIND);
        assertThat(directory.activeTenant(KEY)).contains(NORTHWIND);
        assertThat(lookups).hasValue(2);
    }

    @FunctionalInterface
    private interface Lookup {
        Optional<Tenant> findByKey(TenantKey key);
    }

    private TenantDirectory directory(Lookup lookup) {
        Tenants tenants = mock(Tenants.class);
        when(tenants.findByKey(any())).thenAnswer(call -> lookup.findByKey(call.getArgument(0)));
        TokenProperties properties = new TokenProperties(
                "tenant",
                "diligence-api",
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                TokenProperties.TenantSource.CLAIM,
                10_000,
                Duration.ofMinutes(5));
        return new TenantDirectory(tenants, transactions, properties);
    }

    /** Waits until the three request threads wait: the first in its lookup, the others for its answer. */
    private void awaitAllRequestThreadsParked() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> requestThreads.size() == 3
                        && requestThreads.stream()
                                .noneMatch(thread -> thread.getState() == Thread.State.RUNNABLE
                                        || thread.getState() == Thread.State.NEW));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
