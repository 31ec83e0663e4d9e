package dev.diligence.api.change;

import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.publishedAssessment;
import static dev.diligence.api.company.CompanyFixtures.addHolding;
import static dev.diligence.api.company.CompanyFixtures.createCompany;
import static dev.diligence.api.company.CompanyFixtures.createFund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.StatementCounter;
import dev.diligence.api.support.TenantUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * {@code changes(since:, first:)} through GraphQL: what the mutations of a firm write appears in the
 * feed in the order it was committed, with the objects as they are now, a page at a time, and never
 * anything of another firm.
 */
class ChangeFeedIT extends ApiIntegrationTest {

    @Autowired
    private StatementCounter counter;

    /** A change as the feed shows it, with the node's id (null without node) and its distinctive field. */
    record Seen(String entityType, String id, String operation, String nodeId, String nodeType, Object detail) {

        String summary() {
            return entityType + " " + operation + " " + id;
        }
    }

    /** One page: its changes, cursor and hasMore. */
    record Page(List<Seen> changes, String cursor, boolean hasMore) {}

    @Test
    void mutationsAppearInCommitOrderWithTheirNodesAndARemovedHoldingWithoutNode() {
        TenantUsers users = usersOf(newTenant("feed"));
        GraphQlTester admin = graphQl(users.tenantAdmin());
        String fund = createFund(admin, "Feed Fund");
        String company = createCompany(admin, "Feed Company");
        String holding = addHolding(admin, fund, company, "SOURCED");
        admin.documentName("updateHolding")
                .variable("input", Map.of("id", holding, "expectedVersion", 0, "dealStage", "DILIGENCE"))
                .execute()
                .path("updateHolding.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        admin.documentName("removeHolding")
                .variable("input", Map.of("id", holding, "expectedVersion", 1))
                .execute()
                .path("removeHolding.userErrors")
                .entityList(Object.class)
                .hasSize(0);

        Page page = read(graphQl(users.integration()), null, null);

        assertThat(page.changes())
                .extracting(Seen::summary)
                .containsExactly(
                        "FUND CREATED " + fund,
                        "COMPANY CREATED " + company,
                        "HOLDING CREATED " + holding,
                        "HOLDING UPDATED " + holding,
                        "HOLDING REMOVED " + holding);
        assertThat(page.changes().get(0))
                .extracting(Seen::nodeId, Seen::nodeType, Seen::detail)
                .containsExactly(fund, "Fund", "Feed Fund");
        assertThat(page.changes().get(1))
                .extracting(Seen::nodeId, Seen::nodeType, Seen::detail)
                .containsExactly(company, "Company", "Feed Company");
        assertThat(page.changes().subList(2, 5))
                .as("the holding is removed now")
                .extracting(Seen::nodeId)
                .containsOnlyNulls();
        assertThat(page.hasMore()).isFalse();
        assertThat(page.cursor()).isNotNull();
    }

    @Test
    void pagesWithTheCursorNeitherSkipNorRepeatAndAnEmptyPageKeepsTheCursor() {
        TenantUsers users = usersOf(newTenant("feed-pages"));
        GraphQlTester admin = graphQl(users.tenantAdmin());
        for (int i = 1; i <= 5; i++) {
            createCompany(admin, "Paged " + i);
        }
        GraphQlTester integration = graphQl(users.integration());
        List<String> all =
                read(integration, null, 500).changes().stream().map(Seen::id).toList();

        List<String> paged = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 3; i++) {
            Page page = read(integration, cursor, 2);
            page.changes().forEach(change -> paged.add(change.id()));
            hasMore.add(page.hasMore());
            cursor = page.cursor();
        }
        Page empty = read(integration, cursor, 2);
        String newest = createCompany(admin, "After the last page");
        Page afterwards = read(integration, cursor, 2);

        assertThat(all).hasSize(5);
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(hasMore).containsExactly(true, true, false);
        assertThat(empty.changes()).isEmpty();
        assertThat(empty.cursor()).isEqualTo(cursor);
        assertThat(empty.hasMore()).isFalse();
        assertThat(afterwards.changes()).extracting(Seen::id).containsExactly(newest);
    }

