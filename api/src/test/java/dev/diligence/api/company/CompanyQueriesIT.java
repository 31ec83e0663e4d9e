package dev.diligence.api.company;

import static dev.diligence.api.company.CompanyFixtures.aCompanyInput;
import static dev.diligence.api.company.CompanyFixtures.addHolding;
import static dev.diligence.api.company.CompanyFixtures.archiveCompany;
import static dev.diligence.api.company.CompanyFixtures.createCompany;
import static dev.diligence.api.company.CompanyFixtures.createFund;
import static dev.diligence.api.support.ConnectionAssertions.assertBadRequest;
import static dev.diligence.api.support.ConnectionAssertions.endCursor;
import static dev.diligence.api.support.ConnectionAssertions.startCursor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.ConnectionAssertions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Keyset pagination, orderings and filters of {@code companies}, and lookups by ID. The firm holds
 * seven companies (one archived) and two funds:
 * <pre>
 * name  sector              stage   country  fund A     fund B
 * C01   FINANCIAL_SERVICES  SEED    DE       SOURCED
 * C02   HEALTHCARE          EARLY   US       DILIGENCE
 * C03   FINANCIAL_SERVICES  GROWTH  GB       INVESTED   DILIGENCE
 * C04   INSURANCE           GROWTH  DE                  INVESTED
 * C05   HEALTHCARE          LATE    FR                  PASSED
 * C06   OTHER               PUBLIC  US       (archived)
 * C07   FINANCIAL_SERVICES  SEED    US
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyQueriesIT extends ApiIntegrationTest {

    private static final List<String> NAMES = List.of("C01", "C02", "C03", "C04", "C05", "C06", "C07");

    private GraphQlTester reader;
    private final Map<String, String> ids = new HashMap<>();
    private String fundA;
    private String fundB;

    @BeforeAll
    void sevenCompaniesInTwoFunds() {
        String tenant = newTenant("company-query");
        GraphQlTester admin = graphQl(usersOf(tenant).tenantAdmin());
        reader = graphQl(usersOf(tenant).reviewer());
        Map<String, Object[]> attributes = Map.of(
                "C01", new Object[] {"FINANCIAL_SERVICES", "SEED", "DE"},
                "C02", new Object[] {"HEALTHCARE", "EARLY", "US"},
                "C03", new Object[] {"FINANCIAL_SERVICES", "GROWTH", "GB"},
                "C04", new Object[] {"INSURANCE", "GROWTH", "DE"},
                "C05", new Object[] {"HEALTHCARE", "LATE", "FR"},
                "C06", new Object[] {"OTHER", "PUBLIC", "US"},
                "C07", new Object[] {"FINANCIAL_SERVICES", "SEED", "US"});
        // created out of name order, so that name and creation order differ
        for (String name : List.of("C04", "C01", "C07", "C03", "C06", "C02", "C05")) {
            Object[] a = attributes.get(name);
            ids.put(
                    name,
                    createCompany(
                            admin, aCompanyInput(name, "sector", a[0], "stage", a[1], "headquartersCountry", a[2])));
        }
        fundA = createFund(admin, "Fund A");
        fundB = createFund(admin, "Fund B");
        addHolding(admin, fundA, ids.get("C01"), "SOURCED");
        addHolding(admin, fundA, ids.get("C02"), "DILIGENCE");
        addHolding(admin, fundA, ids.get("C03"), "INVESTED");
        addHolding(admin, fundB, ids.get("C03"), "DILIGENCE");
        addHolding(admin, fundB, ids.get("C04"), "INVESTED");
        addHolding(admin, fundB, ids.get("C05"), "PASSED");
        archiveCompany(admin, ids.get("C06"));
    }

    @Test
    void pagesForwardsByNameWithoutGapsOrRepeats() {
        GraphQlTester.Response first = names(Map.of("first", 3));
        assertPage(first, List.of("C01", "C02", "C03"), true, false);
        GraphQlTester.Response second = names(Map.of("first", 3, "after", endCursor(first, "companies")));
        assertPage(second, List.of("C04", "C05", "C06"), true, true);
        GraphQlTester.Response third = names(Map.of("first", 3, "after", endCursor(second, "companies")));
        assertPage(third, List.of("C07"), false, true);
    }

    @Test
    void pagesBackwardsFromTheEnd() {
        GraphQlTester.Response last = names(Map.of("last", 3));
        assertPage(last, List.of("C05", "C06", "C07"), false, true);
        GraphQlTester.Response before = names(Map.of("last", 3, "before", startCursor(last, "companies")));
        assertPage(before, List.of("C02", "C03", "C04"), true, true);
        GraphQlTester.Response first = names(Map.of("last", 3, "before", startCursor(before, "companies")));
        assertPage(first, List.of("C01"), true, false);
    }

    @Test
    void everyPageCountsTheWholeList() {
        names(Map.of("first", 2))
                .path("companies.totalCount")
                .entity(Long.class)
                .isEqualTo(7L);
        reader.documentName("companies")
                .variable("first", 0)
                .execute()
                .path("companies.edges")
                .entityList(Object.class)
                .hasSize(0)
                .path("companies.pageInfo.startCursor")
                .valueIsNull()
                .path("companies.totalCount")
                .entity(Long.class)
                .isEqualTo(7L);
    }

    @Test
    void ordersByNameDescendingAndByCreationTime() {
        names(Map.of("first", 7, "orderBy", order("NAME", "DESC")))
                .path("companies.nodes[*].name")
                .entityList(String.class)
                .containsExactly("C07", "C06", "C05", "C04", "C03", "C02", "C01");
        GraphQlTester.Response byCreation = names(Map.of("first", 4, "orderBy", order("CREATED_AT", "ASC")));
        byCreation.path("companies.nodes[*].name").entityList(String.class).containsExactly("C04", "C01", "C07", "C03");
        names(Map.of("first", 4, "after", endCursor(byCreation, "companies"), "orderBy", order("CREATED_AT", "ASC")))
                .path("companies.nodes[*].name")
                .entityList(String.class)
                .containsExactly("C06", "C02", "C05");
        names(Map.of("last", 2, "orderBy", order("CREATED_AT", "DESC")))
                .path("companies.nodes[*].name")
                .entityList(String.class)
                .containsExactly("C01", "C04");
    }

    @Test
    void ordersByTimeOfTheLastChange() {
        // C06 was archived after every company had been created
        names(Map.of("first", 7, "orderBy", order("UPDATED_AT", "ASC")))
                .path("companies.nodes[*].name")
                .entityList(String.class)
                .containsExactly("C04", "C01", "C07", "C03", "C02", "C05", "C06");
        GraphQlTester.Response newest = names(Map.of("first", 2, "orderBy", order("UPDATED_AT", "DESC")));
        newest.path("companies.nodes[*].name").entityList(String.class).containsExactly("C06", "C05");
        names(Map.of("first", 2, "after", endCursor(newest, "companies"), "orderBy", order("UPDATED_AT", "DESC")))
                .path("companies.nodes[*].name")
                .entityList(String.class)
                .containsExactly("C02", "C03");
    }

    @Test
    void nameFilterIsCaseInsensitiveAndTakesWildcardsLiterally() {
        assertFiltered(Map.of("nameContains", "c0"), NAMES.toArray(String[]::new));
        assertFiltered(Map.of("nameContains", "05"), "C05");
        assertFiltered(Map.of("nameContains", "%"));
        assertFiltered(Map.of("nameContains", "C_1"));
        assertFiltered(Map.of("nameContains", "\\"));
        assertFiltered(Map.of("nameContains", "C0\\1"));
    }

    @Test
    void filtersBySector() {
        assertFiltered(Map.of("sector", "FINANCIAL_SERVICES"), "C01", "C03", "C07");
        assertFiltered(Map.of("sector", "HEALTHCARE"), "C02", "C05");
        assertFiltered(Map.of("sector", "EDUCATION"));
    }

    @Test
    void filtersByStage() {
        assertFiltered(Map.of("stage", "GROWTH"), "C03", "C04");
        assertFiltered(Map.of("stage", "PUBLIC"), "C06");
    }

    @Test
    void filtersByHeadquartersCountryGivenInAnyCase() {
        assertFiltered(Map.of("headquartersCountry", "US"), "C02", "C06", "C07");
        assertFiltered(Map.of("headquartersCountry", "us"), "C02", "C06", "C07");
        assertFiltered(Map.of("headquartersCountry", "De"), "C01", "C04");
        assertFiltered(Map.of("headquartersCountry", "JP"));
    }

    @Test
    void filtersByArchivedState() {
        assertFiltered(Map.of("archived", true), "C06");
        assertFiltered(Map.of("archived", false), "C01", "C02", "C03", "C04", "C05", "C07");
    }

    @Test
    void filtersByFund() {
        assertFiltered(Map.of("fundId", fundA), "C01", "C02", "C03");
        assertFiltered(Map.of("fundId", fundB), "C03", "C04", "C05");
    }

    @Test
    void filtersByDealStageInAnyFund() {
        assertFiltered(Map.of("dealStage", "DILIGENCE"), "C02", "C03");
        assertFiltered(Map.of("dealStage", "INVESTED"), "C03", "C04");
        assertFiltered(Map.of("dealStage", "PASSED"), "C05");
        assertFiltered(Map.of("dealStage", "EXITED"));
    }

    @Test
    void filtersByDealStageInOneFund() {
        assertFiltered(Map.of("fundId", fundA, "dealStage", "DILIGENCE"), "C02");
        assertFiltered(Map.of("fundId", fundB, "dealStage", "DILIGENCE"), "C03");
        assertFiltered(Map.of("fundId", fundA, "dealStage", "INVESTED"), "C03");
        assertFiltered(Map.of("fundId", fundA, "dealStage", "PASSED"));
    }

    @Test
    void combinesFiltersWithAnd() {
        assertFiltered(Map.of("sector", "FINANCIAL_SERVICES", "stage", "SEED"), "C01", "C07");
        assertFiltered(Map.of("sector", "FINANCIAL_SERVICES", "stage", "SEED", "headquartersCountry", "de"), "C01");
        assertFiltered(Map.of("fundId", fundB, "sector", "HEALTHCARE", "archived", false), "C05");
    }

    @Test
    void aFundIdOfNoFundMatchesNothing() {
        for (String fundId : List.of("garbage", "", ids.get("C01"), GlobalId.encode("Fund", UUID.randomUUID()))) {
            assertFiltered(Map.of("fundId", fundId));
        }
    }

    @Test
    void filteredPagesPageThroughTheFilteredList() {
        Map<String, Object> filter = Map.of("sector", "FINANCIAL_SERVICES");
        GraphQlTester.Response first = names(Map.of("first", 2, "filter", filter));
        assertPage(first, List.of("C01", "C03"), true, false);
        first.path("companies.totalCount").entity(Long.class).isEqualTo(3L);
        assertPage(
                names(Map.of("first", 2, "after", endCursor(first, "companies"), "filter", filter)),
                List.of("C07"),
                false,
                true);
    }

    @Test
    void findsACompanyByIdWithEveryAttribute() {
        reader.documentName("company")
                .variable("id", ids.get("C03"))
                .execute()
                .path("company.id")
                .entity(String.class)
                .isEqualTo(ids.get("C03"))
                .path("company.name")
                .entity(String.class)
                .isEqualTo("C03")
                .path("company.sector")
                .entity(String.class)
                .isEqualTo("FINANCIAL_SERVICES")
                .path("company.stage")
                .entity(String.class)
                .isEqualTo("GROWTH")
                .path("company.headquartersCountry")
                .entity(String.class)
                .isEqualTo("GB")
                .path("company.website")
                .entity(String.class)
                .isEqualTo("https://example.com")
                .path("company.archived")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("company.version")
                .entity(Long.class)
                .isEqualTo(0L);
        reader.documentName("company")
                .variable("id", ids.get("C06"))
                .execute()
                .path("company.archived")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void findsACompanyAsANode() {
        reader.documentName("companyNode")
                .variable("id", ids.get("C05"))
                .execute()
                .path("node.__typename")
                .entity(String.class)
                .isEqualTo("Company")
                .path("node.id")
                .entity(String.class)
                .isEqualTo(ids.get("C05"))
                .path("node.name")
                .entity(String.class)
                .isEqualTo("C05")
                .path("node.headquartersCountry")
                .entity(String.class)
                .isEqualTo("FR");
    }

    @Test
    void idsOfNoCompanyFindNothing() {
        String nonexistent = GlobalId.encode("Company", UUID.randomUUID());
        for (String id : List.of("garbage", "", fundA, nonexistent)) {
            reader.documentName("company")
                    .variable("id", id)
                    .execute()
                    .path("company")
                    .valueIsNull();
        }
        for (String id : List.of("garbage", "", nonexistent)) {
            reader.documentName("companyNode")
                    .variable("id", id)
                    .execute()
                    .path("node")
                    .valueIsNull();
        }
    }

    @Test
    void rejectsPageSizesOutsideTheLimits() {
        for (Map<String, Object> arguments : List.<Map<String, Object>>of(
                Map.of("first", 101), Map.of("last", 101), Map.of("first", -1), Map.of("first", 1, "last", 1))) {
            assertBadRequest(names(arguments));
        }
    }

    @Test
    void rejectsForeignAndMalformedCursors() {
        String nameCursor = endCursor(names(Map.of("first", 1)), "companies");
        assertBadRequest(names(Map.of("first", 1, "after", nameCursor, "orderBy", order("CREATED_AT", "ASC"))));
        assertBadRequest(names(Map.of("first", 1, "after", "bm9uc2Vuc2U")));
        assertBadRequest(names(Map.of("first", 1, "after", "%%%")));
    }

    private void assertFiltered(Map<String, Object> filter, String... expectedNames) {
        GraphQlTester.Response response = names(Map.of("first", 100, "filter", filter));
        List<String> found = response.path("companies.nodes[*].name")
                .entityList(String.class)
                .get();
        assertThat(found).as("companies matching %s", filter).containsExactly(expectedNames);
        assertThat(response.path("companies.totalCount").entity(Long.class).get())
                .as("totalCount of companies matching %s", filter)
                .isEqualTo(expectedNames.length);
    }

    private GraphQlTester.Response names(Map<String, Object> variables) {
        GraphQlTester.Request<?> request = reader.documentName("companyNames");
        variables.forEach(request::variable);
        return request.execute();
    }

    private static Map<String, Object> order(String field, String direction) {
        return Map.of("field", field, "direction", direction);
    }

    private static void assertPage(
            GraphQlTester.Response page, List<String> names, boolean hasNext, boolean hasPrevious) {
        assertThat(NAMES).containsAll(names);
        ConnectionAssertions.assertPage(page, "companies", names, hasNext, hasPrevious);
    }
}
