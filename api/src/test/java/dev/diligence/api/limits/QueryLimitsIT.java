package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.assessment.AssessmentFixtures;
import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import graphql.introspection.IntrospectionQuery;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/**
 * Every query limit at its default: a request just above it is refused with its classification,
 * runs no resolver (a refused mutation writes nothing) and says the limit and its actual value; a
 * request at the limit is admitted. The product's heaviest legitimate requests pass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryLimitsIT extends ApiIntegrationTest {

    private static final int MAX_BODY = 2 * 1024 * 1024;

    /** The benchmark's heavy portfolio request; its cost is in README.md ("How the cost is computed"). */
    private static final String PORTFOLIO_HEATMAP = """
            query($fundId: ID!) {
              portfolio(fundId: $fundId) {
                fund { name }
                asOf frameworkVersion dealStages cohortSize
                overall { count mean median min max lowerQuartile upperQuartile }
                dimensions { dimension statistics { count mean median min max lowerQuartile upperQuartile } }
                levelDistribution { level0 level1 level2 level3 level4 suppressed }
                unassessedCompanies { name }
                otherVersions { frameworkVersion companies { name } }
                companies(first: 100) {
                  nodes {
                    company { name }
                    overall level levelSuppressed cohortSize percentileRank
                    dimensions { dimension score }
                    openFindings { critical high medium low info }
                    heatmap { criterion state effectiveLevel gated redFlag }
                  }
                }
              }
            }""";

    /** A fund's trend over 40 months with every statistic of every point and every change: the trend screen at its longest. */
    private static final String TREND_OF_FORTY_MONTHS = """
            query($fundId: ID!, $from: DateTime!, $to: DateTime!) {
              portfolioTrend(fundId: $fundId, from: $from, to: $to, interval: MONTH) {
                fund { name }
                from to interval frameworkVersion dealStages
                points {
                  asOf period periodEnd cohortSize unassessedCount otherVersionCount
                  overall { count mean median min max lowerQuartile upperQuartile }
                  dimensions { dimension statistics { count mean median min max lowerQuartile upperQuartile } }
                  levelDistribution { level0 level1 level2 level3 level4 suppressed }
                }
                changes {
                  company { name }
                  fromAssessment { id } toAssessment { id }
                  fromPublishedAt toPublishedAt
                  overallBefore overallAfter overallDelta levelBefore levelAfter levelSuppressedBefore levelSuppressedAfter
                  dimensions { dimension before after delta }
                }
              }
            }""";

    /** The comparison screen at its widest: 10 companies with their dimensions and criteria, against a fund's medians. */
    private static final String COMPARISON_OF_TEN = """
            query($ids: [ID!]!, $fundId: ID) {
              compareCompanies(ids: $ids, fundId: $fundId) {
                frameworkVersion asOf missing
                fundMedians { fund { name } cohortSize overall dimensions { dimension median } }
                companies {
                  company { name }
                  assessment { id }
                  publishedAt frameworkVersion comparable overall percentage level levelSuppressed overallDifferenceFromMedian
                  dimensions { dimension score fundMedian differenceFromMedian }
                  criteria { criterion state effectiveLevel gap }
                }
              }
            }""";

    @Autowired
    private DataSource dataSource;

    private String tenant;
    private String admin;
    private GraphQlRequests requests;

    @BeforeAll
    void aFirmWithAFundHoldingACompany() {
        tenant = newTenant("limits");
        admin = usersOf(tenant).tenantAdmin();
        requests = new GraphQlRequests(http());
        GraphQlTester tester = HttpGraphQlTester.create(requests.client()
                .mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .build());
        String fund = tester.document(createFund("Seed fund", "id"))
                .execute()
                .path("createFund.fund.id")
                .entity(String.class)
                .get();
        String company = tester.document("""
                mutation { createCompany(input: {name: "Seed company", sector: OTHER, headquartersCountry: "DE", stage: SEED}) {
                  company { id } } }""")
                .execute()
                .path("createCompany.company.id")
                .entity(String.class)
                .get();
        tester.document("""
                mutation { addHolding(input: {fundId: "%s", companyId: "%s", dealStage: SOURCED}) { holding { id } } }""".formatted(fund, company))
                .execute()
                .path("addHolding.holding.id")
                .hasValue();
    }

    @Test
    void refusesADocumentAboveTheTokenLimitAndAdmitsOneAtIt() {
        assertRefused(post(padToTokens(createFund("Tokens 1001", "id"), 1001)), "MAX_TOKENS_EXCEEDED", 1001, 1000);
        assertNotWritten("Tokens 1001");
        assertWritten(post(padToTokens(createFund("Tokens 1000", "id"), 1000)), "Tokens 1000");
    }

    @Test
    void refusesAQueryAboveTheDepthLimitAndAdmitsOneAtIt() {
        assertRefused(post(createFund("Depth 11", fundSelectionOfDepth(11 - 2))), "MAX_DEPTH_EXCEEDED", 11, 10);
        assertNotWritten("Depth 11");
        assertWritten(post(createFund("Depth 10", fundSelectionOfDepth(10 - 2))), "Depth 10");
    }

    @Test
    void refusesAQueryAboveTheAliasLimitAndAdmitsOneAtIt() {
        assertRefused(post(createFund("Aliases 16", aliasesOfId(16))), "MAX_ALIASES_EXCEEDED", 16, 15);
        assertNotWritten("Aliases 16");
        assertWritten(post(createFund("Aliases 15", aliasesOfId(15))), "Aliases 15");
    }

    @Test
    void refusesAnOperationAboveTheRootFieldLimitAndAdmitsOneAtIt() {
        assertRefused(post(createFunds("Roots 11", 11)), "MAX_ROOT_FIELDS_EXCEEDED", 11, 10);
        assertNotWritten("Roots 11 #1");
        post(createFunds("Roots 10", 10)).expectBody().jsonPath("$.errors").doesNotExist();
        IntStream.rangeClosed(1, 10)
                .forEach(i -> assertThat(fundsNamed("Roots 10 #" + i)).isOne());
    }

    /** graphql-cop's field duplication check: 500 copies of {@code __typename} in one selection set. */
    @Test
    void refusesASelectionSetAboveTheFieldRepeatLimitAndAdmitsOneAtIt() {
        assertRefused(
                post(createFund("Typenames 500", "id" + " __typename".repeat(500))),
                "MAX_FIELD_REPEATS_EXCEEDED",
                500,
                10);
        assertNotWritten("Typenames 500");
        assertRefused(post(createFund("Repeats 11", "id" + " name".repeat(11))), "MAX_FIELD_REPEATS_EXCEEDED", 11, 10);
        assertNotWritten("Repeats 11");
        // 1 + 4 + 4 + 2 copies of name once the fragments merge into the set
        assertRefused(
                post(createFund("Repeats 11 in fragments", "name ...names ...names ... on Fund { name name }")
                        + " fragment names on Fund { name name name name }"),
                "MAX_FIELD_REPEATS_EXCEEDED",
                11,
                10);
        assertNotWritten("Repeats 11 in fragments");
        assertWritten(post(createFund("Repeats 10", "id" + " name".repeat(10))), "Repeats 10");
    }

    @Test
    void refusesAFieldAboveTheDirectiveLimitAndLetsOneAtItThrough() {
        String fiveDirectives =
                "@include(if: true) @include(if: true) @skip(if: false) @skip(if: false) @include(if: true)";
        assertRefused(
                post(
                        "mutation { createFund(input: {name: \"Directives 5\", vintageYear: 2020, strategy: BUYOUT, currency: \"EUR\"}) "
                                + fiveDirectives + " { fund { id } } }"),
                "MAX_DIRECTIVES_EXCEEDED",
                5,
                4);
        assertNotWritten("Directives 5");
        // four directives pass the limit; repeating @include is for validation to refuse
        post("{ viewer @include(if: true) @include(if: true) @skip(if: false) @skip(if: false) { subject } }")
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("ValidationError");
        post("{ viewer @include(if: true) @skip(if: false) { subject } }")
                .expectBody()
                .jsonPath("$.data.viewer.subject")
                .isNotEmpty()
                .jsonPath("$.errors")
                .doesNotExist();
    }

    @Test
    void refusesAQueryAboveTheCostLimitAndAdmitsOneAtIt() {
        String atTheLimit = "{ funds(first: 98) { nodes { holdings(first: 24) { nodes { company { name } } } } } }";
        String aboveTheLimit =
                "{ funds(first: 98) { pageInfo { hasNextPage } nodes { holdings(first: 24) { nodes { company { name } } } } } }";
        post(atTheLimit)
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.funds.nodes")
                .isArray()
                .jsonPath("$.extensions.cost.requestedQueryCost")
                .isEqualTo(5000);
        assertRefused(post(aboveTheLimit), "MAX_COST_EXCEEDED", 5001, 5000)
                .jsonPath("$.extensions.cost.requestedQueryCost")
                .isEqualTo(5001)
                .jsonPath("$.extensions.cost.actualQueryCost")
                .doesNotExist();
        assertRefused(
                post(
                        createFund(
                                "Cost",
                                "holdings(first: 100) { nodes { company { holdings(first: 100) { nodes { fund { name } } } } } }")),
                "MAX_COST_EXCEEDED",
                10 + 1 + 2 + 100 * (1 + 1 + 2 + 100 * (1 + 1)),
                5000);
        assertNotWritten("Cost");
    }

    @Test
    void admitsTheHeaviestLegitimateRequestOfToday() {
        post("{ funds(first: 100) { totalCount nodes { name holdings(first: 20) { totalCount nodes { dealStage company { name } } } } } }")
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.funds.nodes[?(@.name == 'Seed fund')].holdings.nodes[0].company.name")
                .isEqualTo("Seed company")
                .jsonPath("$.extensions.cost.requestedQueryCost")
                .isEqualTo(2 + 100 * (1 + 2 + 20 * (1 + 1)));
        assertRefused(
                post("{ funds(first: 100) { nodes { name holdings(first: 100) { nodes { company { name } } } } } }"),
                "MAX_COST_EXCEEDED",
                2 + 100 * (1 + 2 + 100 * (1 + 1)),
                5000);
    }

    /**
     * The benchmark's heavy portfolio request, the heatmap screen of a fund of 100 companies: the
     * whole-fund summary and a page of 100 companies with their heatmaps, dimension scores,
     * percentile ranks and open findings. The declared list sizes (README, "How the cost is
     * computed") keep it well under the limit; here one company's published assessment fills a row.
     */
    @Test
    void admitsTheHeavyPortfolioRequestOfTheBenchmark() {
        TenantUsers users = usersOf(tenant);
        GraphQlTester tester = graphQl(users.tenantAdmin());
        String fund = CompanyFixtures.createFund(tester, "Portfolio fund");
        String company = CompanyFixtures.createCompany(tester, "Portfolio company");
        CompanyFixtures.addHolding(tester, fund, company, "INVESTED");
        AssessmentFixtures.publishedAssessment(graphQl(users.assessor()), graphQl(users.reviewer()), company);

        // portfolio, fund, overall, 4 dimensions of 2, levels, 20 unassessed companies, 2 other versions of 20
        // companies,
        // the connection and 100 rows of (company, 4 dimension scores, open findings, 14 heatmap cells): 2,176 of 5,000
        int requested = 1 + 1 + 1 + 4 * (1 + 1) + 1 + 20 + 2 * (1 + 20) + 2 + 100 * (1 + 1 + 4 + 1 + 14);
        requests.post(admin, PORTFOLIO_HEATMAP, Map.of("fundId", fund))
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.portfolio.cohortSize")
                .isEqualTo(1)
                .jsonPath("$.data.portfolio.companies.nodes[0].company.name")
                .isEqualTo("Portfolio company")
                .jsonPath("$.data.portfolio.companies.nodes[0].heatmap.length()")
                .isEqualTo(14)
                .jsonPath("$.data.portfolio.companies.nodes[0].dimensions.length()")
                .isEqualTo(4)
                .jsonPath("$.extensions.cost.requestedQueryCost")
                .isEqualTo(requested)
                // what one full row really cost: portfolio, fund, overall, 4 dimensions of 2, levels, the connection,
                // the row
                .jsonPath("$.extensions.cost.actualQueryCost")
                .isEqualTo(1 + 1 + 1 + 4 * 2 + 1 + 2 + (1 + 1 + 4 + 1 + 14));
    }

    /**
     * The paged lists that replace plain lists are costed by their page sizes like every connection: a
     * page of 100 companies each with a page of 100 assessments is refused before it runs, a page of 20
     * each is admitted at exactly its cost; the heatmap screen reading the portfolio's paged lists instead
     * of the deprecated plain ones stays far below the limit.
     */
    @Test
    void thePagedListsAreCostedByTheirPageSizes() {
        assertRefused(
                post("{ companies(first: 100) { nodes { assessmentHistory(first: 100) { nodes { id } } } } }"),
                "MAX_COST_EXCEEDED",
                2 + 100 * (1 + 2 + 100),
                5000);
        assertRefused(
                post(
                        "{ firms(first: 50) { nodes { key } } companies(first: 100) { nodes { assessmentHistory(last: 48) { nodes { id } } } } }"),
                "MAX_COST_EXCEEDED",
                (2 + 50) + 2 + 100 * (1 + 2 + 48),
                5000);
        post("{ companies(first: 100) { nodes { name assessmentHistory(first: 20) { totalCount nodes { id } } } } }")
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.companies.nodes[?(@.name == 'Seed company')].assessmentHistory.totalCount")
                .isEqualTo(0)
                .jsonPath("$.extensions.cost.requestedQueryCost")
                .isEqualTo(2 + 100 * (1 + 2 + 20));

        TenantUsers users = usersOf(tenant);
        GraphQlTester tester = graphQl(users.tenantAdmin());
        String fund = CompanyFixtures.createFund(tester, "Paged portfolio fund");
        CompanyFixtures.addHolding(
                tester, fund, CompanyFixtures.createCompany(tester, "Unassessed company"), "SOURCED");
        String paged = PORTFOLIO_HEATMAP
                .replace("unassessedCompanies { name }", "unassessed(first: 20) { totalCount nodes { name } }")
                .replace(
                        "otherVersions { frameworkVersion companies { name } }",
                        "otherVersions { frameworkVersion companyPage(first: 20) { totalCount nodes { name } } }");
        assertThat(paged).doesNotContain("unassessedCompanies", "companies { name }");
        // the deprecated lists' 20 + 2 × (1 + 20) become connections of 2 + 20 each: 2,176 + 2 + 2 × 2
        int requested = 1 + 1 + 1 + 4 * (1 + 1) + 1 + (2 + 20) + 2 * (1 + 2 + 20) + 2 + 100 * (1 + 1 + 4 + 1 + 14);
        assertThat(requested).isEqualTo(2182);
        requests.post(admin, paged, Map.of("fundId", fund))
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.portfolio.unassessed.totalCount")
                .isEqualTo(1)
                .jsonPath("$.data.portfolio.unassessed.nodes[0].name")
                .isEqualTo("Unassessed company")
                .jsonPath("$.extensions.cost.requestedQueryCost")
                .isEqualTo(requested);
    }

    /**
     * The trend and comparison screens at their largest: a monthly trend of 40 points (the most a trend may have)
     * selecting every statistic and every change, and a comparison of 10 companies (the most that may be compared)
     * with their dimensions and criteria against a fund's medians. The declared list sizes (README, "How the cost is
     * computed") keep both well under the limit. Ten companies of a fund each have a published assessment, the first
     * two, so that the trend has a change; the window is the 40 months up to the end of the current one, so it holds
     * the publications.
     */
    @Test
    void admitsTheLongestTrendAndTheWidestComparison() {
        TenantUsers users = usersOf(tenant);
        GraphQlTester tester = graphQl(users.tenantAdmin());
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        String fund = CompanyFixtures.createFund(tester, "Comparison fund");
        List<String> companies = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> {
                    String company = CompanyFixtures.createCompany(tester, "Compared company " + i);
                    CompanyFixtures.addHolding(tester, fund, company, "INVESTED");
                    AssessmentFixtures.publishedAssessment(assessor, reviewer, company);
                    return company;
                })
                .toList();
        AssessmentFixtures.publishedAssessment(assessor, reviewer, companies.get(0));
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        String from = thisMonth
                .minusMonths(39)
                .atDay(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .toString();
        String to = thisMonth
                .plusMonths(1)
                .atDay(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .minus(1, ChronoUnit.MICROS)
                .toString();

        // trend 1 + fund 1 + 40 points × (1 + overall 1 + 4 dimensions × (1 + statistics 1) + levels 1)
        // + 20 changes (undeclared) × (1 + company 1 + from 1 + to 1 + 4 dimensions × 1): 602 of 5,000
        int trendCost = 1 + 1 + 40 * (1 + 1 + 4 * (1 + 1) + 1) + 20 * (1 + 1 + 1 + 1 + 4);
        requests.post(admin, TREND_OF_FORTY_MONTHS, Map.of("fundId", fund, "from", from, "to", to))
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.portfolioTrend.points.length()")
                .isEqualTo(40)
                .jsonPath("$.data.portfolioTrend.points[39].cohortSize")
                .isEqualTo(10)
                .jsonPath("$.data.portfolioTrend.changes.length()")
                .isEqualTo(1)
                .jsonPath("$.extensions.cost.requestedQueryCost")
                .isEqualTo(trendCost)
                // what was returned: the 40 full points and the one change
                .jsonPath("$.extensions.cost.actualQueryCost")
                .isEqualTo(1 + 1 + 40 * (1 + 1 + 4 * (1 + 1) + 1) + (1 + 1 + 1 + 1 + 4));

        // comparison 1 + medians (1 + fund 1 + 4 dimensions) + 10 companies × (1 + company 1 + assessment 1 + 4
        // dimensions
        // + 14 criteria): 217 of 5,000, all of it returned
        int comparisonCost = 1 + (1 + 1 + 4) + 10 * (1 + 1 + 1 + 4 + 14);
        requests.post(admin, COMPARISON_OF_TEN, Map.of("ids", companies, "fundId", fund))
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.compareCompanies.companies.length()")
                .isEqualTo(10)
                .jsonPath("$.data.compareCompanies.companies[9].criteria.length()")
                .isEqualTo(14)
                .jsonPath("$.data.compareCompanies.fundMedians.cohortSize")
                .isEqualTo(10)
                .jsonPath("$.extensions.cost.requestedQueryCost")
                .isEqualTo(comparisonCost)
                .jsonPath("$.extensions.cost.actualQueryCost")
                .isEqualTo(comparisonCost);
        assertThat(trendCost).isEqualTo(602);
        assertThat(comparisonCost).isEqualTo(217);
    }

    /** Whether introspection is on is another setting's business (it is off outside the local profile): no limit refuses it. */
    @Test
    void noLimitRefusesTheIntrospectionQueryOfGraphiql() {
        post(IntrospectionQuery.INTROSPECTION_QUERY)
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("MAX_", "THROTTLED", "TIMEOUT"));
    }

    @Test
    void everyResponseReportsItsCost() {
        post("{ funds(first: 10) { nodes { name } } }")
                .expectBody()
                .jsonPath("$.extensions.cost.requestedQueryCost")
                .isEqualTo(2 + 10)
                .jsonPath("$.extensions.cost.actualQueryCost")
                .value(Matchers.greaterThanOrEqualTo(2 + 1))
                .jsonPath("$.extensions.cost.throttleStatus.maximumAvailable")
                .isEqualTo(10_000)
                .jsonPath("$.extensions.cost.throttleStatus.currentlyAvailable")
                .value(Matchers.lessThanOrEqualTo(10_000))
                .jsonPath("$.extensions.cost.throttleStatus.restoreRate")
                .isEqualTo(500.0);
        post("{ funds(first: 10) { nodes { noSuchField } } }")
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("ValidationError")
                .jsonPath("$.extensions.cost.throttleStatus.maximumAvailable")
                .isEqualTo(10_000);
    }

    @Test
    void refusesABodyAboveTheSizeLimitWith413AndAdmitsOneAtIt() {
        postBody(paddedBody(createFund("Body above", "id"), MAX_BODY + 1))
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("MAX_BODY_SIZE_EXCEEDED")
                .jsonPath("$.errors[0].extensions.limit")
                .isEqualTo(MAX_BODY)
                .jsonPath("$.errors[0].extensions.actual")
                .isEqualTo(MAX_BODY + 1)
                .jsonPath("$.errors[0].message")
                .isEqualTo("The size of the request body is 2,097,153 bytes; the limit is 2,097,152 bytes");
        assertNotWritten("Body above");
        postBody(paddedBody(createFund("Body at", "id"), MAX_BODY))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.createFund.fund.id")
                .isNotEmpty();
        assertThat(fundsNamed("Body at")).isOne();
    }

    @Test
    void refusesAChunkedBodyAboveTheSizeLimitWith413() {
        byte[] body = paddedBody(createFund("Chunked above", "id"), MAX_BODY + 1);
        DataBuffer first = DefaultDataBufferFactory.sharedInstance.wrap(Arrays.copyOfRange(body, 0, MAX_BODY / 2));
        DataBuffer second =
                DefaultDataBufferFactory.sharedInstance.wrap(Arrays.copyOfRange(body, MAX_BODY / 2, body.length));
        requests.client()
                .post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(Flux.just(first, second)))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("MAX_BODY_SIZE_EXCEEDED")
                .jsonPath("$.errors[0].message")
                .isEqualTo("The size of the request body is more than 2,097,152 bytes; the limit is 2,097,152 bytes");
        assertNotWritten("Chunked above");
    }

    @Test
    void theApplicationsDatabaseConnectionsCarryTheStatementTimeout() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement show = connection.prepareStatement("show statement_timeout");
                ResultSet timeout = show.executeQuery()) {
            timeout.next();
            assertThat(timeout.getString(1)).isEqualTo("5s");
        }
    }

    private WebTestClient.ResponseSpec post(String document) {
        return requests.post(admin, document);
    }

    private WebTestClient.BodyContentSpec assertRefused(
            WebTestClient.ResponseSpec response, String classification, long actual, long limit) {
        return response.expectBody()
                .jsonPath("$.data")
                .doesNotExist()
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo(classification)
                .jsonPath("$.errors[0].extensions.limit")
                .isEqualTo(limit)
                .jsonPath("$.errors[0].extensions.actual")
                .isEqualTo(actual)
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message)
                        .contains(LimitErrors.number(actual))
                        .contains(LimitErrors.number(limit)))
                .jsonPath("$.extensions.cost")
                .exists();
    }

    private void assertWritten(WebTestClient.ResponseSpec response, String fundName) {
        response.expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.createFund.fund")
                .exists();
        assertThat(fundsNamed(fundName)).isOne();
    }

    private void assertNotWritten(String fundName) {
        assertThat(fundsNamed(fundName)).as("funds named %s", fundName).isZero();
    }

    private WebTestClient.ResponseSpec postBody(byte[] body) {
        return requests.client()
                .post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** A JSON request of {@code document}, padded with white space after the JSON to exactly {@code size} bytes. */
    private static byte[] paddedBody(String document, int size) {
        byte[] json = ("{\"query\":\""
                        + document.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy(json, 0, body, 0, json.length);
        return body;
    }

    private long fundsNamed(String name) {
        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement count = admin.prepareStatement(
                        "select count(*) from funds f join tenants t on t.id = f.tenant_id where t.key = ? and f.name = ?")) {
            count.setString(1, tenant);
            count.setString(2, name);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String createFund(String name, String fundSelection) {
        return "mutation { " + createFundField("", name, fundSelection) + " }";
    }

    private static String createFundField(String alias, String name, String fundSelection) {
        return alias
                + "createFund(input: {name: \"%s\", vintageYear: 2020, strategy: BUYOUT, currency: \"EUR\"}) { fund { %s } }"
                        .formatted(name, fundSelection);
    }

    private static String createFunds(String name, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> createFundField("f" + i + ": ", name + " #" + i, "id"))
                .collect(Collectors.joining(" ", "mutation { ", " }"));
    }

    /** A selection on a fund whose deepest path has exactly {@code depth} fields. */
    private static String fundSelectionOfDepth(int depth) {
        return switch (depth) {
            case 1 -> "name";
            case 2 -> "holdings(first: 1) { totalCount }";
            case 3 -> "holdings(first: 1) { nodes { id } }";
            default -> "holdings(first: 1) { nodes { fund { " + fundSelectionOfDepth(depth - 3) + " } } }";
        };
    }

    private static String aliasesOfId(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "a" + i + ": id").collect(Collectors.joining(" "));
    }

    /**
     * {@code mutation} with its fund's scalar fields (they cost nothing) selected again and again, most of
     * them with two directives (15 tokens a selection, 1 without), until the document has {@code tokens}
     * tokens: up to 1,000 tokens this selects no field more than 10 times, the field repeat limit.
     */
    private static String padToTokens(String mutation, int tokens) {
        List<String> fundScalars = List.of(
                "id",
                "name",
                "vintageYear",
                "strategy",
                "currency",
                "targetSize",
                "status",
                "version",
                "createdAt",
                "updatedAt");
        int missing = tokens - GraphQlRequests.tokens(mutation);
        int withDirectives = missing / 15;
        String padding = IntStream.range(0, withDirectives + missing % 15)
                .mapToObj(i -> " " + fundScalars.get(i % fundScalars.size())
                        + (i < withDirectives ? " @include(if: true) @skip(if: false)" : ""))
                .collect(Collectors.joining());
        String padded = mutation.replace("fund { id }", "fund { id" + padding + " }");
        assertThat(GraphQlRequests.tokens(padded)).isEqualTo(tokens);
        return padded;
    }
}
