package dev.diligence.api.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.sync.SyncResults.SyncItemOutcome;
import dev.diligence.api.sync.SyncResults.SyncItemResult;
import dev.diligence.api.sync.SyncResults.SyncResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class SyncMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SyncMetrics metrics = new SyncMetrics(meters);

    @BeforeEach
    void aTransaction() {
        TransactionSynchronizationManager.initSynchronization();
    }

    @AfterEach
    void noTransaction() {
        TransactionSynchronizationManager.clearSynchronization();
    }

    @Test
    void itemsAndReplaysAreCountedWhenTheTransactionCommitsAndNotBefore() {
        metrics.applied(new SyncResult(
                List.of(
                        SyncItemResult.of("F-1", SyncItemOutcome.CREATED, "id-1"),
                        SyncItemResult.of("F-2", SyncItemOutcome.UNCHANGED, "id-2")),
                List.of(SyncItemResult.of("C-1", SyncItemOutcome.UPDATED, "id-3")),
                List.of(SyncItemResult.failed("H-1", List.of()))));
        metrics.replayed();
        assertThat(meters.getMeters()).as("nothing before the commit").isEmpty();

        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);

        assertThat(items("fund", "created")).isEqualTo(1);
        assertThat(items("fund", "unchanged")).isEqualTo(1);
        assertThat(items("company", "updated")).isEqualTo(1);
        assertThat(items("holding", "failed")).isEqualTo(1);
        assertThat(meters.get(SyncMetrics.REPLAYS).counter().count()).isEqualTo(1);
    }

    @Test
    void aRolledBackSyncCountsNothing() {
        metrics.applied(new SyncResult(
                List.of(SyncItemResult.of("F-1", SyncItemOutcome.CREATED, "id-1")), List.of(), List.of()));
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(synchronization ->
                        synchronization.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        assertThat(meters.getMeters()).isEmpty();
    }

    private double items(String kind, String outcome) {
        return meters.get(SyncMetrics.ITEMS)
                .tag("kind", kind)
                .tag("outcome", outcome)
                .counter()
                .count();
    }
}
