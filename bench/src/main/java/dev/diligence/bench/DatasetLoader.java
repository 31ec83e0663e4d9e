package dev.diligence.bench;

import dev.diligence.bench.copy.CopyTable;
import dev.diligence.bench.portfolio.TenantPlan;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads datasets with COPY through one superuser connection: superusers bypass row-level security,
 * which refuses COPY FROM to roles it applies to. The tenants go in first, then each tenant in its
 * own transaction with {@code app.tenant_id} set to it, as the application's transactions do.
 *
 * <p>The session runs with {@code session_replication_role = replica}, which disables triggers:
 * with them the large size loaded in about 100 s instead of about 20 s, the row-by-row foreign-key
 * checks and the change-feed triggers (V019) costing most of it (and over 200 s while the empty
 * {@code changes} table had no statistics: its commit-time numbering then scanned the table per row). What the
 * triggers would have done is therefore done here in bulk, and checked afterwards:
 * <ul>
 *   <li>the change feed: {@link ChangeFeedRows} appends one change per created fund, company,
 *       holding, published assessment and finding, numbered in time order per tenant, before the
 *       tenant's commit;</li>
 *   <li>each company's latest publication (V025): flagged per tenant by the migration's own bulk
 *       function, {@code assessments_mark_latest_publications};</li>
 *   <li>foreign keys and the tenant check of framework versions: {@code IntegrityCheck} verifies
 *       every one with queries once everything is loaded (check constraints, unique and primary keys
 *       are not triggers and stay enforced during the load).</li>
 * </ul>
 */
final class DatasetLoader {

    private final Connection admin;
    private final CopyManager copy;

    DatasetLoader(Connection admin) throws SQLException {
        this.admin = admin;
        this.copy = admin.unwrap(PGConnection.class).getCopyAPI();
        admin.setAutoCommit(false);
        try (Statement statement = admin.createStatement()) {
            statement.execute("set session_replication_role = replica");
        }
        admin.commit();
    }

    void tenants(List<TenantPlan> plans, Instant createdAt) throws SQLException, IOException {
        CopyTable tenants =
                new CopyTable("tenants", List.of("id", "key", "name", "status", "created_at", "updated_at"));
        plans.forEach(plan -> tenants.add(plan.id(), plan.key(), plan.name(), "ACTIVE", createdAt, createdAt));
        tenants.copyInto(copy);
        admin.commit();
    }

    void tenant(TenantDataset dataset) throws SQLException, IOException {
        try (PreparedStatement statement = admin.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            statement.setString(1, dataset.plan().id().toString());
            statement.execute();
        }
        dataset.tables().copyInto(copy);
        try (PreparedStatement statement = admin.prepareStatement("select assessments_mark_latest_publications(?)")) {
            statement.setObject(1, dataset.plan().id());
            statement.execute();
        }
        ChangeFeedRows.append(admin, dataset.plan().id());
        admin.commit();
    }
}
