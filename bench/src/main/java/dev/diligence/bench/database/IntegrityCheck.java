package dev.diligence.bench.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the triggers disabled during a bulk load would have enforced, verified with queries afterwards:
 * every foreign key of the public schema (read from the catalog, so new ones are covered without
 * change), the rule of V016 that an assessment uses a platform framework version or one of its own
 * tenant's, and V025's flag of each company's latest publication. Run as a superuser, so row-level
 * security hides nothing.
 */
public final class IntegrityCheck {

    private final Connection admin;

    public IntegrityCheck(Connection admin) {
        this.admin = admin;
    }

    /** Throws naming every violated rule; returns how many rules were checked. */
    public int verify() throws SQLException {
        List<String> checks = new ArrayList<>(foreignKeyChecks());
        checks.add("""
                select 'assessments use a framework version of their tenant', count(*) from assessments a
                where not exists (select 1 from framework_versions v where v.version = a.framework_version
                                  and (v.tenant_id is null or v.tenant_id = a.tenant_id))""");
        checks.add("""
                select 'each company''s latest publication, and only it, is flagged (V025)', count(*) from assessments a
                where a.latest_publication is distinct from coalesce(a.id = (
                    select l.id from assessments l where l.tenant_id = a.tenant_id and l.company_id = a.company_id
                      and l.status = 'PUBLISHED' order by l.published_at desc, l.id desc limit 1), false)""");
        List<String> violations = new ArrayList<>();
        try (Statement statement = admin.createStatement()) {
            for (String check : checks) {
                try (ResultSet rows = statement.executeQuery(check)) {
                    rows.next();
                    if (rows.getLong(2) > 0) {
                        violations.add(rows.getString(1) + ": " + rows.getLong(2) + " rows");
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the loaded data breaks " + violations);
        }
        return checks.size();
    }

    /** One query per foreign key: the child rows with all key columns set and no parent row. */
    private List<String> foreignKeyChecks() throws SQLException {
        List<String> checks = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                ResultSet keys = statement.executeQuery("""
                select c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text,
                       array(select quote_ident(a.attname) from unnest(c.conkey) with ordinality k(n, i)
                             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i),
                       array(select quote_ident(a.attname) from unnest(c.confkey) with ordinality k(n, i)
                             join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i)
                from pg_constraint c join pg_namespace s on s.oid = c.connamespace
                where c.contype = 'f' and s.nspname = 'public' order by 1""")) {
            while (keys.next()) {
                String[] childColumns = (String[]) keys.getArray(4).getArray();
                String[] parentColumns = (String[]) keys.getArray(5).getArray();
                List<String> set = new ArrayList<>();
                List<String> join = new ArrayList<>();
                for (int i = 0; i < childColumns.length; i++) {
                    set.add("c." + childColumns[i] + " is not null");
                    join.add("p." + parentColumns[i] + " = c." + childColumns[i]);
                }
                checks.add("select '" + keys.getString(1) + "', count(*) from " + keys.getString(2) + " c where "
                        + String.join(" and ", set) + " and not exists (select 1 from " + keys.getString(3)
                        + " p where "
                        + String.join(" and ", join) + ")");
            }
        }
        return checks;
    }
}
