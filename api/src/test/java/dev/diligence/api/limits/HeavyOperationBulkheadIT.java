package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The bulkhead of heavy operations with room for two and no wait: while two heavy requests are held
 * inside their resolvers ({@link ResolverGate}), a third heavy request of each heavy root field is
 * refused as UNAVAILABLE with nothing run, and light requests are answered without ever asking for
 * a place; places come back however the requests end. These properties and the gate make this
 * class's application context its own; its firm is its own too.
 */
@TestPropertySource(properties = {"diligence.limits.heavy.max-concurrent=2", "diligence.limits.heavy.max-wait=0s"})
@Import(ResolverGate.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeavyOperationBulkheadIT extends ApiIntegrationTest {

    private static final String PORTFOLIO = "query($fund: ID!) { portfolio(fundId: $fund) { cohortSize } }";
    private static final String TREND = """
            query($fund: ID!) { portfolioTrend(fundId: $fund, from: "2026-01-01T00:00:00Z", to: "2026-06-30T00:00:00Z", interval: MONTH) {
              interval } }""";
    private static final String COMPARISON = "query($fund: ID!) { compareCompanies(ids: [$fund, $fund]) { missing } }";
    private static final String LIGHT = "{ funds(first: 5) { totalCount nodes { name } } }";

    @Autowired
    private ResolverGate gate;

    @Autowired
    private MeterRegistry meters;

    @LocalManagementPort
    private int managementPort;

    private final ExecutorService clients = Executors.newFixedThreadPool(2);
    private GraphQlRequests requests;
    private String admin;
    private Map<String, Object> fund;

    @BeforeAll
    void aFirmWithAFund() {
        String tenant = newTenant("bulkhead");
        admin = usersOf(tenant).tenantAdmin();
        requests = new GraphQlRequests(http());
        fund = Map.of("fund", CompanyFixtures.createFund(graphQl(admin), "Bulkhead fund"));
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
    void aHeavyRequestBeyondTheLimitIsRefusedAsUnavailableAndRunsNothingWhileLightOnesAreAnswered()
            throws InterruptedException {
        ResolverGate.Hold hold = gate.hold(2);
        List<CompletableFuture<WebTestClient.BodyContentSpec>> held =
                List.of(inBackground(PORTFOLIO), inBackground(PORTFOLIO));
        hold.awaitEntered();
        int started = gate.started();
        assertThat(available()).isZero();

        for (String heavy : List.of(PORTFOLIO, TREND, COMPARISON)) {
            assertRefused(heavy);
        }
        assertThat(gate.started()).as("heavy resolvers started").isEqualTo(started);
        long asked = waits("admitted") + waits("refused");
        requests.post(admin, LIGHT)
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.funds.nodes[0].name")
                .isEqualTo("Bulkhead fund");
        assertThat(waits("admitted") + waits("refused"))
                .as("light requests never ask for a place")
                .isEqualTo(asked);

        hold.release();
        held.forEach(response -> response.join()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.portfolio.cohortSize")
                .isEqualTo(0));
        assertThat(available()).isEqualTo(2);
        assertThat(prometheus())
                .containsPattern("diligence_limits_heavy_max_concurrent\\{[^}]*\\} 2\\.0")
                .containsPattern("diligence_limits_heavy_available\\{[^}]*\\} 2\\.0")
                .containsPattern("diligence_limits_heavy_wait_seconds_count\\{[^}]*outcome=\"refused\"[^}]*\\} [1-9]")
                .containsPattern("diligence_limits_heavy_wait_seconds_count\\{[^}]*outcome=\"admitted\"[^}]*\\} [1-9]");
    }

    /**
     * After failed requests (each held a place) and refused ones (each held none), exactly two
     * places are free: two requests are held and the third is refused, so none leaked and none was
     * given back twice.
     */
    @Test
    void placesComeBackAfterFailedAndRefusedRequests() throws InterruptedException {
        gate.fail();
        for (int i = 0; i < 3; i++) {
            requests.post(admin, PORTFOLIO, fund)
                    .expectBody()
                    .jsonPath("$.data.portfolio")
                    .isEmpty()
                    .jsonPath("$.errors[0].extensions.classification")
                    .isEqualTo("INTERNAL_ERROR");
        }
        gate.pass();
        assertThat(available()).isEqualTo(2);

        for (int round = 0; round < 2; round++) {
            ResolverGate.Hold hold = gate.hold(2);
            List<CompletableFuture<WebTestClient.BodyContentSpec>> held =
                    List.of(inBackground(PORTFOLIO), inBackground(TREND));
            hold.awaitEntered();
            assertRefused(COMPARISON);
            hold.release();
            held.forEach(CompletableFuture::join);
            assertThat(available()).isEqualTo(2);
        }
    }

    private CompletableFuture<WebTestClient.BodyContentSpec> inBackground(String document) {
        return CompletableFuture.supplyAsync(
                () -> requests.post(admin, document, fund).expectBody(), clients);
    }

    private void assertRefused(String document) {
        requests.post(admin, document, fund)
                .expectBody()
                .jsonPath("$.data")
                .doesNotExist()
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("UNAVAILABLE")
                .jsonPath("$.errors[0].extensions.retryAfterSeconds")
                .isEqualTo(1)
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message).contains("as many heavy operations as it may (2)"))
                .jsonPath("$.extensions.cost.actualQueryCost")
                .doesNotExist();
    }

    private double available() {
        return meters.get("diligence.limits.heavy.available").gauge().value();
    }

    private long waits(String outcome) {
        return meters.get("diligence.limits.heavy.wait")
                .tag("outcome", outcome)
                .timer()
                .count();
    }

    private String prometheus() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
