package dev.diligence.persistence.audit;

import static dev.diligence.persistence.testing.AppRoleSql.count;
import static dev.diligence.persistence.testing.AppRoleSql.execute;
import static dev.diligence.persistence.testing.AppRoleSql.setTenant;
import static dev.diligence.persistence.testing.AppRoleSql.uuids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail is append-only and tenant-owned in the database itself: plain SQL as the
 * application role, with the application out of the way.
 */
class AuditEventsAppendOnlyIT {

    private static final TestDatabase db = TestDatabase.get();
    private static UUID tenantA;
    private static UUID tenantB;
    private static UUID eventOfA;
    private static UUID eventOfB;

    @BeforeAll
    static void twoTenantsWithAnEventEach() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            tenantA = TenantRows.insertTenant(admin, TenantRows.uniqueKey("audit-a"));
            tenantB = TenantRows.insertTenant(admin, TenantRows.uniqueKey("audit-b"));
            eventOfA = insertEvent(admin, tenantA);
            eventOfB = insertEvent(admin, tenantB);
        }
    }

    @Test
    void theApplicationRoleMayAppendEventsOfItsTenant() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            UUID appended = insertEvent(app, tenantA);
            assertThat(idsOfAllEvents(app)).contains(appended, eventOfA);
            app.rollback();
        }
    }

    @Test
    void theApplicationRoleCannotUpdateAuditEvents() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThatThrownBy(() -> app.createStatement()
                            .executeUpdate("/* rls-proof */ update audit_events set action = 'forged' where id = '"
                                    + eventOfA + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            app.rollback();
        }
        assertThat(actionOf(eventOfA)).isEqualTo("createFund");
    }

    @Test
    void theApplicationRoleCannotDeleteAuditEvents() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThatThrownBy(() -> app.createStatement()
                            .executeUpdate("/* rls-proof */ delete from audit_events where id = '" + eventOfA + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            app.rollback();
        }
        assertThat(actionOf(eventOfA)).isEqualTo("createFund");
    }

    @Test
    void theApplicationRoleCannotTruncateAuditEvents() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThatThrownBy(() -> execute(app, "truncate audit_events"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            app.rollback();
        }
    }

    @Test
    void tenantACannotSeeTheEventsOfTenantB() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThat(idsOfAllEvents(app)).contains(eventOfA).doesNotContain(eventOfB);
            assertThat(count(app, "select count(*) from audit_events where tenant_id = '" + tenantB + "'"))
                    .isZero();
            assertThat(count(app, "/* rls-proof */ select count(*) from audit_events where id = '" + eventOfB + "'"))
                    .isZero();
            app.rollback();
        }
    }

    @Test
    void tenantACannotAppendAnEventOfTenantB() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThatThrownBy(() -> insertEvent(app, tenantB))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            app.rollback();
        }
    }

    @Test
    void aTransactionWithoutTenantCannotReadEvents() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            assertThatThrownBy(() -> idsOfAllEvents(app)).hasMessageContaining("no tenant is set");
            app.rollback();
        }
    }

    private static UUID insertEvent(Connection connection, UUID tenant) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into audit_events (tenant_id, id, actor, action, entity_type, entity_id, before, after, occurred_at, request_id)
                values (?, ?, 'someone', 'createFund', 'Fund', gen_random_uuid(), null, cast(? as jsonb), now(), 'req-1')""")) {
            insert.setObject(1, tenant);
            insert.setObject(2, id);
            insert.setString(3, "{\"name\": \"Audited Fund\"}");
            insert.executeUpdate();
        }
        return id;
    }

    private static String actionOf(UUID event) throws SQLException {
        try (Connection admin = db.connectAsAdmin();
                ResultSet row = admin.createStatement()
                        .executeQuery("select action from audit_events where id = '" + event + "'")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private static List<UUID> idsOfAllEvents(Connection connection) throws SQLException {
        return uuids(connection, "/* rls-proof */ select id from audit_events");
    }
}
