package dev.diligence.persistence.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.persistence.testing.AppRoleSql;
import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * V027's {@code app_isolate_tenant_rows}, the one place that writes the standard policies of a new
 * tenant-owned table: a scratch table made with it keeps tenants apart and narrows a fund-scoped
 * transaction to granted funds, as the tables written out by hand do. Each case works in one
 * transaction of the administrator that acts as the application role after making the table, and
 * rolls back, so the scratch table never outlives it.
 */
class TenantPoliciesHelperIT {

    private static final TestDatabase db = TestDatabase.get();

    @Test
    void aTableMadeWithTheHelperShowsEachTenantOnlyItsOwnRowsAndRefusesOthersWrites() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            UUID mine = TenantRows.insertTenant(admin, TenantRows.uniqueKey("helper-a"));
            UUID theirs = TenantRows.insertTenant(admin, TenantRows.uniqueKey("helper-b"));
            admin.setAutoCommit(false);
            try (Statement sql = admin.createStatement()) {
                scratchTable(sql, "select app_isolate_tenant_rows('scratch_things')");
                sql.execute(
                        "insert into scratch_things values ('%s', gen_random_uuid(), null), ('%s', gen_random_uuid(), null)"
                                .formatted(mine, theirs));
                sql.execute("set local role " + db.roles().app());
                AppRoleSql.setTenant(admin, mine);

                assertThat(AppRoleSql.uuids(admin, "select tenant_id from scratch_things"))
                        .containsExactly(mine);
                assertThatThrownBy(() -> sql.execute(
                                "insert into scratch_things values ('%s', gen_random_uuid(), null)".formatted(theirs)))
                        .hasMessageContaining("row-level security");
            } finally {
                admin.rollback();
            }
        }
    }

    @Test
    void withAFundColumnAFundScopedTransactionSeesOnlyGrantedFundsRows() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            UUID tenant = TenantRows.insertTenant(admin, TenantRows.uniqueKey("helper-fund"));
            UUID granted = TenantRows.insertFund(admin, tenant, "Granted");
            UUID other = TenantRows.insertFund(admin, tenant, "Other");
            String manager = "manager-" + UUID.randomUUID();
            AppRoleSql.execute(admin, """
                    insert into fund_grants (tenant_id, id, fund_id, subject, granted_by, granted_at)
                    values ('%s', gen_random_uuid(), '%s', '%s', 'admin', now())""".formatted(tenant, granted, manager));
            admin.setAutoCommit(false);
            try (Statement sql = admin.createStatement()) {
                scratchTable(sql, "select app_isolate_tenant_rows('scratch_things', 'fund_id')");
                sql.execute(
                        "insert into scratch_things values ('%s', gen_random_uuid(), '%s'), ('%s', gen_random_uuid(), '%s')"
                                .formatted(tenant, granted, tenant, other));
                sql.execute("set local role " + db.roles().app());

                AppRoleSql.setTenantAndFundScope(admin, tenant, manager);
                assertThat(AppRoleSql.uuids(admin, "select fund_id from scratch_things"))
                        .containsExactly(granted);
                AppRoleSql.setTenant(admin, tenant);
                assertThat(AppRoleSql.uuids(admin, "select fund_id from scratch_things"))
                        .containsExactlyInAnyOrder(granted, other);
            } finally {
                admin.rollback();
            }
        }
    }

    @Test
    void theApplicationRoleMayNotCallTheHelper() throws SQLException {
        try (Connection app = db.connectAsApp();
                Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.execute("select app_isolate_tenant_rows('funds')"))
                    .hasMessageContaining("permission denied");
        }
    }

    /** A tenant-owned table with a fund column, policies by {@code helperCall}, open to the application role. */
    private static void scratchTable(Statement sql, String helperCall) throws SQLException {
        sql.execute("create table scratch_things (tenant_id uuid not null, id uuid not null, fund_id uuid,"
                + " primary key (tenant_id, id))");
        sql.execute(helperCall);
        sql.execute("grant select, insert on scratch_things to " + db.roles().app());
    }
}
