package dev.diligence.api.portfolio;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.move;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static dev.diligence.api.support.ConnectionAssertions.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.framework.FrameworkFixtures;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.StatementCounter;
import dev.diligence.api.support.TenantUsers;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The portfolio's paged lists beside the cohort: {@code unassessed} and each other version's
 * {@code companyPage} page by name as the deprecated {@code unassessedCompanies} and {@code companies}
 * list, forwards and backwards, counted whatever page is read; {@code companies} and
 * {@code remediation} count their whole lists; page sizes are limited; the lists of a fund the
 * caller cannot see are nobody's; and the groups of other versions are loaded together.
 * <pre>
 * Fund I (granted to the fund manager):
 *   under version 1 (compared):      Alpha, Bravo, Charlie                    INVESTED, published
 *   without a published assessment:  Delta (a draft only), Foxtrot, Golf      INVESTED
 *                                    Echo                                     DILIGENCE
 *   under the derived version v2:    Hotel, India, Juliet                     INVESTED, published
 *   under the derived version v3:    Kilo, Lima                               DILIGENCE, published
 * Fund II:                           Mike (never assessed), November (v2)     INVESTED
 * </pre>
 * Version 1 is compared unless a test says otherwise; v2 and v3 are the firm's own weight-only versions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioListsIT extends ApiIntegrationTest {

    private static final List<String> UNASSESSED = List.of("Delta", "Echo", "Foxtrot", "Golf");

    private static final String LISTS_ONLY = """
            query($fundId: ID!, $dealStages: [DealStage!], $first: Int!) {
              portfolio(fundId: $fundId, dealStages: $dealStages) {
                unassessed(first: $first) { totalCount nodes { name } }
                otherVersions { frameworkVersion companyPage(first: $first) { totalCount nodes { name sector } } }
                companies(first: $first) { totalCount nodes { company { name } } }
                remediation(first: $first) { totalCount nodes { criterion } }
              }
            }""";

    @Autowired
    private StatementCounter counter;

    private GraphQlTester admin;
    private GraphQlTester fundManager;
    private String fundI;
    private String fundII;
    private int v2;
    private int v3;

    @BeforeAll
    void aFundWithCompaniesInAndOutsideTheCohort() {
        String tenant = newTenant("portfolio-lists");
        TenantUsers users = usersOf(tenant);
        admin = graphQl(users.tenantAdmin());
        fundManager = graphQl(users.fundManager());
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        v2 = FrameworkFixtures.deriveFromVersionOne(admin);
        GraphQlTester.Response derived = admin.documentName("deriveFrameworkVersion")
                .variable(
                        "input",
                        FrameworkFixtures.deriveInput(
                                1, FrameworkFixtures.weights("D1", "0.4", "D2", "0.2", "D3", "0.2", "D4", "0.2")))
                .execute();
        derived.path("deriveFrameworkVersion.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        v3 = derived.path("deriveFrameworkVersion.framework.version")
                .entity(Integer.class)
                .get();
        fundI = CompanyFixtures.createFund(admin, "Fund I");
        fundII = CompanyFixtures.createFund(admin, "Fund II");
        admin.document(
                        "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { userErrors { code } } }")
                .variable("f", fundI)
                .variable("s", "fund-manager@" + tenant)
                .execute()
                .path("grantFundAccess.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        // created out of name order, so that only the lists' ordering puts them by name
        Map<String, Object[]> fundIPlan = new LinkedHashMap<>();
        fundIPlan.put("Lima", new Object[] {"DILIGENCE", v3});
        fundIPlan.put("Golf", new Object[] {"INVESTED", null});
        fundIPlan.put("Charlie", new Object[] {"INVESTED", 1});
        fundIPlan.put("Juliet", new Object[] {"INVESTED", v2});
        fundIPlan.put("Echo", new Object[] {"DILIGENCE", null});
        fundIPlan.put("Alpha", new Object[] {"INVESTED", 1});
        fundIPlan.put("India", new Object[] {"INVESTED", v2});
        fundIPlan.put("Foxtrot", new Object[] {"INVESTED", null});
        fundIPlan.put("Kilo", new Object[] {"DILIGENCE", v3});
        fundIPlan.put("Bravo", new Object[] {"INVESTED", 1});
        fundIPlan.put("Hotel", new Object[] {"INVESTED", v2});
        fundIPlan.put("Delta", new Object[] {"INVESTED", null});
        fundIPlan.forEach((name, plan) -> {
            String company = CompanyFixtures.createCompany(admin, name);
            CompanyFixtures.addHolding(admin, fundI, company, (String) plan[0]);
            if (plan[1] != null) {
                publish(assessor, reviewer, company, (Integer) plan[1]);
            } else if (name.equals("Delta")) {
                createAssessment(assessor, company, null); // a draft only: Delta stays unassessed
            }
        });
        String mike = CompanyFixtures.createCompany(admin, "Mike");
        CompanyFixtures.addHolding(admin, fundII, mike, "INVESTED");
        String november = CompanyFixtures.createCompany(admin, "November");
        CompanyFixtures.addHolding(admin, fundII, november, "INVESTED");
        publish(assessor, reviewer, november, v2);
    }

    @Test
    void unassessedPagesByNameAsTheDeprecatedListOrdersThem() {
        Map<String, Object> whole = portfolio(admin, Map.of("first", 100));
        assertThat(names(whole, "unassessedCompanies")).containsExactlyElementsOf(UNASSESSED);
        assertPage(connection(whole, "unassessed"), UNASSESSED, false, false, 4);
        assertThat(PortfolioResponses.list(connection(whole, "unassessed"), "edges"))
                .extracting(edge -> PortfolioResponses.map(edge, "node").get("name"))
                .containsExactlyElementsOf(UNASSESSED);

        Map<String, Object> first = connection(portfolio(admin, Map.of("first", 3)), "unassessed");
        assertPage(first, List.of("Delta", "Echo", "Foxtrot"), true, false, 4);
        Map<String, Object> second =
                connection(portfolio(admin, Map.of("first", 3, "after", endCursor(first))), "unassessed");
        assertPage(second, List.of("Golf"), false, true, 4);

        Map<String, Object> last = connection(portfolio(admin, Map.of("last", 3)), "unassessed");
        assertPage(last, List.of("Echo", "Foxtrot", "Golf"), false, true, 4);
        Map<String, Object> before =
                connection(portfolio(admin, Map.of("last", 3, "before", startCursor(last))), "unassessed");
        assertPage(before, List.of("Delta"), true, false, 4);
    }

    @Test
    void unassessedFollowsTheDealStagesAndTheDate() {
        Map<String, Object> diligence = portfolio(admin, Map.of("dealStages", List.of("DILIGENCE"), "first", 10));
        assertPage(connection(diligence, "unassessed"), List.of("Echo"), false, false, 1);
        Map<String, Object> before = portfolio(admin, Map.of("asOf", "2020-01-01T00:00:00Z", "first", 5));
        assertThat(names(before, "unassessedCompanies")).hasSize(12);
        assertPage(
                connection(before, "unassessed"),
                List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo"),
                true,
                false,
                12);
        assertThat(PortfolioResponses.list(before, "otherVersions")).isEmpty();
    }

    @Test
    void eachOtherVersionPagesItsCompaniesByNameAsTheDeprecatedListOrdersThem() {
        List<Map<String, Object>> groups =
                PortfolioResponses.list(portfolio(admin, Map.of("groupFirst", 2)), "otherVersions");
        assertThat(groups).extracting(group -> group.get("frameworkVersion")).containsExactly(v2, v3);
        assertThat(names(groups.get(0), "companies")).containsExactly("Hotel", "India", "Juliet");
        assertThat(names(groups.get(1), "companies")).containsExactly("Kilo", "Lima");
        Map<String, Object> v2Page = connection(groups.get(0), "companyPage");
        assertPage(v2Page, List.of("Hotel", "India"), true, false, 3);
        assertPage(connection(groups.get(1), "companyPage"), List.of("Kilo", "Lima"), false, false, 2);

        Map<String, Object> v2Rest = connection(
                PortfolioResponses.list(
                                portfolio(admin, Map.of("groupFirst", 2, "groupAfter", endCursor(v2Page))),
                                "otherVersions")
                        .get(0),
                "companyPage");
        assertPage(v2Rest, List.of("Juliet"), false, true, 3);

        List<Map<String, Object>> lastOfEach =
                PortfolioResponses.list(portfolio(admin, Map.of("groupLast", 1)), "otherVersions");
        assertPage(connection(lastOfEach.get(0), "companyPage"), List.of("Juliet"), false, true, 3);
        assertPage(connection(lastOfEach.get(1), "companyPage"), List.of("Lima"), false, true, 2);
        Map<String, Object> v2Before = connection(
                PortfolioResponses.list(
                                portfolio(
                                        admin,
                                        Map.of(
                                                "groupLast",
                                                5,
                                                "groupBefore",
                                                startCursor(connection(lastOfEach.get(0), "companyPage")))),
                                "otherVersions")
                        .get(0),
                "companyPage");
        assertPage(v2Before, List.of("Hotel", "India"), true, false, 3);
    }

    @Test
    void comparedUnderAnotherVersionTheListsChangePlaces() {
        Map<String, Object> underV2 = portfolio(admin, Map.of("frameworkVersion", v2, "first", 10, "groupFirst", 10));
        assertThat(underV2).containsEntry("cohortSize", 3);
        assertThat(connection(underV2, "companies")).containsEntry("totalCount", 3);
        List<Map<String, Object>> groups = PortfolioResponses.list(underV2, "otherVersions");
        assertThat(groups).extracting(group -> group.get("frameworkVersion")).containsExactly(1, v3);
        assertPage(connection(groups.get(0), "companyPage"), List.of("Alpha", "Bravo", "Charlie"), false, false, 3);
        assertPage(connection(underV2, "unassessed"), UNASSESSED, false, false, 4);
    }

    @Test
    void theCohortAndTheRemediationRankingCountTheirWholeLists() {
        Map<String, Object> portfolio = portfolio(admin, Map.of());
        assertThat(portfolio).containsEntry("cohortSize", 3);
        assertThat(connection(portfolio, "companies")).containsEntry("totalCount", 3);
        assertThat(PortfolioResponses.list(connection(portfolio, "companies"), "nodes"))
                .hasSize(1);

        int items = admin.document(
                        "query($f: ID!) { portfolio(fundId: $f) { remediation(first: 100) { nodes { criterion } pageInfo { hasNextPage } } } }")
                .variable("f", fundI)
                .execute()
                .path("portfolio.remediation.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("portfolio.remediation.nodes")
                .entityList(Object.class)
                .get()
                .size();
        assertThat(items)
                .as("two criteria below target in each of the three companies")
                .isEqualTo(6);
        assertThat(connection(portfolio, "remediation")).containsEntry("totalCount", items);
    }

    @Test
    void pageSizesOutsideTheLimitsAndCursorsOfOtherListsAreRefused() {
        for (Map<String, Object> arguments : List.<Map<String, Object>>of(
                Map.of("first", 101),
                Map.of("last", 101),
                Map.of("first", -1),
                Map.of("first", 1, "last", 1),
                Map.of("groupFirst", 101),
                Map.of("groupLast", 101),
                Map.of("groupFirst", -1),
                Map.of("groupFirst", 1, "groupLast", 1),
                Map.of("first", 1, "after", "bm9uc2Vuc2U"),
                Map.of("groupFirst", 1, "groupAfter", "%%%"))) {
            assertBadRequest(request(admin, arguments));
        }
        String remediationCursor = admin.document(
                        "query($f: ID!) { portfolio(fundId: $f) { remediation(first: 1) { pageInfo { endCursor } } } }")
                .variable("f", fundI)
                .execute()
                .path("portfolio.remediation.pageInfo.endCursor")
                .entity(String.class)
                .get();
        assertBadRequest(request(admin, Map.of("first", 1, "after", remediationCursor)));
        assertBadRequest(request(admin, Map.of("groupFirst", 1, "groupAfter", remediationCursor)));
        Map<String, Object> atTheLimit = portfolio(admin, Map.of("first", 100, "groupFirst", 100));
        assertThat(PortfolioResponses.list(connection(atTheLimit, "unassessed"), "nodes"))
                .hasSize(4);
    }

    @Test
    void theFundManagerReadsTheGrantedFundsListsAsTheAdminDoesAndNothingOfAnotherFund() {
        Map<String, Object> arguments = Map.of("first", 2, "groupFirst", 2);
        assertThat(portfolio(fundManager, arguments)).isEqualTo(portfolio(admin, arguments));
        request(fundManager, Map.of("fundId", fundII, "first", 10))
                .path("portfolio")
                .valueIsNull();

        Map<String, Object> ofFundII = portfolio(admin, Map.of("fundId", fundII, "first", 10, "groupFirst", 10));
        assertPage(connection(ofFundII, "unassessed"), List.of("Mike"), false, false, 1);
        assertPage(
                connection(PortfolioResponses.list(ofFundII, "otherVersions").get(0), "companyPage"),
                List.of("November"),
                false,
                false,
                1);

        GraphQlTester otherFirm =
                graphQl(usersOf(newTenant("portfolio-lists-other")).tenantAdmin());
        request(otherFirm, Map.of("first", 10)).path("portfolio").valueIsNull();
        request(otherFirm, Map.of("fundId", GlobalId.encode("Fund", UUID.randomUUID())))
                .path("portfolio")
                .valueIsNull();
    }

    /**
     * The paged lists take the same number of statements whatever their page sizes and however many
     * other versions have companies (one group under INVESTED, two under both stages): the groups'
     * pages, counts and companies are each read once for all groups.
     */
    @Test
    void theListsTakeTheSameStatementsWhateverThePageSizesAndTheNumberOfGroups() {
        Map<String, Long> statements = new LinkedHashMap<>();
        for (List<String> stages : List.of(List.of("INVESTED"), List.of("INVESTED", "DILIGENCE"))) {
            for (int size : new int[] {1, 2, 3}) {
                statements.put("%s, page size %d".formatted(stages, size), statementsOf(stages, size));
            }
        }
        System.out.println("Statements per request of the portfolio's paged lists: " + statements);
        assertThat(statements.values())
                .as("statements per request: %s", statements)
                .containsOnly(statements.values().iterator().next());
    }

    private long statementsOf(List<String> stages, int size) {
        int groups = stages.size();
        assertListsAnswer(
                admin.document(LISTS_ONLY)
                        .variable("fundId", fundI)
                        .variable("dealStages", stages)
                        .variable("first", size)
                        .execute(),
                groups,
                size);
        long before = counter.count();
        GraphQlTester.Response response = admin.document(LISTS_ONLY)
                .variable("fundId", fundI)
                .variable("dealStages", stages)
                .variable("first", size)
                .execute();
        long count = counter.count() - before;
        assertListsAnswer(response, groups, size);
        return count;
    }

    /** Every page is as full as its list allows, so that no count is of a partial answer. */
    private static void assertListsAnswer(GraphQlTester.Response response, int groups, int size) {
        response.errors().verify();
        response.path("portfolio.otherVersions")
                .entityList(Object.class)
                .hasSize(groups)
                .path("portfolio.otherVersions[0].companyPage.nodes")
                .entityList(Object.class)
                .hasSize(Math.min(size, 3))
                .path("portfolio.otherVersions[0].companyPage.totalCount")
                .entity(Integer.class)
                .isEqualTo(3)
                .path("portfolio.unassessed.totalCount")
                .entity(Integer.class)
                .isEqualTo(groups == 1 ? 3 : 4)
                .path("portfolio.unassessed.nodes")
                .entityList(Object.class)
                .hasSize(Math.min(size, groups == 1 ? 3 : 4))
                .path("portfolio.companies.totalCount")
                .entity(Integer.class)
                .isEqualTo(3)
                .path("portfolio.companies.nodes")
                .entityList(Object.class)
                .hasSize(size);
        if (groups == 2) {
            response.path("portfolio.otherVersions[1].companyPage.nodes")
                    .entityList(Object.class)
                    .hasSize(Math.min(size, 2))
                    .path("portfolio.otherVersions[1].companyPage.totalCount")
                    .entity(Integer.class)
                    .isEqualTo(2);
        }
        int remediation = response.path("portfolio.remediation.totalCount")
                .entity(Integer.class)
                .get();
        response.path("portfolio.remediation.nodes").entityList(Object.class).hasSize(Math.min(size, remediation));
    }

    /** Publishes a high-risk assessment under {@code version} with two criteria below their targets, for the remediation ranking. */
    private static void publish(GraphQlTester assessor, GraphQlTester reviewer, String company, int version) {
        GraphQlTester.Response created = assessor.documentName("createAssessment")
                .variable(
                        "input",
                        Map.of(
                                "companyId",
                                company,
                                "frameworkVersion",
                                version,
                                "context",
                                Map.of("euAiActTier", "HIGH")))
                .execute();
        created.path("createAssessment.userErrors").entityList(Object.class).hasSize(0);
        String id = created.path("createAssessment.assessment.id")
                .entity(String.class)
                .get();
        score(assessor, id, "C1.1", 1, "HIGH"); // target 2
        score(assessor, id, "C2.2", 3, "MEDIUM");
        score(assessor, id, "C4.2", 1, "HIGH"); // target 3 in a high-risk context
        addEvidence(assessor, id, "C2.2");
        move(assessor, assessor, "submitAssessment", id);
        move(reviewer, reviewer, "publishAssessment", id);
    }

    private GraphQlTester.Response request(GraphQlTester caller, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(Map.of("fundId", fundI));
        all.putAll(variables);
        return caller.documentName("portfolioLists").variables(all).execute();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> portfolio(GraphQlTester caller, Map<String, Object> variables) {
        GraphQlTester.Response response = request(caller, variables);
        response.errors().verify();
        return response.path("portfolio").entity(Map.class).get();
    }

    private static Map<String, Object> connection(Map<String, Object> parent, String field) {
        return PortfolioResponses.map(parent, field);
    }

    private static List<Object> names(Map<String, Object> parent, String field) {
        return PortfolioResponses.list(parent, field).stream()
                .map(company -> company.get("name"))
                .toList();
    }

    private static void assertPage(
            Map<String, Object> connection, List<String> names, boolean hasNext, boolean hasPrevious, int total) {
        assertThat(names(connection, "nodes")).as("names of the page").containsExactlyElementsOf(names);
        Map<String, Object> pageInfo = PortfolioResponses.map(connection, "pageInfo");
        assertThat(pageInfo).containsEntry("hasNextPage", hasNext).containsEntry("hasPreviousPage", hasPrevious);
        assertThat(connection).containsEntry("totalCount", total);
    }

    private static String endCursor(Map<String, Object> connection) {
        return (String) PortfolioResponses.map(connection, "pageInfo").get("endCursor");
    }

    private static String startCursor(Map<String, Object> connection) {
        return (String) PortfolioResponses.map(connection, "pageInfo").get("startCursor");
    }
}
