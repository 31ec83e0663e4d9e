package dev.diligence.api.assessment;

import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.publishedAssessment;
import static dev.diligence.api.support.ConnectionAssertions.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * {@code Company.assessmentHistory}: a company's assessments newest first, a page at a time, in the
 * order the deprecated {@code Company.assessments} lists them; one page per company when a query
 * asks for many companies; the page-size limits. The firm's companies, their assessments started in
 * this order:
 * <pre>
 * Alpha: A1 (published), A2, A3, A4, A5 (drafts)      Bravo: B1 (published), B2 (draft)      Charlie: none
 * </pre>
 * so Alpha's history is A5, A4, A3, A2, A1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentHistoryIT extends ApiIntegrationTest {

    private GraphQlTester reader;
    private final Map<String, String> companies = new LinkedHashMap<>();
    /** Each company's assessments, newest first. */
    private final Map<String, List<String>> newestFirst = new LinkedHashMap<>();

    @BeforeAll
    void threeCompaniesWithFiveTwoAndNoAssessments() {
        String tenant = newTenant("assessment-history");
        TenantUsers users = usersOf(tenant);
        GraphQlTester admin = graphQl(users.tenantAdmin());
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        reader = graphQl(users.integration());
        for (String name : List.of("Alpha", "Bravo", "Charlie")) {
            companies.put(name, CompanyFixtures.createCompany(admin, name));
            newestFirst.put(name, new ArrayList<>());
        }
        newestFirst.get("Alpha").add(0, publishedAssessment(assessor, reviewer, companies.get("Alpha")));
        newestFirst.get("Bravo").add(0, publishedAssessment(assessor, reviewer, companies.get("Bravo")));
        for (int i = 0; i < 4; i++) {
            newestFirst.get("Alpha").add(0, createAssessment(assessor, companies.get("Alpha"), null));
        }
        newestFirst.get("Bravo").add(0, createAssessment(assessor, companies.get("Bravo"), null));
    }

    @Test
    void listsEveryAssessmentNewestFirstAsTheDeprecatedListDoes() {
        for (String company : companies.keySet()) {
            GraphQlTester.Response page = history(company, Map.of());
            List<String> expected = newestFirst.get(company);
            page.path("company.assessmentHistory.nodes[*].id")
                    .entityList(String.class)
                    .containsExactly(expected.toArray(String[]::new))
                    .path("company.assessmentHistory.edges[*].node.id")
                    .entityList(String.class)
                    .containsExactly(expected.toArray(String[]::new))
                    .path("company.assessments[*].id")
                    .entityList(String.class)
                    .containsExactly(expected.toArray(String[]::new))
                    .path("company.assessmentHistory.totalCount")
                    .entity(Long.class)
                    .isEqualTo((long) expected.size())
                    .path("company.assessmentHistory.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .isEqualTo(false)
                    .path("company.assessmentHistory.pageInfo.hasPreviousPage")
                    .entity(Boolean.class)
                    .isEqualTo(false);
        }
        history("Alpha", Map.of())
                .path("company.assessmentHistory.nodes[*].status")
                .entityList(String.class)
                .containsExactly("DRAFT", "DRAFT", "DRAFT", "DRAFT", "PUBLISHED")
                .path("company.assessmentHistory.nodes[*].company.id")
                .entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsOnly(companies.get("Alpha")));
    }

    @Test
    void pagesForwards() {
        List<String> alpha = newestFirst.get("Alpha");
        GraphQlTester.Response first = history("Alpha", Map.of("first", 2));
        assertPage(first, alpha.subList(0, 2), true, false, 5);
        GraphQlTester.Response second = history("Alpha", Map.of("first", 2, "after", endCursor(first)));
        assertPage(second, alpha.subList(2, 4), true, true, 5);
        GraphQlTester.Response third = history("Alpha", Map.of("first", 2, "after", endCursor(second)));
        assertPage(third, alpha.subList(4, 5), false, true, 5);
    }

    @Test
    void pagesBackwards() {
        List<String> alpha = newestFirst.get("Alpha");
        GraphQlTester.Response last = history("Alpha", Map.of("last", 2));
        assertPage(last, alpha.subList(3, 5), false, true, 5);
        GraphQlTester.Response before = history("Alpha", Map.of("last", 2, "before", startCursor(last)));
        assertPage(before, alpha.subList(1, 3), true, true, 5);
        GraphQlTester.Response first = history("Alpha", Map.of("last", 2, "before", startCursor(before)));
        assertPage(first, alpha.subList(0, 1), true, false, 5);
    }

    @Test
    void aPageOfCompaniesGetsOnePageOfEachCompanysHistory() {
        reader.document("""
                { companies(first: 10) { nodes { name assessmentHistory(first: 1) {
                    totalCount nodes { id } pageInfo { hasNextPage } } } } }""")
                .execute()
                .path("companies.nodes[*].name")
                .entityList(String.class)
                .containsExactly("Alpha", "Bravo", "Charlie")
                .path("companies.nodes[*].assessmentHistory.totalCount")
                .entityList(Long.class)
                .containsExactly(5L, 2L, 0L)
                .path("companies.nodes[0].assessmentHistory.nodes[*].id")
                .entityList(String.class)
                .containsExactly(newestFirst.get("Alpha").get(0))
                .path("companies.nodes[1].assessmentHistory.nodes[*].id")
                .entityList(String.class)
                .containsExactly(newestFirst.get("Bravo").get(0))
                .path("companies.nodes[2].assessmentHistory.nodes")
                .entityList(Object.class)
                .hasSize(0)
                .path("companies.nodes[*].assessmentHistory.pageInfo.hasNextPage")
                .entityList(Boolean.class)
                .containsExactly(true, true, false);
    }

    @Test
    void rejectsCursorsOfOtherListsAndMalformedCursors() {
        String companyListCursor = reader.documentName("companyNames")
                .variable("first", 1)
                .execute()
                .path("companies.pageInfo.endCursor")
                .entity(String.class)
                .get();
        assertBadRequest(history("Alpha", Map.of("first", 1, "after", companyListCursor)));
        assertBadRequest(history("Alpha", Map.of("first", 1, "after", "bm9uc2Vuc2U")));
        assertBadRequest(history("Alpha", Map.of("last", 1, "before", "%%%")));
    }

    @Test
    void rejectsPageSizesOutsideTheLimits() {
        for (Map<String, Object> arguments : List.<Map<String, Object>>of(
                Map.of("first", 101),
                Map.of("last", 101),
                Map.of("first", -1),
                Map.of("first", 1, "last", 1),
                Map.of("first", 1, "before", "x"))) {
            assertBadRequest(history("Alpha", arguments));
        }
        assertBadRequest(
                reader.document("{ companies(first: 2) { nodes { assessmentHistory(first: 101) { totalCount } } } }")
                        .execute());
        history("Alpha", Map.of("first", 100))
                .path("company.assessmentHistory.nodes")
                .entityList(Object.class)
                .hasSize(5);
        history("Alpha", Map.of("first", 0))
                .path("company.assessmentHistory.nodes")
                .entityList(Object.class)
                .hasSize(0)
                .path("company.assessmentHistory.totalCount")
                .entity(Long.class)
                .isEqualTo(5L);
    }

    private GraphQlTester.Response history(String company, Map<String, Object> arguments) {
        GraphQlTester.Request<?> request =
                reader.documentName("assessmentHistory").variable("id", companies.get(company));
        arguments.forEach(request::variable);
        return request.execute();
    }

    private static void assertPage(
            GraphQlTester.Response page, List<String> ids, boolean hasNext, boolean hasPrevious, long total) {
        page.path("company.assessmentHistory.nodes[*].id")
                .entityList(String.class)
                .containsExactly(ids.toArray(String[]::new))
                .path("company.assessmentHistory.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(hasNext)
                .path("company.assessmentHistory.pageInfo.hasPreviousPage")
                .entity(Boolean.class)
                .isEqualTo(hasPrevious)
                .path("company.assessmentHistory.totalCount")
                .entity(Long.class)
                .isEqualTo(total);
    }

    private static String endCursor(GraphQlTester.Response page) {
        return page.path("company.assessmentHistory.pageInfo.endCursor")
                .entity(String.class)
                .get();
    }

    private static String startCursor(GraphQlTester.Response page) {
        return page.path("company.assessmentHistory.pageInfo.startCursor")
                .entity(String.class)
                .get();
    }
}
