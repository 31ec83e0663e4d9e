package dev.diligence.persistence.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Arranges tenants and funds straight in the database, as a superuser, behind the application's back. */
public final class TenantRows {

    private TenantRows() {}

    public static UUID insertTenant(Connection admin, String key) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = admin.prepareStatement(
                "insert into tenants (id, key, name, status, created_at, updated_at) values (?, ?, ?, 'ACTIVE', now(), now())")) {
            insert.setObject(1, id);
            insert.setString(2, key);
            insert.setString(3, "Tenant " + key);
            insert.executeUpdate();
        }
        return id;
    }

    public static UUID insertFund(Connection admin, UUID tenantId, String name) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = admin.prepareStatement("""
                insert into funds (tenant_id, id, name, vintage_year, strategy, currency, target_size, status, version, created_at, updated_at)
                values (?, ?, ?, 2020, 'BUYOUT', 'USD', 1000000, 'ACTIVE', 0, ?, ?)""")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setObject(1, tenantId);
            insert.setObject(2, id);
            insert.setString(3, name);
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
        }
        return id;
    }

    /** A company of {@code tenant} with valid defaults; returns its id. */
    public static UUID insertCompany(Connection admin, UUID tenant, String name) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = admin.prepareStatement("""
                insert into companies (tenant_id, id, name, sector, headquarters_country, stage, archived, version, created_at, updated_at)
                values (?, ?, ?, 'OTHER', 'DE', 'EARLY', false, 0, now(), now())""")) {
            insert.setObject(1, tenant);
            insert.setObject(2, id);
            insert.setString(3, name);
            insert.executeUpdate();
        }
        return id;
    }

    /** {@code company} held by {@code fund} in {@code dealStage}; returns the holding's id. */
    public static UUID insertHolding(Connection admin, UUID tenant, UUID fund, UUID company, String dealStage)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = admin.prepareStatement("""
                insert into holdings (tenant_id, id, fund_id, company_id, deal_stage, version, created_at, updated_at)
                values (?, ?, ?, ?, ?, 0, clock_timestamp(), clock_timestamp())""")) {
            insert.setObject(1, tenant);
            insert.setObject(2, id);
            insert.setObject(3, fund);
            insert.setObject(4, company);
            insert.setString(5, dealStage);
            insert.executeUpdate();
        }
        return id;
    }

    /** A tenant key no other test uses. */
    public static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
