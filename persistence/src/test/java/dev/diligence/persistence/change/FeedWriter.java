package dev.diligence.persistence.change;

import static dev.diligence.persistence.testing.AppRoleSql.setTenant;

import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One connection as the application role writing companies of one tenant in explicit transactions,
 * so that a test decides exactly when each transaction writes, commits or rolls back.
 */
final class FeedWriter implements AutoCloseable {

    private final Connection connection;
    private final UUID tenant;
    private final List<UUID> pending = new ArrayList<>();

    FeedWriter(TestDatabase db, UUID tenant) throws SQLException {
        this.connection = db.connectAsApp();
        this.connection.setAutoCommit(false);
        this.tenant = tenant;
    }

    boolean inTransaction() {
        return !pending.isEmpty();
    }

    /** Writes a new company in the open transaction (opening one if needed); returns its id, the change's entity. */
    UUID writeCompany(String name) throws SQLException {
        if (pending.isEmpty()) {
            setTenant(connection, tenant);
        }
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into companies (tenant_id, id, name, sector, headquarters_country, stage, archived, version, created_at, updated_at)
                values (?, ?, ?, 'OTHER', 'DE', 'EARLY', false, 0, now(), now())""")) {
            insert.setObject(1, tenant);
            insert.setObject(2, id);
            insert.setString(3, name);
            insert.executeUpdate();
        }
        pending.add(id);
        return id;
    }

    /** Numbers this transaction's changes now instead of at commit (takes the tenant's commit-order lock now). */
    void numberNow() throws SQLException {
        connection.createStatement().execute("set constraints changes_position_at_commit immediate");
    }

    /** Commits; returns the entities of the changes it made visible. */
    List<UUID> commit() throws SQLException {
        connection.commit();
        return drain();
    }

    /** Rolls back; returns the entities of the changes that never happened. */
    List<UUID> rollback() throws SQLException {
        connection.rollback();
        return drain();
    }

    /** The backend process id of the connection, to watch it in pg_locks. */
    int backendPid() throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("select pg_backend_pid()")) {
            row.next();
            int pid = row.getInt(1);
            if (pending.isEmpty()) {
                connection.rollback();
            }
            return pid;
        }
    }

    private List<UUID> drain() {
        List<UUID> done = List.copyOf(pending);
        pending.clear();
        return done;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
