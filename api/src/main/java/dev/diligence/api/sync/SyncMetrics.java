package dev.diligence.api.sync;

import dev.diligence.api.sync.SyncResults.SyncItemResult;
import dev.diligence.api.sync.SyncResults.SyncResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts what syncs did, once their transaction has committed (a sync rolled back, or answered
 * UNAVAILABLE, counts nothing): {@code diligence.sync.items} by {@code kind} (fund, company,
 * holding) and {@code outcome} (created, updated, unchanged, failed), and {@code diligence.sync.replays},
 * the calls answered from a stored result under their idempotency key. No tag names a firm or an item.
 */
@Component
class SyncMetrics {

    static final String ITEMS = "diligence.sync.items";
    static final String REPLAYS = "diligence.sync.replays";

    private final MeterRegistry meters;

    SyncMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Counts {@code result}'s items when the current transaction commits. */
    void applied(SyncResult result) {
        afterCommit(() -> {
            count("fund", result.funds());
            count("company", result.companies());
            count("holding", result.holdings());
        });
    }

    /** Counts a replay when the current transaction commits. */
    void replayed() {
        afterCommit(() -> meters.counter(REPLAYS).increment());
    }

    private void count(String kind, List<SyncItemResult> items) {
        items.forEach(item -> meters.counter(
                        ITEMS, "kind", kind, "outcome", item.outcome().name().toLowerCase())
                .increment());
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
