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

    private AppRoleSql() {}

    /**
     * Makes the current transaction one of {@code tenant}, tenant-wide, as the application's
     * transaction manager does for a caller who is not fund-scoped (transaction-local settings).
     */
    public static void setTenant(Connection connection, UUID tenant) throws SQLException {
        setTenantAndFundScope(connection, tenant, "false", "");
    }

    /**
     * Makes the current transaction one of {@code tenant} that reads only the funds granted to
     * {@code fundScopeSubject}, as the application's transaction manager does for a fund manager.
     */
    public static void setTenantAndFundScope(Connection connection, UUID tenant, String fundScopeSubject)
            throws SQLException {
        setTenantAndFundScope(connection, tenant, "true", fundScopeSubject);
    }

    private static void setTenantAndFundScope(
            Connection connection, UUID tenant, String fundScoped, String fundScopeSubject) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('app.tenant_id', ?, true),"
                + " set_config('app.fund_scoped', ?, true), set_config('app.fund_scope_subject', ?, true)")) {
            statement.setString(1, tenant.toString());
            statement.setString(2, fundScoped);
            statement.setString(3, fundScopeSubject);
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
