package dev.diligence.api.framework;

import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Test data for framework derivations: valid weight changes of version 1 by default, derivations
 * through the API that fail the test on user errors, and what a firm stored, read behind the
 * application's back.
 */
public final class FrameworkFixtures {

    private FrameworkFixtures() {}

    /**
     * Valid weight changes of version 1, as {@code FrameworkWeightInput}s with the weights as strings
     * (every digit kept): dimensions 0.25 each, D1's criteria 0.3 / 0.3000 / 0.4.
     */
    public static List<Map<String, Object>> evenDimensionWeights() {
        return weights(
                "D1", "0.25", "D2", "0.25", "D3", "0.25", "D4", "0.25", "C1.1", "0.3", "C1.2", "0.3000", "C1.3", "0.4");
    }

    /** {@code FrameworkWeightInput}s from alternating codes and weights. */
    public static List<Map<String, Object>> weights(String... codesAndWeights) {
        List<Map<String, Object>> weights = new ArrayList<>();
        for (int i = 0; i < codesAndWeights.length; i += 2) {
            Map<String, Object> weight = new LinkedHashMap<>();
            weight.put("code", codesAndWeights[i]);
            weight.put("weight", codesAndWeights[i + 1]);
            weights.add(weight);
        }
        return weights;
    }

    public static Map<String, Object> deriveInput(int baseVersion, List<Map<String, Object>> weights) {
        return Map.of("baseVersion", baseVersion, "weights", weights);
    }

    /** Derives a version of the caller's firm from version 1 and returns its number. */
    public static int deriveFromVersionOne(GraphQlTester tenantAdmin) {
        GraphQlTester.Response response = tenantAdmin
                .documentName("deriveFrameworkVersion")
                .variable("input", deriveInput(1, evenDimensionWeights()))
                .execute();
        response.path("deriveFrameworkVersion.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        return response.path("deriveFrameworkVersion.framework.version")
                .entity(Integer.class)
                .get();
    }

    /** The version numbers {@code reader} gets from {@code frameworks}. */
    public static List<Integer> versionsSeenBy(GraphQlTester reader) {
        return reader.documentName("frameworkVersions")
                .execute()
                .path("frameworks[*].version")
                .entityList(Integer.class)
                .get();
    }

    /** How many framework versions the firm {@code tenantKey} has stored, read as a superuser. */
    public static long storedVersionsOf(String tenantKey) {
        return countOf(
                tenantKey,
                "select count(*) from framework_versions where tenant_id = (select id from tenants where key = ?)");
    }

    /** How many framework weights the firm {@code tenantKey} has stored, read as a superuser. */
    public static long storedWeightsOf(String tenantKey) {
        return countOf(
                tenantKey,
                "select count(*) from framework_version_weights where tenant_id = (select id from tenants where key = ?)");
    }

    /** How many audit events of framework versions the firm {@code tenantKey} has, read as a superuser. */
    public static long frameworkAuditEventsOf(String tenantKey) {
        return countOf(tenantKey, """
                select count(*) from audit_events
                where tenant_id = (select id from tenants where key = ?) and entity_type = 'FrameworkVersion'""");
    }

    private static long countOf(String tenantKey, String sql) {
        try (Connection admin = TestDatabase.get().connectAsAdmin();
                PreparedStatement query = admin.prepareStatement(sql)) {
            query.setString(1, tenantKey);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
