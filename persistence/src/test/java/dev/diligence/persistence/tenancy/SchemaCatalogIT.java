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

    /** Tables without tenant_id, on purpose. Every other table is tenant-owned. */
    private static final Set<String> PLATFORM_TABLES = Set.of("tenants", "flyway_schema_history",
            "framework_versions", "framework_dimensions", "framework_criteria", "framework_criterion_references");

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
                if (PLATFORM_TABLES.contains(table)) {
                    continue;
                }
                tenantTables++;
                if (!tables.getBoolean("relrowsecurity") || !tables.getBoolean("relforcerowsecurity")
                        || !tables.getBoolean("has_tenant_id") || !tables.getBoolean("has_policy")) {
                    unprotected.add(table);
                }
            }
            assertThat(tenantTables).as("tenant-owned tables found").isPositive();
        }
        assertThat(unprotected).as("tenant tables without tenant_id, forced RLS or a tenant policy").isEmpty();
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
            assertThat(definerViews).as("views that would bypass row-level security").isEmpty();
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
                assertThat(role.getBoolean("member_of_owner")).as("member of the owner role").isFalse();
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
                assertThat(privileges.getBoolean("can_create")).as("CREATE on schema public").isFalse();
                assertThat(privileges.getBoolean("can_delete_funds")).as("DELETE on funds").isFalse();
                assertThat(privileges.getBoolean("can_truncate_funds")).as("TRUNCATE on funds").isFalse();
                assertThat(privileges.getBoolean("reads_history")).as("SELECT on the migration history").isFalse();
            }
        }
    }
}
