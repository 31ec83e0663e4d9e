package dev.diligence.api.company;

import static dev.diligence.api.company.CompanyFixtures.aCompanyInput;
import static dev.diligence.api.company.CompanyFixtures.aHoldingInput;
import static dev.diligence.api.company.CompanyFixtures.addHolding;
import static dev.diligence.api.company.CompanyFixtures.createCompany;
import static dev.diligence.api.company.CompanyFixtures.createFund;
import static dev.diligence.api.company.CompanyFixtures.input;
import static dev.diligence.api.company.CompanyFixtures.references;
import static dev.diligence.api.company.CompanyFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.support.ApiIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A token of tenant A never reads, counts, filters, pages to or changes tenant B's companies and
 * holdings, and gets the same answer for B's IDs as for IDs of nothing at all. After every test,
 * B's rows are as B left them (checked in the database, behind the application's back).
 */
class CompanyHoldingIsolationIT extends ApiIntegrationTest {

    private static String tenantA;
    private static String tenantB;

    private GraphQlTester adminA;
    private GraphQlTester adminB;
    private String suffix;
    private String fundOfA;
    private String companyOfA;
    private String fundOfB;
    private String companyOfB;
    private String holdingOfB;
    private String referenceOfB;
    private Snapshot bBefore;

    @BeforeAll
    static void twoTenants() {
        tenantA = newTenant("iso-co-a");
        tenantB = newTenant("iso-co-b");
    }

    @BeforeEach
    void companiesAndHoldingsInBothTenants() {
        adminA = graphQl(usersOf(tenantA).tenantAdmin());
        adminB = graphQl(usersOf(tenantB).tenantAdmin());
        suffix = unique();
        fundOfA = createFund(adminA, "Alpha Fund " + suffix);
        companyOfA = createCompany(adminA, aCompanyInput("Alpha Co " + suffix, "sector", "HEALTHCARE"));
        addHolding(adminA, fundOfA, companyOfA, "DILIGENCE");

        referenceOfB = "shared-" + suffix;
        fundOfB = createFund(adminB, "Bravo Secret Fund " + suffix);
        companyOfB = createCompany(
                adminB,
                aCompanyInput(
                        "Bravo Secret Co " + suffix,
                        "sector",
                        "HEALTHCARE",
                        "externalReferences",
                        references("dealcloud", referenceOfB)));
        holdingOfB = addHolding(
                adminB, aHoldingInput(fundOfB, companyOfB, "dealStage", "DILIGENCE", "ownershipPercentage", "7.5"));
        bBefore = snapshotOfB();
    }

    @AfterEach
    void tenantBsRowsAreUnchanged() {
        assertThat(snapshotOfB()).as("tenant B's rows after the test").isEqualTo(bBefore);
    }

    @Test
    void listsAndCountsOnlyTheCallersCompanies() {
        List<String> namesSeenByA = allCompanyNames(adminA, null);
        assertThat(namesSeenByA)
                .isNotEmpty()
                .contains("Alpha Co " + suffix)
                .noneMatch(name -> name.startsWith("Bravo"));
        long countOfA = adminA.documentName("companyNames")
                .variable("first", 0)
                .execute()
                .path("companies.totalCount")
                .entity(Long.class)
                .get();
        assertThat(countOfA).isEqualTo(namesSeenByA.size()).isEqualTo(rowsOfTenant("companies", tenantA));
    }

    @Test
    void aCursorOfAnotherTenantPagesOnlyThroughTheCallersCompanies() {
        String cursorOfB = adminB.documentName("companyNames")
                .variable("first", 1)
                .execute()
                .path("companies.pageInfo.endCursor")
                .entity(String.class)
                .get();
        List<String> names = adminA.documentName("companyNames")
                .variable("first", 100)
                .variable("after", cursorOfB)
                .execute()
                .path("companies.nodes[*].name")
                .entityList(String.class)
                .get();
        assertThat(names).noneMatch(name -> name.startsWith("Bravo"));
    }

    @Test
    void filtersNeverReachAnotherTenant() {
        for (Map<String, Object> filter : List.<Map<String, Object>>of(
                Map.of("nameContains", "Bravo Secret"),
                Map.of("nameContains", suffix, "sector", "HEALTHCARE", "dealStage", "DILIGENCE", "archived", false),
                Map.of("fundId", fundOfB),
                Map.of("fundId", fundOfB, "dealStage", "DILIGENCE"))) {
            assertThat(allCompanyNames(adminA, filter))
                    .as("companies matching %s", filter)
                    .noneMatch(name -> name.startsWith("Bravo"));
        }
        assertThat(companyNamesMatching(Map.of("fundId", fundOfB)))
                .isEqualTo(companyNamesMatching(Map.of("fundId", randomId("Fund"))))
                .isEmpty();
        assertThat(allCompanyNames(adminA, Map.of("nameContains", suffix, "dealStage", "DILIGENCE")))
                .containsExactly("Alpha Co " + suffix);
    }

