package dev.diligence.bench.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** The fund of a tenant with the given name and its holdings, read back from the database. */
public record ScaleFund(UUID id, int holdings) {

    public static ScaleFund read(Connection admin, UUID tenant, String name) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement("""
                select f.id, (select count(*) from holdings h where h.tenant_id = f.tenant_id and h.fund_id = f.id)
                from funds f where f.tenant_id = ? and f.name = ?""")) {
            statement.setObject(1, tenant);
            statement.setString(2, name);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("tenant " + tenant + " has no fund " + name);
                }
                return new ScaleFund(rows.getObject(1, UUID.class), rows.getInt(2));
            }
        }
    }
}
