package dev.diligence.api.request;

import static dev.diligence.api.assessment.AssessmentFixtures.publishedAssessment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.StatementCounter;
import dev.diligence.api.support.TenantUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The statements each read of the benchmark (bench/scenarios) sends to PostgreSQL, at most the
 * ceilings bench/RESULTS.md reports, and the same whatever the page size: the tenant settings, then
 * one statement per thing shown. A failure lists the statements sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadPathStatementsIT extends ApiIntegrationTest {

    /**
     * Q1, the fund dashboard: the tenant settings, the fund, its holdings with their count and their
     * companies, the companies' standings (latest publications and open findings).
     */
    static final int DASHBOARD_CEILING = 4;

    /** Q3, an assessment by node ID: the tenant settings, the assessment with its stored score and its company. */
    static final int ASSESSMENT_NODE_CEILING = 2;

    /** Q2, a fund's portfolio comparison: the tenant settings, the fund, the versions, the summary, the page of rows with their companies. */
    static final int PORTFOLIO_CEILING = 5;

    private static final String PORTFOLIO = """
            query($fund: ID!, $first: Int!) {
              portfolio(fundId: $fund) {
                asOf frameworkVersion cohortSize
                overall { count mean median min max lowerQuartile upperQuartile }
                dimensions { dimension statistics { count mean median min max lowerQuartile upperQuartile } }
                levelDistribution { level0 level1 level2 level3 level4 suppressed }
                companies(first: $first) {
                  nodes {
                    company { id name } overall level percentileRank dimensions { dimension score }
                    heatmap { criterion state effectiveLevel gated redFlag }
                  }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }""";

    private static final String DASHBOARD = """
            query($fund: ID!, $first: Int!) {
              node(id: $fund) {
                ... on Fund {
                  name
                  holdings(first: $first) {
                    totalCount
                    nodes {
                      id dealStage
                      company {
                        id name sector
                        latestAssessment { id publication { publishedAt } score { overall level dimensions { code score } } }
                        openFindings { critical high }
                      }
                    }
                    pageInfo { hasNextPage endCursor }
                  }
                }
              }
            }""";

    private static final String ASSESSMENT_NODE = """
            query($id: ID!) {
              node(id: $id) {
                ... on Assessment {
                  id status frameworkVersion publication { publishedAt } company { name }
                  score { overall level coverage dimensions { code score } }
                }
              }
            }""";

    private static final int COMPANIES = 4;

    @Autowired
    private StatementCounter counter;

    private GraphQlTester reader;
    private String fund;
    private final List<String> assessments = new ArrayList<>();

    @BeforeAll
    void aFundOfAssessedCompanies() {
        TenantUsers users = usersOf(newTenant("read-path"));
        GraphQlTester admin = graphQl(users.tenantAdmin());
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        reader = reviewer;
        fund = CompanyFixtures.createFund(admin, "Read Path Fund");
        for (int c = 1; c <= COMPANIES; c++) {
            String company = CompanyFixtures.createCompany(admin, "Company %d".formatted(c));
            CompanyFixtures.addHolding(admin, fund, company, "INVESTED");
            assessments.add(publishedAssessment(assessor, reviewer, company));
        }
    }

    @Test
    void theFundDashboardTakesAtMostItsCeilingWhateverThePageSize() {
        for (int first : new int[] {1, COMPANIES}) {
            List<String> sent =
                    statementsOf(DASHBOARD, Map.of("fund", fund, "first", first), "node.holdings.nodes", first);
            assertThat(sent)
                    .as("statements of the dashboard with %d holdings", first)
                    .hasSizeLessThanOrEqualTo(DASHBOARD_CEILING);
        }
    }

    @Test
    void thePortfolioComparisonTakesAtMostItsCeilingWhateverThePageSize() {
        for (int first : new int[] {1, COMPANIES}) {
            List<String> sent =
                    statementsOf(PORTFOLIO, Map.of("fund", fund, "first", first), "portfolio.companies.nodes", first);
            assertThat(sent)
                    .as("statements of the portfolio with %d rows", first)
                    .hasSizeLessThanOrEqualTo(PORTFOLIO_CEILING);
        }
    }

    @Test
    void anAssessmentByNodeIdTakesAtMostItsCeiling() {
        List<String> sent = statementsOf(ASSESSMENT_NODE, Map.of("id", assessments.get(0)), "node.score.dimensions", 4);
        assertThat(sent)
                .as("statements of node(id) of an assessment")
                .hasSizeLessThanOrEqualTo(ASSESSMENT_NODE_CEILING);
    }

    /** The statements of one request, after a first identical request has warmed every cache. */
    private List<String> statementsOf(
            String document, Map<String, Object> variables, String listPath, int expectedSize) {
        Runnable request = () -> {
            GraphQlTester.Request<?> asked = reader.document(document);
            variables.forEach(asked::variable);
            asked.execute().path(listPath).entityList(Object.class).hasSize(expectedSize);
        };
        return counter.statementsWarmed(request);
    }
}
