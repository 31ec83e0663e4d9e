package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.domain.tenant.TenantKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * Another replica archives a firm: this one, which was not told by its own {@code archiveTenant},
 * forgets the firm when PostgreSQL notifies it of the commit. The tenant cache's TTL is ten minutes
 * here, so only the notification (or a reconnection's clearing of the cache) explains a refusal
 * within seconds. "Another replica" is a superuser's committed update, straight in the database.
 */
@TestPropertySource(properties = "diligence.security.tenant-cache-ttl=10m")
@ExtendWith(OutputCaptureExtension.class)
class TenantChangeListenerIT extends ApiIntegrationTest {

    private static final String VIEWER_QUERY = "{\"query\":\"{ viewer { subject } }\"}";
    /** Far below the ten-minute TTL, far above the milliseconds a notification takes on a busy machine. */
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(5);

    @Autowired
    private TenantChangeListener listener;

    @Autowired
    private TenantDirectory directory;

    @Test
    void aFirmArchivedByAnotherReplicaIsRefusedWithinMillisecondsOfTheCommit() {
        awaitListening();
        String key = newTenant("notify-archive");
        String token = usersOf(key).tenantAdmin();
        expectViewerStatus(token, HttpStatus.OK); // now cached as active for ten minutes

        archiveBehindTheApplicationsBack(key);
        long committed = System.nanoTime();
        Awaitility.await()
                .atMost(NOTICED_WITHIN)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1))
                .until(() -> directory.activeTenant(tenantKey(key)).isEmpty());
        long latencyMillis = Duration.ofNanos(System.nanoTime() - committed).toMillis();
        System.out.println("tenant eviction latency: " + latencyMillis + " ms");

        expectViewerStatus(token, HttpStatus.UNAUTHORIZED);
    }

    @Test
    void afterItsConnectionIsKilledItListensAgainForgetsWhatItMayHaveMissedAndHearsLaterChanges(CapturedOutput output) {
        int killed = awaitListening();
        String missed = newTenant("notify-missed");
        String later = newTenant("notify-later");
        expectViewerStatus(usersOf(missed).tenantAdmin(), HttpStatus.OK);
        expectViewerStatus(usersOf(later).tenantAdmin(), HttpStatus.OK);
        // a change whose notification never comes, as one committed while the listener is disconnected
        archiveWithoutNotification(missed);
        assertThat(directory.activeTenant(tenantKey(missed)))
                .as("cached as active: nothing told this replica")
                .isPresent();

        terminateBackend(killed);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> listener.listeningBackend().orElse(killed) != killed);

        assertThat(directory.activeTenant(tenantKey(missed)))
                .as("the reconnection forgot the cached answer")
                .isEmpty();
        expectViewerStatus(usersOf(missed).tenantAdmin(), HttpStatus.UNAUTHORIZED);
        archiveBehindTheApplicationsBack(later);
        Awaitility.await()
                .atMost(NOTICED_WITHIN)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> directory.activeTenant(tenantKey(later)).isEmpty());
        expectViewerStatus(usersOf(later).tenantAdmin(), HttpStatus.UNAUTHORIZED);
        assertThat(output.getOut().split("Not listening for tenant changes", -1))
                .as("one WARN for the lost connection")
                .hasSize(2);
        assertThat(output.getOut().split("Listening for tenant changes again", -1))
                .as("one INFO for the new one")
                .hasSize(2);
    }

    @Test
    void stoppingClosesItsConnectionAndEndsItsThread() {
        int backend = awaitListening();
        long threadsBefore = listenerThreads();

        listener.stop();

        try {
            assertThat(listener.isRunning()).isFalse();
            assertThat(listener.listeningBackend()).isEmpty();
            assertThat(listenerThreads()).isEqualTo(threadsBefore - 1);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !backendExists(backend));
        } finally {
            listener.start();
        }
        assertThat(awaitListening()).isNotEqualTo(backend);
    }

    /** The backend of the listener once it listens and has forgotten what was cached before. */
    private int awaitListening() {
        AtomicReference<OptionalInt> backend = new AtomicReference<>(OptionalInt.empty());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            backend.set(listener.listeningBackend());
            return backend.get().isPresent();
        });
        return backend.get().getAsInt();
    }

    private static long listenerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("tenant-change-listener") && thread.isAlive())
                .count();
    }

    private static TenantKey tenantKey(String key) {
        return TenantKey.parse(key).orElseThrow();
    }

    private static void archiveBehindTheApplicationsBack(String key) {
        try (Connection admin = DB.connectAsAdmin()) {
            archive(admin, key);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Archives with the session's triggers off (a superuser's replica role), so V028's trigger sends nothing. */
    private static void archiveWithoutNotification(String key) {
        try (Connection admin = DB.connectAsAdmin();
                Statement sql = admin.createStatement()) {
            sql.execute("set session_replication_role = replica");
            archive(admin, key);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void archive(Connection admin, String key) throws SQLException {
        try (PreparedStatement archive =
                admin.prepareStatement("update tenants set status = 'ARCHIVED', updated_at = now() where key = ?")) {
            archive.setString(1, key);
            assertThat(archive.executeUpdate()).isOne();
        }
    }

    private static void terminateBackend(int pid) {
        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement terminate = admin.prepareStatement(
                        "select pg_terminate_backend(pid) from pg_stat_activity where pid = ? and application_name = ?")) {
            terminate.setInt(1, pid);
            terminate.setString(2, TenantChangeListener.APPLICATION_NAME);
            try (ResultSet terminated = terminate.executeQuery()) {
                assertThat(terminated.next() && terminated.getBoolean(1))
                        .as("the listener's backend %s was terminated", pid)
                        .isTrue();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean backendExists(int pid) {
        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement find = admin.prepareStatement("select 1 from pg_stat_activity where pid = ?")) {
            find.setInt(1, pid);
            try (ResultSet found = find.executeQuery()) {
                return found.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void expectViewerStatus(String token, HttpStatus status) {
        http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VIEWER_QUERY)
                .exchange()
                .expectStatus()
                .isEqualTo(status);
    }
}
