package dev.diligence.api.request;

import static dev.diligence.api.assessment.AssessmentFixtures.publishedAssessment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.StatementCounter;
import dev.diligence.api.support.TenantUsers;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A query reads in one read-only transaction, whatever number of batch loaders it takes: one
 * connection from the pool per request, where each loader used to take its own. A mutation keeps
 * the transactions of its service and still writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryTransactionIT extends ApiIntegrationTest {

    /** The fund dashboard of the benchmark (Q1): fund, holdings, companies, latest assessments, open findings; five loaders. */
    private static final String DASHBOARD = """
            query($fund: ID!) {
              node(id: $fund) {
                ... on Fund {
                  name
                  holdings(first: 10) {
                    totalCount
                    nodes {
                      dealStage
                      company {
                        name
                        latestAssessment { publication { publishedAt } score { overall level dimensions { code score } } }
                        openFindings { critical high }
                      }
                    }
                  }
                }
              }
            }""";

    @Autowired
    private StatementCounter counter;

    private GraphQlTester admin;
    private String fund;

    @BeforeAll
    void aFundWithAssessedCompanies() {
        String tenant = newTenant("query-transaction");
        TenantUsers users = usersOf(tenant);
        admin = graphQl(users.tenantAdmin());
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        fund = CompanyFixtures.createFund(admin, "Fund I");
        for (String name : new String[] {"Alpha", "Bravo", "Charlie"}) {
            String company = CompanyFixtures.createCompany(admin, name);
            CompanyFixtures.addHolding(admin, fund, company, "INVESTED");
            publishedAssessment(assessor, reviewer, company);
        }
    }

    @Test
    void aQueryOfManyLoadersTakesOneConnectionFromThePool() {
        dashboard();

        long before = counter.connections();
        dashboard();

        assertThat(counter.connections() - before).isEqualTo(1);
    }

    @Test
    void aMutationStillWritesInItsOwnTransactions() {
        String created = CompanyFixtures.createCompany(admin, "Delta");

        admin.document("query($id: ID!) { node(id: $id) { ... on Company { name } } }")
                .variable("id", created)
                .execute()
                .path("node.name")
                .entity(String.class)
                .isEqualTo("Delta");
    }

    private void dashboard() {
        admin.document(DASHBOARD)
                .variable("fund", fund)
                .execute()
                .path("node.holdings.totalCount")
                .entity(Integer.class)
                .isEqualTo(3)
                .path("node.holdings.nodes[*].company.latestAssessment.score.overall")
                .entityList(Object.class)
                .hasSize(3)
                .path("node.holdings.nodes[*].company.openFindings")
                .entityList(Map.class)
                .hasSize(3);
    }
}
