package dev.diligence.persistence.sync;

import static dev.diligence.persistence.testing.AppRoleSql.count;
import static dev.diligence.persistence.testing.AppRoleSql.execute;
import static dev.diligence.persistence.testing.AppRoleSql.setTenant;
import static dev.diligence.persistence.testing.AppRoleSql.setTenantAndFundScope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sync tables of V018 in the database itself, as the application role: tenant isolation,
 * references only added (never updated), references that cannot point into another tenant, one
 * object per (type, source, external id), a removed holding taking its reference with it, and
 * nothing for fund-scoped readers.
 */
class SyncTablesIT {

    private static final TestDatabase db = TestDatabase.get();
    private static UUID tenantA;
    private static UUID tenantB;
    private static UUID fundOfA;
    private static UUID fundOfB;
    private static UUID companyOfA;

    @BeforeAll
    static void twoTenantsWithASyncedFundEach() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            tenantA = TenantRows.insertTenant(admin, TenantRows.uniqueKey("sync-tables-a"));
            tenantB = TenantRows.insertTenant(admin, TenantRows.uniqueKey("sync-tables-b"));
            fundOfA = TenantRows.insertFund(admin, tenantA, "Synced fund A");
            fundOfB = TenantRows.insertFund(admin, tenantB, "Synced fund B");
            companyOfA = TenantRows.insertCompany(admin, tenantA, "Synced company A");
            execute(
                    admin,
                    "insert into sync_references (tenant_id, entity_type, source, external_id, fund_id, created_at) values ('"
                            + tenantA + "', 'FUND', 'crm', 'F1', '" + fundOfA + "', now()), ('" + tenantB
                            + "', 'FUND', 'crm', 'F1', '" + fundOfB
                            + "', now())");
            execute(
                    admin,
                    "insert into sync_requests (tenant_id, idempotency_key, source, payload_hash, result, actor, created_at) values ('"
                            + tenantB + "', 'k', 'crm', '" + "0".repeat(64) + "', '{}', 'test', now())");
        }
    }

    @Test
    void aTenantSeesOnlyItsOwnReferencesAndRequests() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThat(count(
                            app,
                            "/* rls-proof */ select count(*) from sync_references where fund_id = '" + fundOfA + "'"))
                    .isEqualTo(1);
            assertThat(count(app, "select count(*) from sync_references where tenant_id = '" + tenantB + "'"))
                    .isZero();
            assertThat(count(app, "/* rls-proof */ select count(*) from sync_requests"))
                    .isZero();
            app.rollback();
        }
    }

    @Test
    void referencesAreNeverUpdatedAndNeverPointIntoAnotherTenant() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThatThrownBy(() -> execute(app, "/* rls-proof */ update sync_references set external_id = 'forged'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            app.rollback();
            setTenant(app, tenantA);
            assertThatThrownBy(() -> execute(
                            app,
                            "insert into sync_references (tenant_id, entity_type, source, external_id, fund_id,"
                                    + " created_at) values ('" + tenantA + "', 'FUND', 'crm', 'F2', '" + fundOfB
                                    + "', now())"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("foreign key");
            app.rollback();
            setTenant(app, tenantA);
            assertThatThrownBy(() -> execute(
                            app,
                            "insert into sync_references (tenant_id, entity_type, source, external_id, fund_id,"
                                    + " created_at) values ('" + tenantA + "', 'FUND', 'crm', 'F1', '" + fundOfA
                                    + "', now())"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("duplicate key");
            app.rollback();
        }
    }

    @Test
    void removingAHoldingRemovesItsReference() throws SQLException {
        UUID holding;
        try (Connection admin = db.connectAsAdmin()) {
            holding = TenantRows.insertHolding(admin, tenantA, fundOfA, companyOfA, "SOURCED");
        }
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            execute(
                    app,
                    "insert into sync_references (tenant_id, entity_type, source, external_id, holding_id, created_at) values ('"
                            + tenantA + "', 'HOLDING', 'crm', 'H1', '" + holding + "', now())");
            execute(app, "delete from holdings where tenant_id = '" + tenantA + "' and id = '" + holding + "'");
            assertThat(count(
                            app,
                            "select count(*) from sync_references where tenant_id = '" + tenantA
                                    + "' and external_id = 'H1'"))
                    .isZero();
            app.commit();
        }
    }

    @Test
    void aFundScopedReaderSeesNoSyncRows() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenantAndFundScope(app, tenantA, "fund-manager@a");
            assertThat(count(app, "/* rls-proof */ select count(*) from sync_references"))
                    .isZero();
            assertThat(count(app, "/* rls-proof */ select count(*) from sync_requests"))
                    .isZero();
            app.rollback();
        }
    }

    @Test
    void aTransactionWithoutTenantCannotReadSyncRows() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            assertThatThrownBy(() -> count(app, "/* rls-proof */ select count(*) from sync_requests"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no tenant is set");
            app.rollback();
        }
    }
}
