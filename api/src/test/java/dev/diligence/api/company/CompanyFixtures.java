package dev.diligence.api.company;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Test data for company and holding tests: valid inputs by default, changed where a test says so,
 * and one-line arrangements (a company, a fund, a holding) that fail the test when the mutation
 * reports user errors.
 */
public final class CompanyFixtures {

    private CompanyFixtures() {}

    /** A valid createCompany input; {@code overrides} replace or add fields. */
    public static Map<String, Object> aCompanyInput(String name, Object... overrides) {
        Map<String, Object> input = new HashMap<>(Map.of(
                "name", name,
                "website", "https://example.com",
                "sector", "ENTERPRISE_SOFTWARE",
                "headquartersCountry", "DE",
                "stage", "EARLY"));
        putAll(input, overrides);
        return input;
    }

    /** Creates a company and returns its global ID. */
    public static String createCompany(GraphQlTester tester, Map<String, Object> input) {
        GraphQlTester.Response response =
                tester.documentName("createCompany").variable("input", input).execute();
        response.path("createCompany.userErrors").entityList(Object.class).hasSize(0);
        return response.path("createCompany.company.id").entity(String.class).get();
    }

    public static String createCompany(GraphQlTester tester, String name) {
        return createCompany(tester, aCompanyInput(name));
    }

    /** Creates a fund and returns its global ID. */
    public static String createFund(GraphQlTester admin, String name) {
        GraphQlTester.Response response = admin.documentName("createFund")
                .variable(
                        "input",
                        Map.of("name", name, "vintageYear", 2021, "strategy", "VENTURE_CAPITAL", "currency", "USD"))
                .execute();
        response.path("createFund.userErrors").entityList(Object.class).hasSize(0);
        return response.path("createFund.fund.id").entity(String.class).get();
    }

    /** Archives a fund (whatever its version). */
    public static void archiveFund(GraphQlTester admin, String fundId) {
        admin.documentName("archiveFund")
                .variable("input", Map.of("id", fundId))
                .execute()
                .path("archiveFund.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    /** Archives a company (whatever its version). */
    public static void archiveCompany(GraphQlTester tester, String companyId) {
        tester.documentName("archiveCompany")
                .variable("input", Map.of("id", companyId))
                .execute()
                .path("archiveCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    /** A valid addHolding input; {@code overrides} replace or add fields. */
    public static Map<String, Object> aHoldingInput(String fundId, String companyId, Object... overrides) {
        Map<String, Object> input =
                new HashMap<>(Map.of("fundId", fundId, "companyId", companyId, "dealStage", "SOURCED"));
        putAll(input, overrides);
        return input;
    }

    /** Adds a company to a fund and returns the holding's global ID. */
    public static String addHolding(GraphQlTester admin, Map<String, Object> input) {
        GraphQlTester.Response response =
                admin.documentName("addHolding").variable("input", input).execute();
        response.path("addHolding.userErrors").entityList(Object.class).hasSize(0);
        return response.path("addHolding.holding.id").entity(String.class).get();
    }

    public static String addHolding(GraphQlTester admin, String fundId, String companyId, String dealStage) {
        return addHolding(admin, aHoldingInput(fundId, companyId, "dealStage", dealStage));
    }

    /** Grants {@code subject} (a fund manager) access to the fund. */
    public static void grantFund(GraphQlTester admin, String fundId, String subject) {
        admin.document(
                        "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { userErrors { field } } }")
                .variable("f", fundId)
                .variable("s", subject)
                .execute()
                .path("grantFundAccess.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    /** The funds and companies of {@link #twoFundsOneGranted}, by global ID. */
    public record TwoFunds(String granted, String other, String inGranted, String inOther) {}

    /**
     * Two new funds of the firm, "Granted Fund", granted to {@code fundManager} (a subject), and "Other
     * Fund"; each holds one new company, in DILIGENCE, named {@code inGranted} and {@code inOther}.
     */
    public static TwoFunds twoFundsOneGranted(
            GraphQlTester admin, String fundManager, String inGranted, String inOther) {
        TwoFunds funds = new TwoFunds(
                createFund(admin, "Granted Fund"),
                createFund(admin, "Other Fund"),
                createCompany(admin, inGranted),
                createCompany(admin, inOther));
        addHolding(admin, funds.granted(), funds.inGranted(), "DILIGENCE");
        addHolding(admin, funds.other(), funds.inOther(), "DILIGENCE");
        grantFund(admin, funds.granted(), fundManager);
        return funds;
    }

    /** An external reference input. */
    public static Map<String, Object> reference(String source, String externalId) {
        return Map.of("source", source, "externalId", externalId);
    }

    /** A list of external reference inputs, e.g. {@code references("dealcloud", "1", "salesforce", "2")}. */
    public static List<Map<String, Object>> references(String... sourcesAndIds) {
        List<Map<String, Object>> references = new ArrayList<>();
        for (int i = 0; i < sourcesAndIds.length; i += 2) {
            references.add(reference(sourcesAndIds[i], sourcesAndIds[i + 1]));
        }
        return references;
    }

    /** A mutable map of the given keys and values (values may be null). */
    public static Map<String, Object> input(Object... keysAndValues) {
        Map<String, Object> input = new HashMap<>();
        putAll(input, keysAndValues);
        return input;
    }

    /** A short random suffix that keeps names and external IDs of one test apart from others'. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void putAll(Map<String, Object> input, Object... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            input.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
    }
}
