package dev.diligence.api.audit;

import dev.diligence.api.support.TestIssuer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Test data for audit tests: tokens with name and email, funds made through the API, events arranged in the database. */
final class AuditFixtures {

    private AuditFixtures() {}

    /** A token of a tenant admin of {@code tenantKey} with name and email claims. */
    static String tenantAdminToken(TestIssuer issuer, String subject, String tenantKey, String name, String email) {
        return issuer.token(
                subject,
                TestIssuer.AUDIENCE,
                Map.of(
                        "tenant", tenantKey,
                        "name", name,
                        "email", email,
                        "realm_access", Map.of("roles", List.of("tenant-admin"))));
    }

    /** Creates a fund and returns its global ID; fails the test when the mutation reports errors. */
    static String createFund(GraphQlTester admin, String name) {
        GraphQlTester.Response response = admin.documentName("createFund")
                .variable(
                        "input",
                        Map.of(
                                "name",
                                name,
                                "vintageYear",
                                2021,
                                "strategy",
                                "GROWTH_EQUITY",
                                "currency",
                                "USD",
                                "targetSize",
                                "500000000"))
                .execute();
        response.path("createFund.userErrors").entityList(Object.class).hasSize(0);
        return response.path("createFund.fund.id").entity(String.class).get();
    }

    /** Renames a fund of the given version; fails the test when the mutation reports errors. */
    static void renameFund(GraphQlTester admin, String id, long expectedVersion, String name) {
        admin.documentName("updateFund")
                .variable("input", Map.of("id", id, "expectedVersion", expectedVersion, "name", name))
                .execute()
                .path("updateFund.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    /** The events of the object with global ID {@code entityId}, newest first. */
    static GraphQlTester.Response eventsOf(GraphQlTester admin, String entityId) {
        return admin.documentName("auditEvents")
                .variable("first", 100)
                .variable("filter", Map.of("entityId", entityId))
                .execute();
    }

    /** Appends an event of a fund to the trail of {@code tenantKey} behind the application's back. */
    static void insertEvent(Connection admin, String tenantKey, String action, Instant occurredAt) throws SQLException {
        try (PreparedStatement insert = admin.prepareStatement("""
                insert into audit_events (tenant_id, id, actor, action, entity_type, entity_id, before, after, occurred_at, request_id)
                select t.id, ?, 'arranged', ?, 'Fund', ?, null, null, ?, null from tenants t where t.key = ?""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, action);
            insert.setObject(3, UUID.randomUUID());
            insert.setObject(4, occurredAt.atOffset(ZoneOffset.UTC));
            insert.setString(5, tenantKey);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("no tenant has the key " + tenantKey);
            }
        }
    }
}
