package dev.diligence.api.holding;

import static dev.diligence.api.company.CompanyFixtures.addHolding;
import static dev.diligence.api.company.CompanyFixtures.createCompany;
import static dev.diligence.api.company.CompanyFixtures.createFund;
import static dev.diligence.api.support.ConnectionAssertions.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * {@code Fund.holdings} and {@code Company.holdings}: pages in the order the companies were added,
 * one page per parent when a query asks for many parents, and the page-size limits. The firm's
 * holdings, numbered in the order they were added:
 * <pre>
 * 1 Fund 2 + Q1   2 Fund 1 + Q3   3 Fund 1 + Q1   4 Fund 3 + Q1
 * 5 Fund 1 + Q5   6 Fund 2 + Q2   7 Fund 1 + Q2   8 Fund 1 + Q4
 * </pre>
 * so Fund 1 holds Q3, Q1, Q5, Q2, Q4; Fund 2 holds Q1, Q2; Fund 3 holds Q1; Fund 4 holds nothing;
 * Q1 is in Fund 2, Fund 1, Fund 3 and Q2 in Fund 2, Fund 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldingQueriesIT extends ApiIntegrationTest {

    private GraphQlTester reader;
    private final Map<String, String> funds = new HashMap<>();
    private final Map<String, String> companies = new HashMap<>();

    @BeforeAll
    void fourFundsAndFiveCompanies() {
        String tenant = newTenant("holding-query");
        GraphQlTester admin = graphQl(usersOf(tenant).tenantAdmin());
        reader = graphQl(usersOf(tenant).reviewer());
        for (String fund : List.of("Fund 1", "Fund 2", "Fund 3", "Fund 4")) {
            funds.put(fund, createFund(admin, fund));
        }
        // created in name order, added to funds out of it
        for (String company : List.of("Q1", "Q2", "Q3", "Q4", "Q5")) {
            companies.put(company, createCompany(admin, company));
        }
        for (String[] holding : List.of(
                new String[] {"Fund 2", "Q1"},
                new String[] {"Fund 1", "Q3"},
                new String[] {"Fund 1", "Q1"},
                new String[] {"Fund 3", "Q1"},
                new String[] {"Fund 1", "Q5"},
                new String[] {"Fund 2", "Q2"},
                new String[] {"Fund 1", "Q2"},
                new String[] {"Fund 1", "Q4"})) {
            addHolding(admin, funds.get(holding[0]), companies.get(holding[1]), "SOURCED");
        }
    }

    @Test
    void listsAFundsHoldingsInTheOrderTheyWereAdded() {
        fundPage("Fund 1", Map.of())
                .path("fund.holdings.nodes[*].company.name")
                .entityList(String.class)
                .containsExactly("Q3", "Q1", "Q5", "Q2", "Q4")
                .path("fund.holdings.edges[*].node.company.name")
                .entityList(String.class)
                .containsExactly("Q3", "Q1", "Q5", "Q2", "Q4")
                .path("fund.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(5L)
                .path("fund.holdings.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("fund.holdings.pageInfo.hasPreviousPage")
                .entity(Boolean.class)
                .isEqualTo(false);
    }

    @Test
    void pagesForwardsThroughAFundsHoldings() {
        GraphQlTester.Response first = fundPage("Fund 1", Map.of("first", 2));
        assertFundPage(first, List.of("Q3", "Q1"), true, false);
        GraphQlTester.Response second = fundPage("Fund 1", Map.of("first", 2, "after", fundEndCursor(first)));
        assertFundPage(second, List.of("Q5", "Q2"), true, true);
        GraphQlTester.Response third = fundPage("Fund 1", Map.of("first", 2, "after", fundEndCursor(second)));
        assertFundPage(third, List.of("Q4"), false, true);
    }

    @Test
    void pagesBackwardsThroughAFundsHoldings() {
        GraphQlTester.Response last = fundPage("Fund 1", Map.of("last", 2));
        assertFundPage(last, List.of("Q2", "Q4"), false, true);
        GraphQlTester.Response before = fundPage("Fund 1", Map.of("last", 2, "before", fundStartCursor(last)));
        assertFundPage(before, List.of("Q1", "Q5"), true, true);
        GraphQlTester.Response first = fundPage("Fund 1", Map.of("last", 2, "before", fundStartCursor(before)));
        assertFundPage(first, List.of("Q3"), true, false);
    }

    @Test
    void aFundWithoutHoldingsHasAnEmptyCountedPage() {
        fundPage("Fund 4", Map.of("first", 5))
                .path("fund.holdings.nodes")
                .entityList(Object.class)
                .hasSize(0)
                .path("fund.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(0L)
                .path("fund.holdings.pageInfo.startCursor")
                .valueIsNull()
                .path("fund.holdings.pageInfo.endCursor")
                .valueIsNull()
                .path("fund.holdings.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(false);
        fundPage("Fund 1", Map.of("first", 0))
                .path("fund.holdings.nodes")
                .entityList(Object.class)
                .hasSize(0)
                .path("fund.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(5L);
    }

    @Test
    void aPageAfterTheLastHoldingIsEmptyAndStillCountsThemAll() {
        GraphQlTester.Response all = fundPage("Fund 1", Map.of("first", 5));
        fundPage("Fund 1", Map.of("first", 2, "after", fundEndCursor(all)))
                .path("fund.holdings.nodes")
                .entityList(Object.class)
                .hasSize(0)
                .path("fund.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(5L)
                .path("fund.holdings.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(false);
        companyPage("Q1", Map.of("first", 3, "after", companyEndCursor(companyPage("Q1", Map.of("first", 3)))))
                .path("company.holdings.nodes")
                .entityList(Object.class)
                .hasSize(0)
                .path("company.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(3L);
    }

    @Test
    void pagesForwardsAndBackwardsThroughACompanysHoldings() {
        GraphQlTester.Response first = companyPage("Q1", Map.of("first", 2));
        assertCompanyPage(first, List.of("Fund 2", "Fund 1"), true, false);
        GraphQlTester.Response second = companyPage("Q1", Map.of("first", 2, "after", companyEndCursor(first)));
        assertCompanyPage(second, List.of("Fund 3"), false, true);

        GraphQlTester.Response last = companyPage("Q1", Map.of("last", 1));
        assertCompanyPage(last, List.of("Fund 3"), false, true);
        GraphQlTester.Response before = companyPage("Q1", Map.of("last", 1, "before", companyStartCursor(last)));
        assertCompanyPage(before, List.of("Fund 1"), true, true);
        GraphQlTester.Response earliest = companyPage("Q1", Map.of("last", 5, "before", companyStartCursor(before)));
        assertCompanyPage(earliest, List.of("Fund 2"), true, false);

        companyPage("Q4", Map.of())
                .path("company.holdings.nodes[*].fund.name")
                .entityList(String.class)
                .containsExactly("Fund 1")
                .path("company.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(1L);
    }

    @Test
    void everyFundOfAListGetsItsOwnPageOfHoldings() {
        GraphQlTester.Response response = reader.documentName("fundHoldingsOfEveryFund")
                .variable("first", 4)
                .variable("holdingsFirst", 2)
                .execute();

        response.path("funds.nodes[*].name")
                .entityList(String.class)
                .containsExactly("Fund 1", "Fund 2", "Fund 3", "Fund 4");
        assertNestedPage(response, "funds.nodes[0]", "company", List.of("Q3", "Q1"), 5, true);
        assertNestedPage(response, "funds.nodes[1]", "company", List.of("Q1", "Q2"), 2, false);
        assertNestedPage(response, "funds.nodes[2]", "company", List.of("Q1"), 1, false);
        assertNestedPage(response, "funds.nodes[3]", "company", List.of(), 0, false);

        GraphQlTester.Response firstThree = reader.documentName("fundHoldingsOfEveryFund")
                .variable("first", 3)
                .variable("holdingsFirst", 1)
                .execute();
        assertNestedPage(firstThree, "funds.nodes[0]", "company", List.of("Q3"), 5, true);
        assertNestedPage(firstThree, "funds.nodes[1]", "company", List.of("Q1"), 2, true);
        assertNestedPage(firstThree, "funds.nodes[2]", "company", List.of("Q1"), 1, false);
    }

    @Test
    void everyCompanyOfAListGetsItsOwnPageOfHoldings() {
        GraphQlTester.Response response = reader.documentName("companiesWithHoldings")
                .variable("first", 5)
                .variable("holdingsFirst", 2)
                .execute();

        response.path("companies.nodes[*].name").entityList(String.class).containsExactly("Q1", "Q2", "Q3", "Q4", "Q5");
        assertNestedPage(response, "companies.nodes[0]", "fund", List.of("Fund 2", "Fund 1"), 3, true);
        assertNestedPage(response, "companies.nodes[1]", "fund", List.of("Fund 2", "Fund 1"), 2, false);
        assertNestedPage(response, "companies.nodes[2]", "fund", List.of("Fund 1"), 1, false);
        assertNestedPage(response, "companies.nodes[3]", "fund", List.of("Fund 1"), 1, false);
        assertNestedPage(response, "companies.nodes[4]", "fund", List.of("Fund 1"), 1, false);
    }

    @Test
    void differentPageArgumentsInOneQueryGiveEachFieldItsOwnPage() {
        reader.documentName("fundHoldingsOfTwoFunds")
                .variable("one", funds.get("Fund 1"))
                .variable("oneFirst", 3)
                .variable("two", funds.get("Fund 2"))
                .variable("twoLast", 1)
                .execute()
                .path("one.holdings.nodes[*].company.name")
                .entityList(String.class)
                .containsExactly("Q3", "Q1", "Q5")
                .path("one.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(5L)
                .path("two.holdings.nodes[*].company.name")
                .entityList(String.class)
                .containsExactly("Q2")
                .path("two.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(2L);
    }

    @Test
    void findsAHoldingAsANodeWithItsFundAndCompany() {
        String id = fundPage("Fund 2", Map.of("first", 1))
                .path("fund.holdings.nodes[0].id")
                .entity(String.class)
                .get();
        reader.documentName("holdingNode")
                .variable("id", id)
                .execute()
                .path("node.__typename")
                .entity(String.class)
                .isEqualTo("Holding")
                .path("node.id")
                .entity(String.class)
                .isEqualTo(id)
                .path("node.dealStage")
                .entity(String.class)
                .isEqualTo("SOURCED")
                .path("node.fund.name")
                .entity(String.class)
                .isEqualTo("Fund 2")
                .path("node.company.name")
                .entity(String.class)
                .isEqualTo("Q1");
    }

    @Test
    void rejectsPageSizesAboveOneHundred() {
        assertBadRequest(fundPage("Fund 1", Map.of("first", 101)));
        assertBadRequest(fundPage("Fund 1", Map.of("last", 101)));
        assertBadRequest(fundPage("Fund 1", Map.of("first", -1)));
        assertBadRequest(companyPage("Q1", Map.of("first", 101)));
        assertBadRequest(companyPage("Q1", Map.of("last", 101)));
        assertBadRequest(reader.documentName("fundHoldingsOfEveryFund")
                .variable("first", 4)
                .variable("holdingsFirst", 101)
                .execute());
        fundPage("Fund 1", Map.of("first", 100))
                .path("fund.holdings.nodes")
                .entityList(Object.class)
                .hasSize(5);
    }

    @Test
    void rejectsCursorsOfOtherListsAndMalformedCursors() {
        String companyListCursor = reader.documentName("companyNames")
                .variable("first", 1)
                .execute()
                .path("companies.pageInfo.endCursor")
                .entity(String.class)
                .get();
        assertBadRequest(fundPage("Fund 1", Map.of("first", 1, "after", companyListCursor)));
        assertBadRequest(fundPage("Fund 1", Map.of("first", 1, "after", "bm9uc2Vuc2U")));
        assertBadRequest(companyPage("Q1", Map.of("first", 1, "after", "%%%")));
    }

    private GraphQlTester.Response fundPage(String fund, Map<String, Object> arguments) {
        GraphQlTester.Request<?> request = reader.documentName("fundHoldings").variable("id", funds.get(fund));
        arguments.forEach(request::variable);
        return request.execute();
    }

    private GraphQlTester.Response companyPage(String company, Map<String, Object> arguments) {
        GraphQlTester.Request<?> request =
                reader.documentName("companyHoldings").variable("id", companies.get(company));
        arguments.forEach(request::variable);
        return request.execute();
    }

    private static void assertFundPage(
            GraphQlTester.Response page, List<String> companyNames, boolean hasNext, boolean hasPrevious) {
        page.path("fund.holdings.nodes[*].company.name")
                .entityList(String.class)
                .containsExactly(companyNames.toArray(String[]::new))
                .path("fund.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(5L)
                .path("fund.holdings.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(hasNext)
                .path("fund.holdings.pageInfo.hasPreviousPage")
                .entity(Boolean.class)
                .isEqualTo(hasPrevious);
    }

    private static void assertCompanyPage(
            GraphQlTester.Response page, List<String> fundNames, boolean hasNext, boolean hasPrevious) {
        page.path("company.holdings.nodes[*].fund.name")
                .entityList(String.class)
                .containsExactly(fundNames.toArray(String[]::new))
                .path("company.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(3L)
                .path("company.holdings.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(hasNext)
                .path("company.holdings.pageInfo.hasPreviousPage")
                .entity(Boolean.class)
                .isEqualTo(hasPrevious);
    }

    /** The holdings page of one parent in a list: names of the other ends, total and whether more follow. */
    private static void assertNestedPage(
            GraphQlTester.Response response,
            String parent,
            String otherEnd,
            List<String> names,
            long total,
            boolean hasNext) {
        List<String> found = response.path(parent + ".holdings.nodes[*]." + otherEnd + ".name")
                .entityList(String.class)
                .get();
        assertThat(found).as("%s.holdings", parent).containsExactlyElementsOf(names);
        assertThat(response.path(parent + ".holdings.totalCount")
                        .entity(Long.class)
                        .get())
                .as("%s.holdings.totalCount", parent)
                .isEqualTo(total);
        assertThat(response.path(parent + ".holdings.pageInfo.hasNextPage")
                        .entity(Boolean.class)
                        .get())
                .as("%s.holdings.pageInfo.hasNextPage", parent)
                .isEqualTo(hasNext);
    }

    private static String fundEndCursor(GraphQlTester.Response page) {
        return page.path("fund.holdings.pageInfo.endCursor")
                .entity(String.class)
                .get();
    }

    private static String fundStartCursor(GraphQlTester.Response page) {
        return page.path("fund.holdings.pageInfo.startCursor")
                .entity(String.class)
                .get();
    }

    private static String companyEndCursor(GraphQlTester.Response page) {
        return page.path("company.holdings.pageInfo.endCursor")
                .entity(String.class)
                .get();
    }

    private static String companyStartCursor(GraphQlTester.Response page) {
        return page.path("company.holdings.pageInfo.startCursor")
                .entity(String.class)
                .get();
    }
}
