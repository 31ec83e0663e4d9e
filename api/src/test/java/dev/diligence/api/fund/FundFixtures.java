package dev.diligence.api.fund;

import java.util.HashMap;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Test data for fund tests: valid inputs by default, changed where a test says so. */
final class FundFixtures {

    private FundFixtures() {}

    /** A valid createFund input; {@code overrides} replace or add fields. */
    static Map<String, Object> aFundInput(String name, Object... overrides) {
        Map<String, Object> input = new HashMap<>(Map.of(
                "name", name,
                "vintageYear", 2021,
                "strategy", "GROWTH_EQUITY",
                "currency", "USD",
                "targetSize", "500000000"));
        for (int i = 0; i < overrides.length; i += 2) {
            input.put((String) overrides[i], overrides[i + 1]);
        }
        return input;
    }

    /** Creates a fund and returns its global ID; fails the test when the mutation reports errors. */
    static String createFund(GraphQlTester admin, Map<String, Object> input) {
        GraphQlTester.Response response =
                admin.documentName("createFund").variable("input", input).execute();
        response.path("createFund.userErrors").entityList(Object.class).hasSize(0);
        return response.path("createFund.fund.id").entity(String.class).get();
    }

    static String createFund(GraphQlTester admin, String name) {
        return createFund(admin, aFundInput(name));
    }

    static Map<String, Object> input(Object... keysAndValues) {
        Map<String, Object> input = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            input.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return input;
    }
}
