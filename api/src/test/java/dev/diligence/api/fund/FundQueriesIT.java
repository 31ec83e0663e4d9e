package dev.diligence.api.fund;

import static dev.diligence.api.fund.FundFixtures.aFundInput;
import static dev.diligence.api.fund.FundFixtures.createFund;
import static dev.diligence.api.fund.FundFixtures.input;
import static dev.diligence.api.support.ConnectionAssertions.assertBadRequest;
import static dev.diligence.api.support.ConnectionAssertions.endCursor;
import static dev.diligence.api.support.ConnectionAssertions.startCursor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.ConnectionAssertions;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Keyset pagination, orderings and filters of {@code funds}, and lookups by ID. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundQueriesIT extends ApiIntegrationTest {

    private static final List<String> NAMES = List.of("P01", "P02", "P03", "P04", "P05", "P06", "P07");

    private GraphQlTester admin;
    private GraphQlTester reader;
    private String archivedId;

    @BeforeAll
    void sevenFundsOneArchived() {
        String tenant = newTenant("fund-query");
        admin = graphQl(usersOf(tenant).tenantAdmin());
        reader = graphQl(usersOf(tenant).reviewer());
        // created out of name order, so that name and creation order differ
        for (String name : List.of("P04", "P01", "P07", "P03", "P06", "P02", "P05")) {
            String id = createFund(admin, name);
            if (name.equals("P06")) {
                archivedId = id;
            }
        }
        admin.documentName("archiveFund")
                .variable("input", input("id", archivedId))
                .execute()
                .path("archiveFund.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void pagesForwardsByNameWithoutGapsOrRepeats() {
        GraphQlTester.Response first = names(Map.of("first", 3));
        assertPage(first, List.of("P01", "P02", "P03"), true, false);
        GraphQlTester.Response second = names(Map.of("first", 3, "after", endCursor(first, "funds")));
        assertPage(second, List.of("P04", "P05", "P06"), true, true);
        GraphQlTester.Response third = names(Map.of("first", 3, "after", endCursor(second, "funds")));
        assertPage(third, List.of("P07"), false, true);
    }

    @Test
    void pagesBackwardsFromTheEnd() {
        GraphQlTester.Response last = names(Map.of("last", 3));
        assertPage(last, List.of("P05", "P06", "P07"), false, true);
        GraphQlTester.Response before = names(Map.of("last", 3, "before", startCursor(last, "funds")));
        assertPage(before, List.of("P02", "P03", "P04"), true, true);
        GraphQlTester.Response first = names(Map.of("last", 3, "before", startCursor(before, "funds")));
        assertPage(first, List.of("P01"), true, false);
    }

    @Test
    void ordersByNameDescendingAndByCreationTime() {
        names(Map.of("first", 7, "orderBy", Map.of("field", "NAME", "direction", "DESC")))
                .path("funds.nodes[*].name")
                .entityList(String.class)
                .containsExactly("P07", "P06", "P05", "P04", "P03", "P02", "P01");
        GraphQlTester.Response byCreation =
                names(Map.of("first", 4, "orderBy", Map.of("field", "CREATED_AT", "direction", "ASC")));
        byCreation.path("funds.nodes[*].name").entityList(String.class).containsExactly("P04", "P01", "P07", "P03");
        names(Map.of(
                        "first",
                        4,
                        "after",
                        endCursor(byCreation, "funds"),
                        "orderBy",
                        Map.of("field", "CREATED_AT", "direction", "ASC")))
                .path("funds.nodes[*].name")
                .entityList(String.class)
                .containsExactly("P06", "P02", "P05");
    }

    @Test
    void filtersByStatusAndCountsTheFilteredList() {
        reader.documentName("funds")
                .variable("filter", Map.of("status", "ARCHIVED"))
                .execute()
                .path("funds.edges[*].node.name")
                .entityList(String.class)
                .containsExactly("P06")
                .path("funds.totalCount")
                .entity(Long.class)
                .isEqualTo(1L);
        reader.documentName("funds")
                .variable("filter", Map.of("status", "ACTIVE"))
                .execute()
                .path("funds.totalCount")
                .entity(Long.class)
                .isEqualTo(6L);
        reader.documentName("funds")
                .execute()
                .path("funds.totalCount")
                .entity(Long.class)
                .isEqualTo(7L);
    }

    @Test
    void nameFilterIsCaseInsensitiveAndTakesWildcardsLiterally() {
        names(Map.of("filter", Map.of("nameContains", "p0")))
                .path("funds.nodes")
                .entityList(Object.class)
                .hasSize(7);
        names(Map.of("filter", Map.of("nameContains", "%")))
                .path("funds.nodes")
                .entityList(Object.class)
                .hasSize(0);
        names(Map.of("filter", Map.of("nameContains", "P_1")))
                .path("funds.nodes")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void returnsTwentyFundsWhenNoPageSizeIsGiven() {
        GraphQlTester bigAdmin = graphQl(usersOf(newTenant("fund-default-page")).tenantAdmin());
        IntStream.rangeClosed(1, 21).forEach(i -> createFund(bigAdmin, aFundInput("Fund %02d".formatted(i))));
        bigAdmin.documentName("fundNames")
                .execute()
                .path("funds.nodes")
                .entityList(Object.class)
                .hasSize(20)
                .path("funds.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void findsAFundByIdAndAsANode() {
        reader.documentName("fund")
                .variable("id", archivedId)
                .execute()
                .path("fund.name")
                .entity(String.class)
                .isEqualTo("P06")
                .path("fund.status")
                .entity(String.class)
                .isEqualTo("ARCHIVED");
        reader.documentName("node")
                .variable("id", archivedId)
                .execute()
                .path("node.__typename")
                .entity(String.class)
                .isEqualTo("Fund")
                .path("node.name")
                .entity(String.class)
                .isEqualTo("P06");
        reader.documentName("node")
                .variable("id", "garbage")
                .execute()
                .path("node")
                .valueIsNull();
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
        String nameCursor = endCursor(names(Map.of("first", 1)), "funds");
        assertBadRequest(names(
                Map.of("first", 1, "after", nameCursor, "orderBy", Map.of("field", "CREATED_AT", "direction", "ASC"))));
        assertBadRequest(names(Map.of("first", 1, "after", "bm9uc2Vuc2U")));
        assertBadRequest(names(Map.of("first", 1, "after", "%%%")));
    }

    @Test
    void anEmptyPageStillCounts() {
        reader.documentName("funds")
                .variable("first", 0)
                .execute()
                .path("funds.edges")
                .entityList(Object.class)
                .hasSize(0)
                .path("funds.pageInfo.startCursor")
                .valueIsNull()
                .path("funds.totalCount")
                .entity(Long.class)
                .isEqualTo(7L);
    }

    private GraphQlTester.Response names(Map<String, Object> variables) {
        GraphQlTester.Request<?> request = reader.documentName("fundNames");
        variables.forEach(request::variable);
        return request.execute();
    }

    private static void assertPage(
            GraphQlTester.Response page, List<String> names, boolean hasNext, boolean hasPrevious) {
        assertThat(NAMES).containsAll(names);
        ConnectionAssertions.assertPage(page, "funds", names, hasNext, hasPrevious);
    }
}
