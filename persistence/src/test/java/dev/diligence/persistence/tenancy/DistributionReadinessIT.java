package dev.diligence.persistence.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reads PostgreSQL's catalog after all migrations for what a distributed PostgreSQL (Citus, with
 * {@code tenant_id} as the distribution column) needs to keep each firm's rows together on one node:
 * every tenant-owned table's primary key, unique constraints and unique indexes include
 * {@code tenant_id}; every foreign key between tenant-owned tables joins on {@code tenant_id} too; and
 * the platform tables (the framework's reference data) never point at a tenant-owned table, so they
 * can be reference tables copied to every node. A table added later that breaks this fails here.
 */
class DistributionReadinessIT {

    /** Tables without tenant_id: reference data (Citus reference tables), or the migration history. */
    private static final Set<String> PLATFORM_TABLES = Set.of(
            "tenants",
            "flyway_schema_history",
            "framework_dimensions",
            "framework_criteria",
            "framework_criterion_references",
            "framework_versions",
            // the rate-limit buckets replicas share (V029), keyed by firm key and subject: a plain
            // table on the coordinator under distribution, never joined with tenant rows
            "rate_buckets");

    private static final TestDatabase db = TestDatabase.get();

    @Test
    void everyPrimaryKeyAndUniqueIndexOfATenantTableIncludesTenantId() throws SQLException {
        List<String> without = new ArrayList<>();
        int checked = 0;
        try (Connection admin = db.connectAsAdmin();
                ResultSet indexes = admin.createStatement().executeQuery("""
                        select c.relname as table_name, i.relname as index_name,
                               exists (select 1 from unnest(x.indkey) k
                                       join pg_attribute a on a.attrelid = c.oid and a.attnum = k
                                       where a.attname = 'tenant_id') as has_tenant_id
                        from pg_index x
                        join pg_class c on c.oid = x.indrelid
                        join pg_class i on i.oid = x.indexrelid
                        join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p') and x.indisunique
                        order by 1, 2""")) {
            while (indexes.next()) {
                if (PLATFORM_TABLES.contains(indexes.getString("table_name"))) {
                    continue;
                }
                checked++;
                if (!indexes.getBoolean("has_tenant_id")) {
                    without.add(indexes.getString("table_name") + "." + indexes.getString("index_name"));
                }
            }
        }
        assertThat(checked).as("unique indexes of tenant tables found").isPositive();
        assertThat(without)
                .as("primary keys, unique constraints and unique indexes without tenant_id")
                .isEmpty();
    }

    @Test
    void foreignKeysBetweenTenantTablesJoinOnTenantId() throws SQLException {
        List<String> without = new ArrayList<>();
        int checked = 0;
        try (Connection admin = db.connectAsAdmin();
                ResultSet keys = admin.createStatement().executeQuery("""
                        select f.conname, c.relname as from_table, r.relname as to_table,
                               exists (select 1 from unnest(f.conkey) with ordinality as fk(attnum, position)
                                       join unnest(f.confkey) with ordinality as pk(attnum, position)
                                         using (position)
                                       join pg_attribute fa on fa.attrelid = f.conrelid and fa.attnum = fk.attnum
                                       join pg_attribute pa on pa.attrelid = f.confrelid and pa.attnum = pk.attnum
                                       where fa.attname = 'tenant_id' and pa.attname = 'tenant_id') as joins_on_tenant
                        from pg_constraint f
                        join pg_class c on c.oid = f.conrelid
                        join pg_class r on r.oid = f.confrelid
                        join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and f.contype = 'f'
                        order by 2, 1""")) {
            while (keys.next()) {
                String from = keys.getString("from_table");
                String to = keys.getString("to_table");
                if (PLATFORM_TABLES.contains(from) || PLATFORM_TABLES.contains(to)) {
                    continue;
                }
                checked++;
                if (!keys.getBoolean("joins_on_tenant")) {
                    without.add(from + " → " + to + " (" + keys.getString("conname") + ")");
                }
            }
        }
        assertThat(checked).as("foreign keys between tenant tables found").isPositive();
        assertThat(without)
                .as("foreign keys between tenant tables not joining on tenant_id")
                .isEmpty();
    }

    @Test
    void platformTablesNeverReferToTenantTables() throws SQLException {
        List<String> references = new ArrayList<>();
        try (Connection admin = db.connectAsAdmin();
                ResultSet keys = admin.createStatement().executeQuery("""
                        select f.conname, c.relname as from_table, r.relname as to_table
                        from pg_constraint f
                        join pg_class c on c.oid = f.conrelid
                        join pg_class r on r.oid = f.confrelid
                        join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and f.contype = 'f'""")) {
            while (keys.next()) {
                if (PLATFORM_TABLES.contains(keys.getString("from_table"))
                        && !PLATFORM_TABLES.contains(keys.getString("to_table"))) {
                    references.add(keys.getString("from_table") + " → " + keys.getString("to_table"));
                }
            }
        }
        assertThat(references)
                .as("reference tables pointing at tenant-owned tables")
                .isEmpty();
    }
}