    @Test
    void publishedAssessmentsAndRaisedFindingsAppearButDraftsDoNot() {
        TenantUsers users = usersOf(newTenant("feed-assess"));
        GraphQlTester admin = graphQl(users.tenantAdmin());
        GraphQlTester assessor = graphQl(users.assessor());
        String company = createCompany(admin, "Assessed");
        String draft = createAssessment(assessor, company, null);
        GraphQlTester.Response raised = assessor.documentName("raiseFinding")
                .variable(
                        "input",
                        Map.of(
                                "assessmentId",
                                draft,
                                "title",
                                "No model registry",
                                "description",
                                "",
                                "severity",
                                "MEDIUM"))
                .execute();
        raised.path("raiseFinding.userErrors").entityList(Object.class).hasSize(0);
        String finding =
                raised.path("raiseFinding.finding.id").entity(String.class).get();
        String published = publishedAssessment(assessor, graphQl(users.reviewer()), company);

        List<Seen> changes = read(graphQl(users.integration()), null, null).changes();

        assertThat(changes)
                .filteredOn(change -> change.entityType().equals("ASSESSMENT"))
                .extracting(Seen::summary)
                .containsExactly("ASSESSMENT PUBLISHED " + published);
        assertThat(changes)
                .filteredOn(change -> change.entityType().equals("ASSESSMENT"))
                .extracting(Seen::detail)
                .containsExactly("PUBLISHED");
        assertThat(changes)
                .filteredOn(change -> change.id().equals(finding))
                .extracting(Seen::summary, Seen::detail)
                .containsExactly(tuple("FINDING CREATED " + finding, "No model registry"));
        assertThat(changes).extracting(Seen::id).doesNotContain(draft);
    }

    @Test
    void theNodesOfAPageAreLoadedInBatchesWhateverItsSize() {
        TenantUsers users = usersOf(newTenant("feed-batch"));
        GraphQlTester admin = graphQl(users.tenantAdmin());
        for (int i = 1; i <= 4; i++) {
            createFund(admin, "Batch Fund " + i);
            createCompany(admin, "Batch Company " + i);
        }
        GraphQlTester integration = graphQl(users.integration());
        read(integration, null, 8);

        long before = counter.count();
        Page small = read(integration, null, 2);
        long smallPage = counter.count() - before;
        before = counter.count();
        Page large = read(integration, null, 8);
        long largePage = counter.count() - before;

        assertThat(small.changes()).extracting(Seen::entityType).containsExactly("FUND", "COMPANY");
        assertThat(large.changes()).hasSize(8).extracting(Seen::nodeId).doesNotContainNull();
        assertThat(largePage)
                .as("statements for 8 changes vs 2 changes of the same two types")
                .isEqualTo(smallPage);
    }

    @Test
    void anotherFirmsChangesNeverAppear() {
        TenantUsers mine = usersOf(newTenant("feed-mine"));
        TenantUsers theirs = usersOf(newTenant("feed-theirs"));
        String myFund = createFund(graphQl(mine.tenantAdmin()), "Mine");
        String theirFund = createFund(graphQl(theirs.tenantAdmin()), "Theirs");
        Page theirPage = read(graphQl(theirs.integration()), null, null);

        Page myPage = read(graphQl(mine.integration()), null, null);
        Page myPageFromTheirCursor = read(graphQl(mine.integration()), theirPage.cursor(), null);

        assertThat(myPage.changes()).extracting(Seen::id).containsExactly(myFund);
        assertThat(theirPage.changes()).extracting(Seen::id).containsExactly(theirFund);
        assertThat(myPageFromTheirCursor.changes()).extracting(Seen::id).doesNotContain(theirFund);
    }

    @Test
    void aMalformedCursorOrAPageSizeOutOfRangeIsABadRequest() {
        GraphQlTester integration = graphQl(usersOf(newTenant("feed-bad")).integration());
        for (Map<String, Object> variables : List.of(
                Map.<String, Object>of("since", "not-a-cursor"),
                Map.<String, Object>of("first", 501),
                Map.<String, Object>of("first", -1))) {
            GraphQlTester.Request<?> request = integration.documentName("changes");
            variables.forEach(request::variable);
            request.execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors)
                            .as(variables.toString())
                            .singleElement()
                            .satisfies(error ->
                                    assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
        }
    }

    @SuppressWarnings("unchecked")
    private static Page read(GraphQlTester tester, String since, Integer first) {
        GraphQlTester.Response response = tester.documentName("changes")
                .variable("since", since)
                .variable("first", first)
                .execute();
        response.errors().verify();
        Map<String, Object> feed = response.path("changes").entity(mapType()).get();
        List<Seen> seen = ((List<Map<String, Object>>) feed.get("changes"))
                .stream().map(ChangeFeedIT::seen).toList();
        return new Page(seen, (String) feed.get("cursor"), (Boolean) feed.get("hasMore"));
    }

    @SuppressWarnings("unchecked")
    private static Seen seen(Map<String, Object> change) {
        Map<String, Object> node = (Map<String, Object>) change.get("node");
        Object detail = null;
        if (node != null) {
            detail = node.containsKey("name")
                    ? node.get("name")
                    : node.containsKey("status")
                            ? node.get("status")
                            : node.containsKey("title") ? node.get("title") : node.get("dealStage");
        }
        return new Seen(
                (String) change.get("entityType"),
                (String) change.get("id"),
                (String) change.get("operation"),
                node == null ? null : (String) node.get("id"),
                node == null ? null : (String) node.get("__typename"),
                detail);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }
}
