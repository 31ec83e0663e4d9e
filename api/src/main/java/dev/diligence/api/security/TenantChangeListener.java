package dev.diligence.api.security;

import dev.diligence.domain.tenant.TenantKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this replica's {@link TenantDirectory} in step with the tenant changes every replica commits:
 * it LISTENs on {@value #CHANNEL}, where the trigger of the {@code tenants} table (migration V028)
 * sends the key of every inserted, updated or deleted tenant when its transaction commits, and evicts
 * that key from this replica's cache.
 *
 * <p>Bound: while the listener is connected, a replica forgets a tenant archived by another replica
 * within the notification latency (milliseconds after the commit). While it is disconnected,
 * {@link TokenProperties#tenantCacheTtl()} still bounds it. Notifications sent while it was
 * disconnected are lost, so every time it starts listening (after a reconnect too) it forgets the
 * whole cache: an answer cached before may predate a change it was not told of.
 *
 * <p>It listens on a connection of its own, opened with the pool's URL and credentials
 * ({@link JdbcConnectionDetails}, which the embedded default sets as well) but outside the pool: a
 * pooled connection held for ever would shrink the pool, and LISTEN is session state a pool must not
 * hand to requests. Its {@code application_name} is {@value #APPLICATION_NAME}. One daemon thread waits
 * for notifications on it; when the connection fails (a database restart) the thread reconnects after
 * a {@link ReconnectBackoff} of at most {@link #MAX_BACKOFF}, logging once at WARN when the connection
 * is lost and once at INFO when it listens again. Stopping closes the connection, which ends the wait,
 * and joins the thread, so no thread outlives its application context.
 *
 * <p>Off with {@code diligence.security.tenant-change-listener.enabled=false}: then only the TTL bounds
 * how long other replicas trust an archived firm.
 */
@Component
@ConditionalOnBooleanProperty(name = "diligence.security.tenant-change-listener.enabled", matchIfMissing = true)
class TenantChangeListener implements SmartLifecycle {

    static final String CHANNEL = "diligence_tenant_changed";
    static final String APPLICATION_NAME = "diligence-tenant-listener";

    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** How long one wait for notifications lasts before the connection is checked. */
    private static final int POLL_MILLIS = 5_000;
    /** Bound of the connect, the login, the LISTEN and the check of a quiet connection. */
    private static final int TIMEOUT_SECONDS = 2;
    /** How long stopping waits for the thread to end after closing its connection. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(TenantChangeListener.class);

    private final TenantDirectory directory;
    private final String url;
    private final Properties connectionProperties = new Properties();
    private final Duration tenantCacheTtl;

    /** The current run, between start and stop; null when stopped. */
    private @Nullable Listening listening;

    TenantChangeListener(TenantDirectory directory, JdbcConnectionDetails database, TokenProperties properties) {
        this.directory = directory;
        this.url = database.getJdbcUrl();
        this.tenantCacheTtl = properties.tenantCacheTtl();
        connectionProperties.setProperty("user", database.getUsername());
        if (database.getPassword() != null) {
            connectionProperties.setProperty("password", database.getPassword());
        }
        connectionProperties.setProperty("ApplicationName", APPLICATION_NAME);
        connectionProperties.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        connectionProperties.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        // LISTEN and the check; the waits for notifications set their own timeout
        connectionProperties.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS * 2));
        connectionProperties.setProperty("tcpKeepAlive", "true");
    }

    @Override
    public synchronized void start() {
        if (listening == null) {
            listening = new Listening();
            listening.thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (listening != null) {
            listening.stop();
            listening = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return listening != null;
    }

    /** Starts before the web server takes requests and stops after it has drained them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /**
     * The server process of the connection that listens, once it has forgotten what was cached before
     * it listened; empty until then and after the connection fails.
     */
    synchronized OptionalInt listeningBackend() {
        return listening == null ? OptionalInt.empty() : listening.backend();
    }

    /** One run of the listening thread, from start to stop. */
    private final class Listening {

        private final Thread thread;
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile @Nullable Connection connection;
        private volatile OptionalInt backend = OptionalInt.empty();

        Listening() {
            thread = new Thread(this::run, "tenant-change-listener");
            thread.setDaemon(true);
        }

        OptionalInt backend() {
            return backend;
        }

        /** Reconnects until stopped; each connection listens until it fails. */
        private void run() {
            ReconnectBackoff backoff = new ReconnectBackoff(FIRST_BACKOFF, MAX_BACKOFF);
            boolean lost = false;
            while (!isStopped()) {
                try (Connection opened = DriverManager.getConnection(url, connectionProperties)) {
                    connection = opened;
                    if (isStopped()) {
                        return; // stop() ran before this connection was published, so it did not close it
                    }
                    PGConnection notifications = listenOn(opened);
                    directory.evictAll();
                    backend = OptionalInt.of(notifications.getBackendPID());
                    if (lost) {
                        log.info("Listening for tenant changes again; forgot every cached tenant");
                        lost = false;
                    }
                    backoff.reset();
                    receive(opened, notifications);
                } catch (SQLException failure) {
                    backend = OptionalInt.empty();
                    if (isStopped()) {
                        return;
                    }
                    if (!lost) {
                        log.warn(
                                "Not listening for tenant changes ({}); reconnecting. Meanwhile other replicas' changes"
                                        + " of tenants reach this one within the tenant cache TTL of {}",
                                failure.getMessage(),
                                tenantCacheTtl);
                        lost = true;
                    }
                    pause(backoff.next());
                }
            }
        }

        private PGConnection listenOn(Connection opened) throws SQLException {
            try (Statement statement = opened.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
            }
            return opened.unwrap(PGConnection.class);
        }

        /** Evicts the key of every notification until the connection fails (or is closed by stop()). */
        private void receive(Connection opened, PGConnection notifications) throws SQLException {
            while (!isStopped()) {
                PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                if (received.length == 0 && !opened.isValid(TIMEOUT_SECONDS)) {
                    // a quiet connection may be one whose server is gone without a word (a network partition)
                    throw new SQLException("the listening connection no longer answers");
                }
                for (PGNotification notification : received) {
                    TenantKey.parse(notification.getParameter()).ifPresent(directory::evictLocally);
                }
            }
        }

        private void pause(Duration wait) {
            try {
                stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                stopped.countDown();
            }
        }

        private boolean isStopped() {
            return stopped.getCount() == 0;
        }

        /** Ends the run: closing the connection ends a wait for notifications, the latch ends a pause. */
        void stop() {
            stopped.countDown();
            Connection current = connection;
            if (current != null) {
                try {
                    current.close();
                } catch (SQLException ignored) {
                    // closing is only to end the wait; the thread closes it again on its way out
                }
            }
            try {
                thread.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("The tenant change listener did not stop within {}", STOP_TIMEOUT);
            }
        }
    }
}
