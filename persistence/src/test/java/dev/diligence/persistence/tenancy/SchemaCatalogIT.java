package dev.diligence.persistence.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reads PostgreSQL's catalog after all migrations, so that a table added later cannot forget tenant
 * isolation and the application role cannot quietly gain the power to bypass it.
 */
class SchemaCatalogIT {

    /** Tables without tenant_id, on purpose. Every other table is tenant-owned or mixed. */
    private static final Set<String> PLATFORM_TABLES = Set.of(
            "tenants",
            "flyway_schema_history",
            "framework_dimensions",
            "framework_criteria",
            "framework_criterion_references",
            // the rate-limit buckets replicas share (V029): a caller's points, keyed by firm key and subject
            "rate_buckets");

    /**
     * Tables that mix platform rows (null tenant_id, readable by every tenant and without one) with
     * tenant rows (readable and writable by their own tenant only).
     */
    private static final Set<String> MIXED_TABLES = Set.of("framework_versions");

    private static final TestDatabase db = TestDatabase.get();

    @Test
    void everyTableButThePlatformTablesHasATenantIdWithForcedRowLevelSecurity() throws SQLException {
        List<String> unprotected = new ArrayList<>();
        try (Connection admin = db.connectAsAdmin();
                ResultSet tables = admin.createStatement().executeQuery("""
                        select c.relname,
                               c.relrowsecurity,
                               c.relforcerowsecurity,
                               exists (select 1 from pg_attribute a
                                       where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                                         and a.atttypid = 'uuid'::regtype) as has_tenant_id,
                               exists (select 1 from pg_policy p where p.polrelid = c.oid
                                       and pg_get_expr(p.polqual, p.polrelid) like '%app_current_tenant()%') as has_policy
                        from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p')
                        order by c.relname""")) {
            int tenantTables = 0;
            while (tables.next()) {
                String table = tables.getString("relname");
                if (PLATFORM_TABLES.contains(table) || MIXED_TABLES.contains(table)) {
                    continue;
                }
                tenantTables++;
                if (!tables.getBoolean("relrowsecurity")
                        || !tables.getBoolean("relforcerowsecurity")
                        || !tables.getBoolean("has_tenant_id")
                        || !tables.getBoolean("has_policy")) {
                    unprotected.add(table);
                }
            }
            assertThat(tenantTables).as("tenant-owned tables found").isPositive();
        }
        assertThat(unprotected)
                .as("tenant tables without tenant_id, forced RLS or a tenant policy")
                .isEmpty();
    }

