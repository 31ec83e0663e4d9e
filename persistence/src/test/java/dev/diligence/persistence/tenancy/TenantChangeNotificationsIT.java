package dev.diligence.persistence.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * V028: every committed insert, update and delete of a tenant sends its key on
 * {@code diligence_tenant_changed}, and nothing is sent before the commit nor for a rollback. "Not
 * before" is checked without waiting for a timeout: a marker notification committed while the change
 * is still open arrives, and the change's key has not arrived before it (notifications arrive in commit order).
 */
class TenantChangeNotificationsIT {

    private static final String CHANNEL = "diligence_tenant_changed";
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private static final TestDatabase db = TestDatabase.get();

    @Test
    void insertUpdateAndDeleteOfATenantEachSendItsKeyWhenTheyCommit() throws SQLException {
        String key = TenantRows.uniqueKey("notify-row");
        try (Connection listener = listening();
                Connection app = db.connectAsApp();
                Connection admin = db.connectAsAdmin()) {
            app.setAutoCommit(false);
            UUID id = UUID.randomUUID();
            try (PreparedStatement insert = app.prepareStatement(
                    "insert into tenants (id, key, name, status, created_at, updated_at) values (?, ?, 'Notify', 'ACTIVE', now(), now())")) {
                insert.setObject(1, id);
                insert.setString(2, key);
                insert.executeUpdate();
            }
            assertThat(receivedBeforeMarker(listener, admin)).doesNotContain(key);
            app.commit();
            awaitNotification(listener, key);

            try (PreparedStatement archive =
                    app.prepareStatement("update tenants set status = 'ARCHIVED', updated_at = now() where key = ?")) {
                archive.setString(1, key);
                assertThat(archive.executeUpdate()).isOne();
            }
            assertThat(receivedBeforeMarker(listener, admin)).doesNotContain(key);
            app.commit();
            awaitNotification(listener, key);

            try (PreparedStatement delete = admin.prepareStatement("delete from tenants where key = ?")) {
                delete.setString(1, key);
                assertThat(delete.executeUpdate()).isOne();
            }
            awaitNotification(listener, key);
        }
    }

    @Test
    void aRolledBackChangeSendsNothing() throws SQLException {
        String key = TenantRows.uniqueKey("notify-rollback");
        try (Connection listener = listening();
                Connection app = db.connectAsApp();
                Connection admin = db.connectAsAdmin()) {
            TenantRows.insertTenant(admin, key);
            awaitNotification(listener, key);
            app.setAutoCommit(false);
            try (PreparedStatement archive =
                    app.prepareStatement("update tenants set status = 'ARCHIVED', updated_at = now() where key = ?")) {
                archive.setString(1, key);
                assertThat(archive.executeUpdate()).isOne();
            }
            app.rollback();

            assertThat(receivedBeforeMarker(listener, admin)).doesNotContain(key);
        }
    }

    private static Connection listening() throws SQLException {
        Connection listener = db.connectAsApp();
        try (Statement listen = listener.createStatement()) {
            listen.execute("LISTEN " + CHANNEL);
        }
        return listener;
    }

    /** Commits a marker notification now and returns what arrived up to and including it. */
    private static List<String> receivedBeforeMarker(Connection listener, Connection other) throws SQLException {
        String marker = "marker-" + UUID.randomUUID();
        try (PreparedStatement notify = other.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, marker);
            notify.execute();
        }
        return awaitNotification(listener, marker);
    }

    /** The payloads that arrive until {@code payload} does; fails after {@link #DEADLINE} without it. */
    private static List<String> awaitNotification(Connection listener, String payload) throws SQLException {
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!received.contains(payload)) {
            assertThat(System.nanoTime())
                    .as("%s arrives within %s; received %s", payload, DEADLINE, received)
                    .isLessThan(deadline);
            for (PGNotification notification :
                    listener.unwrap(PGConnection.class).getNotifications(100)) {
                received.add(notification.getParameter());
            }
        }
        return received;
    }
}
