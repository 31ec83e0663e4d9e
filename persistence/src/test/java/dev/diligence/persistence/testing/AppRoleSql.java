package dev.diligence.persistence.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Plain SQL on a connection of the test database, such as the application role's, with the application out of the way. */
public final class AppRoleSql {

    private AppRoleSql() {
    }

    /** Sets the tenant of the current transaction, as the application does ({@code app.tenant_id}, transaction-local). */
    public static void setTenant(Connection connection, UUID tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            statement.setString(1, tenant.toString());
            statement.execute();
        }
    }

    /**
     * Sets the tenant and the fund scope of the current transaction in one statement, as the
     * application's transaction manager does; an empty {@code fundScopeSubject} means tenant-wide.
     */
    public static void setTenantAndFundScope(Connection connection, UUID tenant, String fundScopeSubject) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('app.tenant_id', ?, true), set_config('app.fund_scope_subject', ?, true)")) {
            statement.setString(1, tenant.toString());
            statement.setString(2, fundScopeSubject);
            statement.execute();
        }
    }

    /** The single number that {@code sql} (a {@code select count(*) ...}) returns. */
    public static long count(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The UUIDs in the first column of every row {@code sql} returns. */
    public static List<UUID> uuids(Connection connection, String sql) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    public static void execute(Connection connection, String sql) throws SQLException {
        connection.createStatement().execute(sql);
    }
}