    @Test
    void mixedTablesShowPlatformRowsToEveryoneAndLetTenantsWriteOnlyTheirOwnRows() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            for (String table : MIXED_TABLES) {
                try (PreparedStatement query = admin.prepareStatement("""
                        select c.relrowsecurity, c.relforcerowsecurity,
                               exists (select 1 from pg_attribute a
                                       where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                                         and a.atttypid = 'uuid'::regtype and not a.attnotnull) as has_nullable_tenant_id,
                               has_table_privilege(?, c.oid, 'UPDATE') or has_table_privilege(?, c.oid, 'DELETE')
                                   or has_table_privilege(?, c.oid, 'TRUNCATE') as app_may_change_rows
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relname = ?""")) {
                    query.setString(1, db.roles().app());
                    query.setString(2, db.roles().app());
                    query.setString(3, db.roles().app());
                    query.setString(4, table);
                    try (ResultSet row = query.executeQuery()) {
                        assertThat(row.next()).as(table + " exists").isTrue();
                        assertThat(row.getBoolean("relrowsecurity") && row.getBoolean("relforcerowsecurity"))
                                .as(table + " has forced row-level security")
                                .isTrue();
                        assertThat(row.getBoolean("has_nullable_tenant_id"))
                                .as(table + " has a nullable uuid tenant_id")
                                .isTrue();
                        assertThat(row.getBoolean("app_may_change_rows"))
                                .as(table + ": the application may update or delete")
                                .isFalse();
                    }
                }
                assertThat(policies(admin, table))
                        .as(table + " policies: command, using, with check")
                        .containsExactlyInAnyOrder(
                                List.of("r", "((tenant_id IS NULL) OR (tenant_id = app_tenant_if_set()))", ""),
                                List.of("a", "", "(tenant_id = app_current_tenant())"));
            }
        }
    }

    @Test
    void onlyMixedTablesUseTheTenantFunctionThatDoesNotRaise() throws SQLException {
        try (Connection admin = db.connectAsAdmin();
                ResultSet tables = admin.createStatement().executeQuery("""
                        select distinct c.relname from pg_policy p join pg_class c on c.oid = p.polrelid
                        where coalesce(pg_get_expr(p.polqual, p.polrelid), '') like '%app_tenant_if_set()%'
                           or coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') like '%app_tenant_if_set()%'""")) {
            List<String> users = new ArrayList<>();
            while (tables.next()) {
                users.add(tables.getString(1));
            }
            assertThat(users)
                    .as("tables whose policies let a transaction without tenant through")
                    .isSubsetOf(MIXED_TABLES);
        }
    }

    @Test
    void everyViewRunsWithTheCallersRights() throws SQLException {
        try (Connection admin = db.connectAsAdmin();
                ResultSet views = admin.createStatement().executeQuery("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('v', 'm')
                          and not coalesce(c.reloptions @> array['security_invoker=true'], false)""")) {
            List<String> definerViews = new ArrayList<>();
            while (views.next()) {
                definerViews.add(views.getString(1));
            }
            assertThat(definerViews)
                    .as("views that would bypass row-level security")
                    .isEmpty();
        }
    }

    @Test
    void theApplicationRoleCannotBypassRowLevelSecurity() throws SQLException {
        try (Connection admin = db.connectAsAdmin();
                PreparedStatement query = admin.prepareStatement("""
                        select r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
                               pg_has_role(r.rolname, ?, 'MEMBER') as member_of_owner,
                               exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                       where n.nspname = 'public' and c.relowner = r.oid) as owns_tables
                        from pg_roles r where r.rolname = ?""")) {
            query.setString(1, db.roles().owner());
            query.setString(2, db.roles().app());
            try (ResultSet role = query.executeQuery()) {
                assertThat(role.next()).as("the application role exists").isTrue();
                assertThat(role.getBoolean("rolsuper")).as("superuser").isFalse();
                assertThat(role.getBoolean("rolbypassrls")).as("bypassrls").isFalse();
                assertThat(role.getBoolean("rolcreaterole")).as("createrole").isFalse();
                assertThat(role.getBoolean("rolcreatedb")).as("createdb").isFalse();
                assertThat(role.getBoolean("member_of_owner"))
                        .as("member of the owner role")
                        .isFalse();
                assertThat(role.getBoolean("owns_tables")).as("owns tables").isFalse();
            }
        }
    }

    @Test
    void theApplicationRoleCannotCreateObjectsOrDeleteFunds() throws SQLException {
        try (Connection admin = db.connectAsAdmin();
                PreparedStatement query = admin.prepareStatement("""
                        select has_schema_privilege(?, 'public', 'CREATE') as can_create,
                               has_table_privilege(?, 'funds', 'DELETE') as can_delete_funds,
                               has_table_privilege(?, 'funds', 'TRUNCATE') as can_truncate_funds,
                               has_table_privilege(?, 'flyway_schema_history', 'SELECT') as reads_history""")) {
            for (int i = 1; i <= 4; i++) {
                query.setString(i, db.roles().app());
            }
            try (ResultSet privileges = query.executeQuery()) {
                privileges.next();
                assertThat(privileges.getBoolean("can_create"))
                        .as("CREATE on schema public")
                        .isFalse();
                assertThat(privileges.getBoolean("can_delete_funds"))
                        .as("DELETE on funds")
                        .isFalse();
                assertThat(privileges.getBoolean("can_truncate_funds"))
                        .as("TRUNCATE on funds")
                        .isFalse();
                assertThat(privileges.getBoolean("reads_history"))
                        .as("SELECT on the migration history")
                        .isFalse();
            }
        }
    }

    /** Each policy of {@code table} as [command, using expression, with check expression], '' where absent. */
    private static List<List<String>> policies(Connection admin, String table) throws SQLException {
        List<List<String>> policies = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement("""
                select p.polcmd, coalesce(pg_get_expr(p.polqual, p.polrelid), '') as qual,
                       coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') as check_expression
                from pg_policy p join pg_class c on c.oid = p.polrelid where c.relname = ?""")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    policies.add(List.of(
                            rows.getString("polcmd"), rows.getString("qual"), rows.getString("check_expression")));
                }
            }
        }
        return policies;
    }
}
