package dev.diligence.api.assessment;

import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.publishedAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.StatementCounter;
import dev.diligence.api.support.TenantUsers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * No N+1 in assessments: companies with their assessments (scored live or stored), findings and
 * latest assessment, and findings with their assessment and company, take the same number of SQL
 * statements whatever the page size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentStatementCountIT extends ApiIntegrationTest {

    private static final int COMPANIES = 8;

    private static final String COMPANIES_WITH_ASSESSMENTS = """
            query($companies: Int!) {
              companies(first: $companies) {
                nodes {
                  name
                  assessments { status criteria { code state } score { overall level redFlags { rule } }
                                findings { title severity ownedBy { name } } company { name }
                                assessor { name } editedBy { name } submittedBy { name } }
                  latestAssessment { publication { publishedBy publisher { name } } score { overall dimensions { score } } }
                  openFindings { critical high }
                }
              }
            }""";

    /** The paged history: each company's page of assessments, counted, with what an assessment shows. */
    private static final String COMPANIES_WITH_ASSESSMENT_HISTORY = """
            query($companies: Int!, $assessments: Int!) {
              companies(first: $companies) {
                nodes {
                  name
                  assessmentHistory(first: $assessments) {
                    totalCount pageInfo { hasNextPage endCursor }
                    nodes { status criteria { code state } score { overall level redFlags { rule } }
                            findings { title severity } company { name } }
                  }
                }
              }
            }""";

    private static final String FINDINGS_WITH_ASSESSMENTS = """
            query($findings: Int!) {
              findings(first: $findings) {
                totalCount countsBySeverity { critical high }
                nodes { title assessment { status score { overall } company { name } } }
              }
            }""";

    @Autowired
    private StatementCounter counter;

    private GraphQlTester reader;

    @BeforeAll
    void companiesWithAPublishedAssessmentAndADraftEach() {
        String tenant = newTenant("assessment-n-plus-one");
        TenantUsers users = usersOf(tenant);
        GraphQlTester admin = graphQl(users.tenantAdmin());
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        reader = reviewer;
        for (int c = 1; c <= COMPANIES; c++) {
            String company = CompanyFixtures.createCompany(admin, "Company %02d".formatted(c));
            publishedAssessment(assessor, reviewer, company);
            String draft = createAssessment(assessor, company, Map.of("euAiActTier", "HIGH"));
            // C2.2 at 3 without evidence fires RF7; HIGH tier with C4.x unknown fires RF3: two rule findings
            score(assessor, draft, "C2.2", 3, "HIGH");
        }
    }

    @Test
    void companiesWithTheirAssessmentsTakeTheSameStatementsWhateverThePageSize() {
        Map<String, Long> statements = new LinkedHashMap<>();
        for (int size : new int[] {1, 3, COMPANIES}) {
            statements.put(
                    "companies(first: %d)".formatted(size),
                    statementsOf(COMPANIES_WITH_ASSESSMENTS, Map.of("companies", size), "companies.nodes", size));
        }
        System.out.println("Statements per request of companies/assessments/findings: " + statements);
        assertThat(statements.values())
                .as("statements per request, by page size: %s", statements)
                .containsOnly(statements.values().iterator().next());
    }

    @Test
    void companiesWithTheirAssessmentHistoryTakeTheSameStatementsWhateverThePageSizes() {
        Map<String, Long> statements = new LinkedHashMap<>();
        for (int[] sizes : new int[][] {{1, 1}, {3, 2}, {COMPANIES, 1}, {COMPANIES, 2}}) {
            statements.put(
                    "companies(first: %d) assessmentHistory(first: %d)".formatted(sizes[0], sizes[1]),
                    statementsOf(
                            COMPANIES_WITH_ASSESSMENT_HISTORY,
                            Map.of("companies", sizes[0], "assessments", sizes[1]),
                            "companies.nodes[*].assessmentHistory.nodes[*]",
                            sizes[0] * sizes[1]));
        }
        System.out.println("Statements per request of companies/assessment history/findings: " + statements);
        assertThat(statements.values())
                .as("statements per request, by page sizes: %s", statements)
                .containsOnly(statements.values().iterator().next());
    }

    @Test
    void findingsWithTheirAssessmentsTakeTheSameStatementsWhateverThePageSize() {
        Map<String, Long> statements = new LinkedHashMap<>();
        for (int size : new int[] {1, 5, 2 * COMPANIES}) {
            statements.put(
                    "findings(first: %d)".formatted(size),
                    statementsOf(FINDINGS_WITH_ASSESSMENTS, Map.of("findings", size), "findings.nodes", size));
        }
        System.out.println("Statements per request of findings/assessment/company: " + statements);
        assertThat(statements.values())
                .as("statements per request, by page size: %s", statements)
                .containsOnly(statements.values().iterator().next());
    }

    /** Statements of one request, after a first identical request has warmed every cache. */
    private long statementsOf(String document, Map<String, Object> variables, String listPath, int expectedSize) {
        return counter.countWarmed(() -> {
            GraphQlTester.Request<?> request = reader.document(document);
            variables.forEach(request::variable);
            request.execute().path(listPath).entityList(Object.class).hasSize(expectedSize);
        });
    }
}
