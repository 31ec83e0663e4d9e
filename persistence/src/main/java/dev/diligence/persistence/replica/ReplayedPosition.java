package dev.diligence.persistence.replica;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replica's replay position as last polled, every {@code interval} on a thread of its own, so
 * that routing a read costs no round trip. A replica's replay position only grows, so the cached
 * value is a lower bound of the true one: a read it lets onto the replica finds at least what it
 * promised, however stale the cache. Polling every 100 ms costs the replica ten trivial statements
 * a second and makes reads wait for a fresh write at most that much longer than the replica's lag.
 *
 * <p>A failed poll keeps the last position (the replica's own unreachability is found when a read
 * connects, {@link ReplicaAvailability}). A server that answers {@code NULL} is no replica (a
 * primary, or a replica since promoted): then there is no position, every read goes to the
 * primary, and a warning says so once.
 */
public final class ReplayedPosition implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplayedPosition.class);

    private final ReplayPosition source;
    private final Duration interval;
    private final AtomicReference<@Nullable WalPosition> latest = new AtomicReference<>();
    private volatile boolean standby;
    private volatile boolean warnedNoStandby;
    private volatile boolean failing;
    private @Nullable ScheduledExecutorService poller;

    ReplayedPosition(ReplayPosition source, Duration interval) {
        this.source = source;
        this.interval = interval;
    }

    /** Polls once now, so reads route from the first request on, then every interval in the background. */
    public void start() {
        poll();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "replica-replay-poll");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        poller = executor;
    }

    /** The position the replica has replayed at least; empty when unknown or when the server is no replica. */
    public Optional<WalPosition> latest() {
        return standby ? Optional.ofNullable(latest.get()) : Optional.empty();
    }

    void poll() {
        try {
            Optional<WalPosition> read = source.read();
            if (failing) {
                failing = false;
                log.info("The replica answers its replay position again");
            }
            standby = read.isPresent();
            if (read.isEmpty()) {
                if (!warnedNoStandby) {
                    warnedNoStandby = true;
                    log.warn("The configured replica is no replica (pg_last_wal_replay_lsn() is NULL):"
                            + " every read goes to the primary");
                }
                return;
            }
            latest.accumulateAndGet(
                    read.get(), (known, polled) -> known == null || polled.reached(known) ? polled : known);
        } catch (SQLException | RuntimeException unreachable) {
            if (!failing) {
                failing = true;
                log.warn("Cannot read the replica's replay position; keeping the last known", unreachable);
            }
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
