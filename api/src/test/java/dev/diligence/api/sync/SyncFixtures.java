package dev.diligence.api.sync;

import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Inputs of syncDeals with valid defaults, calls, and reads of what a sync wrote (as the database administrator). */
public final class SyncFixtures {

    private static final TestDatabase DB = TestDatabase.get();

    private SyncFixtures() {}

    static Map<String, Object> aFund(String externalId, String name) {
        Map<String, Object> fund = new LinkedHashMap<>();
        fund.put("externalId", externalId);
        fund.put("name", name);
        fund.put("vintageYear", 2022);
        fund.put("strategy", "VENTURE_CAPITAL");
        fund.put("currency", "EUR");
        fund.put("targetSize", "250000000.00");
        return fund;
    }

    static Map<String, Object> aCompany(String externalId, String name) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("externalId", externalId);
        company.put("name", name);
        company.put("website", "https://" + externalId.toLowerCase() + ".example.com");
        company.put("sector", "HEALTHCARE");
        company.put("headquartersCountry", "DE");
        company.put("stage", "GROWTH");
        company.put("employeeCount", 120);
        company.put("description", "Clinical decision support.");
        return company;
    }

    static Map<String, Object> aHolding(
            String externalId, String fundExternalId, String companyExternalId, String dealStage) {
        Map<String, Object> holding = new LinkedHashMap<>();
        holding.put("externalId", externalId);
        holding.put("fundExternalId", fundExternalId);
        holding.put("companyExternalId", companyExternalId);
        holding.put("dealStage", dealStage);
        holding.put("ownershipPercentage", "12.5");
        holding.put("entryDate", "2024-03-01");
        return holding;
    }

    static Map<String, Object> with(Map<String, Object> item, String attribute, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(item);
        changed.put(attribute, value);
        return changed;
    }

    public static Map<String, Object> input(
            String source, String key, List<?> funds, List<?> companies, List<?> holdings) {
        Map<String, Object> input = new HashMap<>();
        input.put("source", source);
        input.put("idempotencyKey", key);
        input.put("funds", funds);
        input.put("companies", companies);
        input.put("holdings", holdings);
        return input;
    }

    static GraphQlTester.Response sync(GraphQlTester tester, Map<String, Object> input) {
        GraphQlTester.Response response =
                tester.documentName("syncDeals").variable("input", input).execute();
        response.errors().verify();
        return response;
    }

    static UUID tenantId(String tenantKey) {
        return uuids("select id from tenants where key = ?", tenantKey).get(0);
    }

    static List<UUID> uuids(String sql, Object... parameters) {
        List<UUID> out = new ArrayList<>();
        query(sql, parameters, rows -> out.add(rows.getObject(1, UUID.class)));
        return out;
    }

    static long number(String sql, Object... parameters) {
        List<Long> out = new ArrayList<>();
        query(sql, parameters, rows -> out.add(rows.getLong(1)));
        return out.get(0);
    }

    static List<String> texts(String sql, Object... parameters) {
        List<String> out = new ArrayList<>();
        query(sql, parameters, rows -> out.add(rows.getString(1)));
        return out;
    }

    static void execute(String sql, Object... parameters) {
        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement statement = admin.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private static void query(String sql, Object[] parameters, Row row) {
        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement statement = admin.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