    @Test
    void anotherTenantsCompanyIsNotFoundExactlyLikeANonexistentOne() {
        String nonexistent = randomId("Company");
        for (String id : List.of(companyOfB, nonexistent)) {
            adminA.documentName("company")
                    .variable("id", id)
                    .execute()
                    .path("company")
                    .valueIsNull();
            adminA.documentName("companyNode")
                    .variable("id", id)
                    .execute()
                    .path("node")
                    .valueIsNull();
            adminA.documentName("companyHoldings")
                    .variable("id", id)
                    .execute()
                    .path("company")
                    .valueIsNull();
        }
        adminB.documentName("company")
                .variable("id", companyOfB)
                .execute()
                .path("company.id")
                .entity(String.class)
                .isEqualTo(companyOfB);
    }

    @Test
    void anotherTenantsHoldingsAreNotFoundExactlyLikeNonexistentOnes() {
        for (String id : List.of(holdingOfB, randomId("Holding"))) {
            adminA.documentName("holdingNode")
                    .variable("id", id)
                    .execute()
                    .path("node")
                    .valueIsNull();
        }
        for (String id : List.of(fundOfB, randomId("Fund"))) {
            adminA.documentName("fundHoldings")
                    .variable("id", id)
                    .execute()
                    .path("fund")
                    .valueIsNull();
        }
        adminA.documentName("fundHoldings")
                .variable("id", fundOfA)
                .execute()
                .path("fund.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(1L)
                .path("fund.holdings.nodes[*].company.name")
                .entityList(String.class)
                .containsExactly("Alpha Co " + suffix);
        adminB.documentName("holdingNode")
                .variable("id", holdingOfB)
                .execute()
                .path("node.company.name")
                .entity(String.class)
                .isEqualTo("Bravo Secret Co " + suffix);
    }

    @Test
    void anotherTenantsCompanyCannotBeChangedAndTheAnswerMatchesANonexistentCompany() {
        String nonexistent = randomId("Company");
        assertSameAnswerAndNotFound(
                "updateCompany",
                input("id", companyOfB, "expectedVersion", 0, "name", "Hijacked"),
                input("id", nonexistent, "expectedVersion", 0, "name", "Hijacked"));
        assertSameAnswerAndNotFound("archiveCompany", input("id", companyOfB), input("id", nonexistent));
        assertSameAnswerAndNotFound(
                "archiveCompany",
                input("id", companyOfB, "expectedVersion", 0),
                input("id", nonexistent, "expectedVersion", 0));
    }

    @Test
    void anotherTenantsHoldingCannotBeChangedOrRemovedAndTheAnswerMatchesANonexistentHolding() {
        String nonexistent = randomId("Holding");
        assertSameAnswerAndNotFound(
                "updateHolding",
                input("id", holdingOfB, "expectedVersion", 0, "dealStage", "PASSED"),
                input("id", nonexistent, "expectedVersion", 0, "dealStage", "PASSED"));
        assertSameAnswerAndNotFound(
                "removeHolding",
                input("id", holdingOfB, "expectedVersion", 0),
                input("id", nonexistent, "expectedVersion", 0));
    }

    @Test
    void anotherTenantsCompanyCannotJoinTheCallersFund() {
        Object withB = assertSameAnswerAndNotFound(
                "addHolding", aHoldingInput(fundOfA, companyOfB), aHoldingInput(fundOfA, randomId("Company")));
        assertThat(withB.toString()).contains("companyId");
        adminA.documentName("fundHoldings")
                .variable("id", fundOfA)
                .execute()
                .path("fund.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(1L);
    }

    @Test
    void theCallersCompanyCannotJoinAnotherTenantsFund() {
        String otherCompanyOfA = createCompany(adminA, "Alpha Other Co " + suffix);
        Object withB = assertSameAnswerAndNotFound(
                "addHolding",
                aHoldingInput(fundOfB, otherCompanyOfA),
                aHoldingInput(randomId("Fund"), otherCompanyOfA));
        assertThat(withB.toString()).contains("fundId");
        adminA.documentName("companyHoldings")
                .variable("id", otherCompanyOfA)
                .execute()
                .path("company.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(0L);
    }

    @Test
    void externalReferencesAreUniquePerTenantOnly() {
        adminB.documentName("createCompany")
                .variable(
                        "input",
                        aCompanyInput(
                                "Bravo Other " + suffix,
                                "externalReferences",
                                references("salesforce", "sf-" + suffix)))
                .execute()
                .path("createCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        bBefore = snapshotOfB();

        String sameReferenceInA = createCompany(
                adminA,
                aCompanyInput("Alpha Twin " + suffix, "externalReferences", references("dealcloud", referenceOfB)));
        assertThat(sameReferenceInA).isNotEqualTo(companyOfB);
        adminA.documentName("updateCompany")
                .variable(
                        "input",
                        input(
                                "id",
                                companyOfA,
                                "expectedVersion",
                                0,
                                "externalReferences",
                                references("salesforce", "sf-" + suffix)))
                .execute()
                .path("updateCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("updateCompany.company.externalReferences[*].externalId")
                .entityList(String.class)
                .containsExactly("sf-" + suffix);
    }

    /**
     * Runs {@code mutation} with B's ID and with an ID of nothing; both payloads are equal and
     * report NOT_FOUND. Returns the payload.
     */
    private Object assertSameAnswerAndNotFound(
            String mutation, Map<String, Object> withIdOfB, Map<String, Object> withIdOfNothing) {
        Object answerForB = adminA.documentName(mutation)
                .variable("input", withIdOfB)
                .execute()
                .path(mutation)
                .entity(Object.class)
                .get();
        Object answerForNothing = adminA.documentName(mutation)
                .variable("input", withIdOfNothing)
                .execute()
                .path(mutation)
                .entity(Object.class)
                .get();
        assertThat(answerForB).as("%s of tenant B's object", mutation).isEqualTo(answerForNothing);
        assertThat(answerForB.toString())
                .as("%s of tenant B's object", mutation)
                .contains("NOT_FOUND");
        return answerForB;
    }

    private List<String> companyNamesMatching(Map<String, Object> filter) {
        return adminA.documentName("companyNames")
                .variable("first", 100)
                .variable("filter", filter)
                .execute()
                .path("companies.nodes[*].name")
                .entityList(String.class)
                .get();
    }

    /** Every company name {@code tester} can page through, 2 at a time, forwards. */
    private static List<String> allCompanyNames(GraphQlTester tester, Map<String, Object> filter) {
        List<String> names = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Request<?> request =
                    tester.documentName("companyNames").variable("first", 2).variable("after", after);
            if (filter != null) {
                request.variable("filter", filter);
            }
            GraphQlTester.Response page = request.execute();
            names.addAll(page.path("companies.nodes[*].name")
                    .entityList(String.class)
                    .get());
            more = page.path("companies.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get();
            if (more) {
                after = page.path("companies.pageInfo.endCursor")
                        .entity(String.class)
                        .get();
            }
        }
        return names;
    }

    private static String randomId(String type) {
        return GlobalId.encode(type, UUID.randomUUID());
    }

    /** Tenant B's companies, references, funds and holdings, row by row. */
    private record Snapshot(
            List<String> companies, List<String> references, List<String> funds, List<String> holdings) {}

    private static Snapshot snapshotOfB() {
        return new Snapshot(
                rows(
                        "select id, name, sector, headquarters_country, stage, archived, version, updated_at from companies",
                        tenantB),
                rows("select company_id, source, external_id from company_references", tenantB),
                rows("select id, name, status, version, updated_at from funds", tenantB),
                rows(
                        "select id, fund_id, company_id, deal_stage, ownership_percentage, exit_date, version, updated_at from holdings",
                        tenantB));
    }

    /** The rows of {@code select} (over one table) that belong to the tenant, as text, in a stable order. */
    private static List<String> rows(String select, String tenantKey) {
        String sql = select + " where tenant_id = (select id from tenants where key = ?) order by 1, 2";
        return query(sql, tenantKey, result -> {
            try {
                List<String> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(result.getMetaData().getColumnName(i))
                                .append('=')
                                .append(result.getString(i))
                                .append(' ');
                    }
                    rows.add(row.toString());
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static long rowsOfTenant(String table, String tenantKey) {
        return query(
                "select count(*) from " + table + " where tenant_id = (select id from tenants where key = ?)",
                tenantKey,
                result -> {
                    try {
                        result.next();
                        return result.getLong(1);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private static <T> T query(String sql, String tenantKey, Function<ResultSet, T> read) {
        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement statement = admin.prepareStatement(sql)) {
            statement.setString(1, tenantKey);
            try (ResultSet result = statement.executeQuery()) {
                return read.apply(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
