package dev.diligence.api.portfolio;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.move;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.StatementCounter;
import dev.diligence.api.support.TenantUsers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * No N+1 in the portfolio comparison: the whole-fund summary, a page of companies with their company,
 * assessment, heatmap, dimension scores, open findings and percentile rank, and a page of the
 * remediation ranking with each item's company take the same number of SQL statements whatever the
 * page size, for a tenant-wide reader and for a fund-scoped fund manager alike.
 * <pre>
 * Portfolio Fund (granted to the fund manager): Company 01 .. Company 12, each with a published
 *                                               high-risk assessment and an open assessor finding;
 *                                               Company 13, never assessed
 * Other Fund (not granted):                     Company 01 .. Company 04
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioStatementCountIT extends ApiIntegrationTest {

    private static final int COMPANIES = 12;
    private static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");

    private static final String PORTFOLIO = """
            query($fundId: ID!, $first: Int!) {
              portfolio(fundId: $fundId) {
                fund { name }
                asOf frameworkVersion cohortSize
                overall { count mean median min max lowerQuartile upperQuartile }
                dimensions { dimension statistics { count mean median min max lowerQuartile upperQuartile } }
                levelDistribution { level0 level1 level2 level3 level4 suppressed }
                unassessedCompanies { name }
                otherVersions { frameworkVersion companies { name } }
                companies(first: $first) {
                  nodes {
                    company { name sector }
                    assessment { status }
                    overall level levelSuppressed cohortSize percentileRank redFlags
                    heatmap { criterion state effectiveLevel gated redFlag }
                    dimensions { dimension score }
                    openFindings { critical high medium low info }
                  }
                }
                remediation(first: $first) { nodes { company { name } criterion gap priority } }
              }
            }""";

    @Autowired
    private StatementCounter counter;

    private GraphQlTester admin;
    private GraphQlTester fundManager;
    private String fund;

    @BeforeAll
    void aFundOfTwelveAssessedCompanies() {
        String tenant = newTenant("portfolio-n-plus-one");
        TenantUsers users = usersOf(tenant);
        admin = graphQl(users.tenantAdmin());
        fundManager = graphQl(users.fundManager());
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        fund = CompanyFixtures.createFund(admin, "Portfolio Fund");
        String otherFund = CompanyFixtures.createFund(admin, "Other Fund");
        // the fund manager is scoped to the portfolio's fund: the fund-scoped path is the costlier one
        admin.document(
                        "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { userErrors { code } } }")
                .variable("f", fund)
                .variable("s", "fund-manager@" + tenant)
                .execute()
                .path("grantFundAccess.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        for (int c = 1; c <= COMPANIES; c++) {
            String company = CompanyFixtures.createCompany(admin, "Company %02d".formatted(c));
            CompanyFixtures.addHolding(admin, fund, company, c % 3 == 0 ? "DILIGENCE" : "INVESTED");
            if (c <= 4) {
                CompanyFixtures.addHolding(admin, otherFund, company, "SOURCED");
            }
            String assessment = createAssessment(assessor, company, Map.of("euAiActTier", "HIGH"));
            score(assessor, assessment, "C1.1", c % 3, "HIGH");
            score(assessor, assessment, "C2.2", (c + 1) % 5, "MEDIUM");
            score(assessor, assessment, "C4.2", (c + 2) % 5, "HIGH");
            addEvidence(assessor, assessment, "C2.2");
            assessor.documentName("raiseFinding")
                    .variable(
                            "input",
                            Map.of(
                                    "assessmentId",
                                    assessment,
                                    "criterion",
                                    "C2.2",
                                    "title",
                                    "Finding of company %02d".formatted(c),
                                    "description",
                                    "Raised before publication",
                                    "severity",
                                    SEVERITIES.get(c % SEVERITIES.size())))
                    .execute()
                    .path("raiseFinding.userErrors")
                    .entityList(Object.class)
                    .hasSize(0);
            move(assessor, assessor, "submitAssessment", assessment);
            move(reviewer, reviewer, "publishAssessment", assessment);
        }
        CompanyFixtures.addHolding(admin, fund, CompanyFixtures.createCompany(admin, "Company 13"), "SOURCED");
    }

    @Test
    void thePortfolioOfATenantWideReaderTakesTheSameStatementsWhateverThePageSize() {
        Map<String, Long> statements = statementsByPageSize(admin);
        System.out.println("Statements per portfolio request (tenant admin): " + statements);
        assertThat(statements.values())
                .as("statements per request, by page size: %s", statements)
                .containsOnly(statements.values().iterator().next());
    }

    @Test
    void thePortfolioOfAFundScopedFundManagerTakesTheSameStatementsWhateverThePageSize() {
        Map<String, Long> statements = statementsByPageSize(fundManager);
        System.out.println("Statements per portfolio request (fund-scoped fund manager): " + statements);
        assertThat(statements.values())
                .as("statements per request, by page size: %s", statements)
                .containsOnly(statements.values().iterator().next());
    }

    private Map<String, Long> statementsByPageSize(GraphQlTester reader) {
        Map<String, Long> statements = new LinkedHashMap<>();
        for (int size : new int[] {1, 5, COMPANIES}) {
            statements.put(
                    "companies(first: %d) remediation(first: %d)".formatted(size, size), statementsOf(reader, size));
        }
        return statements;
    }

    /** Statements of one request, after a first identical request has warmed every cache; checks the answer is full. */
    private long statementsOf(GraphQlTester reader, int first) {
        assertFullAnswer(
                reader.document(PORTFOLIO)
                        .variable("fundId", fund)
                        .variable("first", first)
                        .execute(),
                first);

        long before = counter.count();
        GraphQlTester.Response response = reader.document(PORTFOLIO)
                .variable("fundId", fund)
                .variable("first", first)
                .execute();
        long statements = counter.count() - before;
        assertFullAnswer(response, first);
        return statements;
    }

    /** Every row and item of the page is there with what the request selects, so that no count is of a partial answer. */
    private static void assertFullAnswer(GraphQlTester.Response response, int first) {
        response.errors().verify();
        response.path("portfolio.cohortSize")
                .entity(Integer.class)
                .isEqualTo(COMPANIES)
                .path("portfolio.overall.count")
                .entity(Integer.class)
                .isEqualTo(COMPANIES)
                .path("portfolio.dimensions")
                .entityList(Object.class)
                .hasSize(4)
                .path("portfolio.unassessedCompanies[*].name")
                .entityList(String.class)
                .containsExactly("Company 13")
                .path("portfolio.companies.nodes")
                .entityList(Object.class)
                .hasSize(first)
                .path("portfolio.companies.nodes[*].company.name")
                .entityList(String.class)
                .hasSize(first)
                .path("portfolio.companies.nodes[*].assessment.status")
                .entityList(String.class)
                .hasSize(first)
                .satisfies(statuses -> assertThat(statuses).containsOnly("PUBLISHED"))
                .path("portfolio.companies.nodes[*].percentileRank")
                .entityList(Object.class)
                .hasSize(first)
                .path("portfolio.companies.nodes[*].heatmap[*].criterion")
                .entityList(String.class)
                .hasSize(first * 14)
                .path("portfolio.companies.nodes[*].dimensions[*].dimension")
                .entityList(String.class)
                .hasSize(first * 4)
                .path("portfolio.remediation.nodes")
                .entityList(Object.class)
                .hasSize(first)
                .path("portfolio.remediation.nodes[*].company.name")
                .entityList(String.class)
                .hasSize(first);
        List<Map<String, Integer>> open = response.path("portfolio.companies.nodes[*].openFindings")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Integer>>() {})
                .get();
        assertThat(open)
                .as("open findings of every row")
                .allSatisfy(counts -> assertThat(counts.values().stream()
                                .mapToInt(Integer::intValue)
                                .sum())
                        .isPositive());
    }
}
