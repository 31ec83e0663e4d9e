package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.persistence.testing.TenantRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gate in front of the GraphQL execution ({@link CallerGateFilter}): a caller beyond its
 * requests in flight, with an empty bucket, or throttled and not yet able to pay, is refused with
 * 429 before its document is read (a document that does not even parse is refused the same way),
 * and every answer carries the caller's budget in the IETF {@code RateLimit} fields. Budgets come by
 * role and by firm. Buckets practically never refill here (1 point per 1000 days), so nothing
 * depends on timing; resolvers are held by {@link ResolverGate}, not by sleeping.
 */
@TestPropertySource(
        properties = {
            "diligence.limits.max-cost=100",
            "diligence.limits.rate.capacity=100",
            "diligence.limits.rate.restore-rate=1",
            "diligence.limits.rate.restore-period=1000d",
            "diligence.limits.rate.max-in-flight=2",
            "diligence.limits.rate.roles.integration.capacity=300",
            "diligence.limits.heavy.max-concurrent=10"
        })
@Import(ResolverGate.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallerGateIT extends ApiIntegrationTest {

    private static final String GENEROUS_FIRM = TenantRows.uniqueKey("generous");
    private static final String PORTFOLIO = "query($fund: ID!) { portfolio(fundId: $fund) { cohortSize } }";
    /** Costs 2 + 1 = 3 points. */
    private static final String ONE_FUND = "{ funds(first: 1) { nodes { name } } }";

    private static final String NOT_GRAPHQL = "{ funds(first: ";

    @DynamicPropertySource
    static void generousFirm(DynamicPropertyRegistry registry) {
        registry.add("diligence.limits.rate.tenants.[" + GENEROUS_FIRM + "].integration.capacity", () -> "500");
    }

    @Autowired
    private ResolverGate gate;

    private final ExecutorService clients = Executors.newFixedThreadPool(2);
    private GraphQlRequests requests;
    private String firm;
    private Map<String, Object> fund;

    /** A firm with 31 funds: 30 written straight into the database, one created through the API by a user of its own. */
    @BeforeAll
    void aFirmWithThirtyOneFunds() {
        firm = RateLimitIT.firmWithThirtyFunds();
        requests = new GraphQlRequests(http());
        fund = Map.of("fund", CompanyFixtures.createFund(graphQl(user("setup", "tenant-admin")), "Gate fund"));
    }

    @AfterEach
    void openTheGate() {
        gate.pass();
    }

    @AfterAll
    void stopTheClients() {
        clients.shutdownNow();
    }

    @Test
    void aCallerBeyondItsRequestsInFlightIsRefusedBeforeItsDocumentIsRead() throws InterruptedException {
        String admin = user("in-flight", "tenant-admin");
        ResolverGate.Hold hold = gate.hold(2);
        List<CompletableFuture<WebTestClient.BodyContentSpec>> held = List.of(inBackground(admin), inBackground(admin));
        hold.awaitEntered();

        requests.post(admin, NOT_GRAPHQL)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("application/graphql-response+json"))
                .expectBody()
                .jsonPath("$.data")
                .doesNotExist()
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("THROTTLED")
                .jsonPath("$.errors[0].extensions.limit")
                .isEqualTo(2)
                .jsonPath("$.errors[0].extensions.retryAfterSeconds")
                .isEqualTo(1)
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message).contains("2 requests"));
        requests.post(user("other", "tenant-admin"), ONE_FUND)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist();

        hold.release();
        held.forEach(response ->
                response.join().jsonPath("$.data.portfolio.cohortSize").isEqualTo(0));
        requests.post(admin, ONE_FUND)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist();
    }

    @Test
    void aThrottledCallerIsRefusedBeforeParsingUntilItsBucketCanPayForTheRefusedRequest() {
        String reviewer = user("throttled", "reviewer");
        requests.post(reviewer, ONE_FUND)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.extensions.cost.throttleStatus.currentlyAvailable")
                .isEqualTo(100 - 3);

        requests.post(reviewer, "{ funds(first: 98) { nodes { name } } }")
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("THROTTLED")
                .jsonPath("$.errors[0].extensions.cost")
                .isEqualTo(100)
                .jsonPath("$.extensions.cost.requestedQueryCost")
                .isEqualTo(100);

        // the 97 points left would pay for a 3-point request, but the caller was told to wait
        for (String document : List.of(ONE_FUND, NOT_GRAPHQL)) {
            requests.post(reviewer, document)
                    .expectStatus()
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                    .expectHeader()
                    .value(
                            HttpHeaders.RETRY_AFTER,
                            seconds -> assertThat(Long.parseLong(seconds)).isPositive())
                    .expectBody()
                    .jsonPath("$.errors.length()")
                    .isEqualTo(1)
                    .jsonPath("$.errors[0].extensions.classification")
                    .isEqualTo("THROTTLED")
                    .jsonPath("$.extensions.cost.requestedQueryCost")
                    .isEmpty();
        }
    }

    @Test
    void aCallerWithAnEmptyBucketIsRefusedBeforeParsing() {
        String manager = user("spent", "assessor");
        for (int spent = 1; spent <= 3; spent++) {
            requests.post(manager, "{ funds(first: 30) { nodes { name } } }")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.extensions.cost.throttleStatus.currentlyAvailable")
                    .isEqualTo(100 - spent * 32);
        }
        requests.post(manager, "{ funds(first: 2) { nodes { name } } }")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.extensions.cost.throttleStatus.currentlyAvailable")
                .isEqualTo(0);

        requests.post(manager, NOT_GRAPHQL)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("THROTTLED")
                .jsonPath("$.extensions.cost.throttleStatus.currentlyAvailable")
                .isEqualTo(0);
    }

    @Test
    void everyAnswerCarriesTheCallersBudgetInTheRateLimitFields() {
        String admin = user("headers", "tenant-admin");
        requests.post(admin, ONE_FUND)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"cost\";q=100;w=" + 100L * 1000 * 86_400)
                .expectHeader()
                .valueEquals("RateLimit", "\"cost\";r=97;t=" + 3L * 1000 * 86_400)
                .expectBody()
                .jsonPath("$.extensions.cost.throttleStatus.currentlyAvailable")
                .isEqualTo(97);
        requests.post(admin, NOT_GRAPHQL)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("RateLimit", "\"cost\";r=96;t=" + 4L * 1000 * 86_400)
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("InvalidSyntax");
    }

    @Test
    void budgetsComeByRoleAndByFirm() {
        assertBucketSize(usersOf(firm).integration(), 300);
        assertBucketSize(usersOf(firm).fundManager(), 100);
        try (Connection admin = DB.connectAsAdmin()) {
            TenantRows.insertTenant(admin, GENEROUS_FIRM);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertBucketSize(usersOf(GENEROUS_FIRM).integration(), 500);
        assertBucketSize(usersOf(GENEROUS_FIRM).tenantAdmin(), 100);
    }

    private void assertBucketSize(String token, long size) {
        requests.post(token, "{ viewer { subject } }")
                .expectStatus()
                .isOk()
                .expectHeader()
                .value("RateLimit-Policy", policy -> assertThat(policy).startsWith("\"cost\";q=" + size + ";"))
                .expectBody()
                .jsonPath("$.extensions.cost.throttleStatus.maximumAvailable")
                .isEqualTo(size);
    }

    private String user(String name, String role) {
        return ISSUER.token(name + "@" + firm, firm, role);
    }

    private CompletableFuture<WebTestClient.BodyContentSpec> inBackground(String token) {
        return CompletableFuture.supplyAsync(
                () -> requests.post(token, PORTFOLIO, fund).expectBody(), clients);
    }
}
