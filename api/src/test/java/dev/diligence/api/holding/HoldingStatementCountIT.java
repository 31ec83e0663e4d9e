package dev.diligence.api.holding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.StatementCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * No N+1: the number of SQL statements of a nested list query does not grow with the number of
 * parents or children on the page. Counted at the DataSource, so Hibernate and plain SQL count alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldingStatementCountIT extends ApiIntegrationTest {

    private static final int FUNDS = 6;
    private static final int COMPANIES_PER_FUND = 5;

    private static final String FUNDS_WITH_HOLDINGS = """
            query($funds: Int!, $holdings: Int!) {
              funds(first: $funds) {
                totalCount
                nodes {
                  name
                  holdings(first: $holdings) {
                    totalCount
                    nodes { dealStage ownershipPercentage company { name sector headquartersCountry externalReferences { source externalId } } fund { name } }
                  }
                }
              }
            }""";

    private static final String COMPANIES_WITH_HOLDINGS = """
            query($companies: Int!, $holdings: Int!) {
              companies(first: $companies) {
                nodes { name holdings(first: $holdings) { totalCount nodes { dealStage fund { name vintageYear } } } }
              }
            }""";

    @Autowired
    private StatementCounter counter;

    private GraphQlTester reader;

    @BeforeAll
    void sixFundsHoldingFiveCompaniesEach() {
        String tenant = newTenant("n-plus-one");
        GraphQlTester admin = graphQl(usersOf(tenant).tenantAdmin());
        reader = graphQl(usersOf(tenant).fundManager());
        List<String> companies = new ArrayList<>();
        for (int c = 1; c <= COMPANIES_PER_FUND * 2; c++) {
            companies.add(admin.document("""
                    mutation { createCompany(input: {name: "Company %02d", sector: INSURANCE, headquartersCountry: "GB", stage: GROWTH,
                      externalReferences: [{source: "crm", externalId: "C-%d"}]}) { company { id } } }""".formatted(c, c))
                    .execute()
                    .path("createCompany.company.id")
                    .entity(String.class)
                    .get());
        }
        for (int f = 1; f <= FUNDS; f++) {
            String fund = admin.document("""
                    mutation { createFund(input: {name: "Fund %02d", vintageYear: 2020, strategy: BUYOUT, currency: "EUR"}) { fund { id } } }""".formatted(f))
                    .execute()
                    .path("createFund.fund.id")
                    .entity(String.class)
                    .get();
            // the reader is a fund manager granted every fund: the fund-scoped path is the costlier one
            admin.document(
                            "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { userErrors { code } } }")
                    .variable("f", fund)
                    .variable("s", "fund-manager@" + tenant)
                    .execute()
                    .path("grantFundAccess.userErrors")
                    .entityList(Object.class)
                    .hasSize(0);
            for (int c = 0; c < COMPANIES_PER_FUND; c++) {
                admin.document("""
                        mutation { addHolding(input: {fundId: "%s", companyId: "%s", dealStage: INVESTED, ownershipPercentage: "10"}) {
                          userErrors { code } } }""".formatted(fund, companies.get((f + c) % companies.size())))
                        .execute()
                        .path("addHolding.userErrors")
                        .entityList(Object.class)
                        .hasSize(0);
            }
        }
    }

    @Test
    void fundsWithTheirHoldingsAndCompaniesTakeTheSameStatementsWhateverThePageSizes() {
        Map<String, Long> statements = new LinkedHashMap<>();
        for (int[] size : new int[][] {{1, 1}, {3, 2}, {FUNDS, COMPANIES_PER_FUND}}) {
            statements.put(
                    "funds(first: %d) holdings(first: %d)".formatted(size[0], size[1]),
                    statementsOf(
                            FUNDS_WITH_HOLDINGS,
                            Map.of("funds", size[0], "holdings", size[1]),
                            "funds.nodes",
                            size[0]));
        }
        System.out.println("Statements per request of funds/holdings/company: " + statements);
        assertThat(statements.values())
                .as("statements per request, by page sizes: %s", statements)
                .containsOnly(statements.values().iterator().next());
    }

    @Test
    void companiesWithTheirHoldingsAndFundsTakeTheSameStatementsWhateverThePageSizes() {
        Map<String, Long> statements = new LinkedHashMap<>();
        for (int[] size : new int[][] {{1, 1}, {4, 2}, {10, 6}}) {
            statements.put(
                    "companies(first: %d) holdings(first: %d)".formatted(size[0], size[1]),
                    statementsOf(
                            COMPANIES_WITH_HOLDINGS,
                            Map.of("companies", size[0], "holdings", size[1]),
                            "companies.nodes",
                            size[0]));
        }
        System.out.println("Statements per request of companies/holdings/fund: " + statements);
        assertThat(statements.values())
                .as("statements per request, by page sizes: %s", statements)
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
