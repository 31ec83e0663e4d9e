package dev.diligence.persistence.provisioning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the roles and the database of a deployment, idempotently, through a connection of an
 * administrator (a superuser or a role with CREATEROLE and CREATEDB). Used by the embedded mode and
 * by the integration tests; production databases are prepared the same way by their administrators
 * (see docker/postgres/init-roles.sh).
 *
 * <p>Roles are cluster-wide: running this again, even from another process, keeps one role of each
 * name and resets its attributes and password.
 */
public final class DatabaseProvisioner {

    private final Connection admin;

    public DatabaseProvisioner(Connection admin) {
        this.admin = admin;
    }

    /** Ensures both roles exist with exactly the attributes the security model needs. */
    public void ensureRoles(DatabaseRoles roles) throws SQLException {
        ensureLoginRole(roles.owner(), roles.ownerPassword());
        ensureLoginRole(roles.app(), roles.appPassword());
        execute("revoke " + roles.owner() + " from " + roles.app());
    }

    /** Ensures {@code database} exists, is owned by the owner role and accepts the app role's connections. */
    public void ensureDatabase(String database, DatabaseRoles roles) throws SQLException {
        DatabaseRoles.requireRoleName(database);
        if (!exists("select 1 from pg_database where datname = ?", database)) {
            execute("create database " + database + " owner " + roles.owner());
        }
        execute("revoke all on database " + database + " from public");
        execute("grant connect, temporary on database " + database + " to " + roles.app());
    }

    /** Drops {@code database}, disconnecting its sessions; for throw-away test databases. */
    public void dropDatabase(String database) throws SQLException {
        DatabaseRoles.requireRoleName(database);
        execute("drop database if exists " + database + " with (force)");
    }

    private void ensureLoginRole(String role, String password) throws SQLException {
        if (!exists("select 1 from pg_roles where rolname = ?", role)) {
            try {
                execute("create role " + role);
            } catch (SQLException e) {
                // another process created it in the meantime: fine, the attributes are set below
                if (!"42710".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        execute("alter role " + role
                + " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit" + " password "
                + quote(password));
    }

    private boolean exists(String sql, String name) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String quote(String literal) {
        return "'" + literal.replace("'", "''") + "'";
    }
}
