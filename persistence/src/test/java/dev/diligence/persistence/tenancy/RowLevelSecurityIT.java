package dev.diligence.persistence.tenancy;

import static dev.diligence.persistence.testing.AppRoleSql.count;
import static dev.diligence.persistence.testing.AppRoleSql.execute;
import static dev.diligence.persistence.testing.AppRoleSql.setTenant;
import static dev.diligence.persistence.testing.AppRoleSql.uuids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database layer of tenant isolation on its own: plain SQL as the application role, with the
 * application (Hibernate, services) out of the way.
 */
class RowLevelSecurityIT {

    private static final TestDatabase db = TestDatabase.get();
    private static UUID tenantA;
    private static UUID tenantB;
    private static UUID fundOfB;

    @BeforeAll
    static void twoTenantsWithFunds() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            tenantA = TenantRows.insertTenant(admin, TenantRows.uniqueKey("rls-a"));
            tenantB = TenantRows.insertTenant(admin, TenantRows.uniqueKey("rls-b"));
            TenantRows.insertFund(admin, tenantA, "A fund one");
            TenantRows.insertFund(admin, tenantA, "A fund two");
            fundOfB = TenantRows.insertFund(admin, tenantB, "B fund");
        }
    }

    @Test
    void aTransactionOfTenantASeesOnlyTheRowsOfA() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThat(tenantIdsOfAllFunds(app)).isNotEmpty().containsOnly(tenantA);
            assertThat(count(app, "select count(*) from funds where tenant_id = '" + tenantB + "'"))
                    .isZero();
            assertThat(count(app, "/* rls-proof */ select count(*) from funds where id = '" + fundOfB + "'"))
                    .isZero();
            app.rollback();
        }
    }

    @Test
    void tenantACannotInsertARowOfTenantB() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThatThrownBy(() -> execute(app, """
                    insert into funds (tenant_id, id, name, vintage_year, strategy, currency, status, version, created_at, updated_at)
                    values ('%s', gen_random_uuid(), 'Smuggled', 2020, 'BUYOUT', 'USD', 'ACTIVE', 0, now(), now())""".formatted(tenantB)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            app.rollback();
        }
    }

    @Test
    void tenantACannotMoveItsRowToTenantB() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThatThrownBy(() -> execute(app, "/* rls-proof */ update funds set tenant_id = '" + tenantB + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            app.rollback();
        }
    }

    @Test
    void tenantACannotChangeTheRowsOfTenantB() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThat(app.createStatement()
                            .executeUpdate(
                                    "/* rls-proof */ update funds set name = 'Hijacked' where id = '" + fundOfB + "'"))
                    .isZero();
            app.rollback();
        }
        try (Connection admin = db.connectAsAdmin()) {
            assertThat(count(admin, "select count(*) from funds where id = '" + fundOfB + "' and name = 'B fund'"))
                    .isOne();
        }
    }

    @Test
    void aTransactionWithoutTenantFailsLoudlyInsteadOfSeeingNothing() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            assertThatThrownBy(() -> count(app, "/* rls-proof */ select count(*) from funds"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no tenant is set");
            app.rollback();
        }
    }

    @Test
    void aConnectionOutsideAnyTransactionFailsLoudly() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(true);
            assertThatThrownBy(() -> tenantIdsOfAllFunds(app)).hasMessageContaining("no tenant is set");
        }
    }

    @Test
    void aConnectionUsedForAThenBCarriesNothingAcross() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThat(tenantIdsOfAllFunds(app)).containsOnly(tenantA);
            app.commit();

            // the next transaction on the same connection starts with no tenant at all
            assertThatThrownBy(() -> count(app, "/* rls-proof */ select count(*) from funds"))
                    .hasMessageContaining("no tenant is set");
            app.rollback();

            setTenant(app, tenantB);
            assertThat(tenantIdsOfAllFunds(app)).containsOnly(tenantB);
            app.commit();
        }
    }

    @Test
    void theOwnerRoleIsBoundByTheSamePolicies() throws SQLException {
        try (Connection owner = db.connectAsOwner()) {
            owner.setAutoCommit(false);
            setTenant(owner, tenantB);
            assertThat(tenantIdsOfAllFunds(owner)).containsOnly(tenantB);
            owner.rollback();
        }
    }

    private static List<UUID> tenantIdsOfAllFunds(Connection connection) throws SQLException {
        return uuids(connection, "/* rls-proof */ select tenant_id from funds");
    }
}
