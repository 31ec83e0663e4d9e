package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.assessment.AssessmentFixtures;
import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.FileDownloads;
import dev.diligence.api.support.TenantUsers;
import dev.diligence.persistence.testing.TenantRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The cost-weighted rate limit, with buckets of 100 points that practically never refill (1 point
 * per 1000 days), so that nothing here depends on timing. Costs are exact: each firm holds 30 funds,
 * so {@value #THIRTY_FUNDS} costs 2 + 30 = 32 points whether requested or actually returned. These
 * properties make this class's application context its own; its firms are its own too.
 */
@TestPropertySource(
        properties = {
            "diligence.limits.max-cost=100",
            "diligence.limits.rate.capacity=100",
            "diligence.limits.rate.restore-rate=1",
            "diligence.limits.rate.restore-period=1000d"
        })
class RateLimitIT extends ApiIntegrationTest {

    private static final String THIRTY_FUNDS = "{ funds(first: 30) { nodes { name } } }";
    private static final int COST = 32;

    private final FileDownloads files = new FileDownloads(this::server);
    private GraphQlRequests requests;

    @BeforeEach
    void client() {
        requests = new GraphQlRequests(http());
    }

    @Test
    void aCallerWhoseBucketIsEmptyIsThrottledAndToldWhenToRetry() {
        String admin = usersOf(firmWithThirtyFunds()).tenantAdmin();
        spendAllButFour(admin);

        requests.post(admin, THIRTY_FUNDS)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        retryAfter -> assertThat(Long.parseLong(retryAfter)).isPositive())
                .expectBody()
                .jsonPath("$.data")
                .doesNotExist()
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("THROTTLED")
                .jsonPath("$.errors[0].extensions.cost")
                .isEqualTo(COST)
                .jsonPath("$.errors[0].extensions.available")
                .isEqualTo(4)
                .jsonPath("$.errors[0].extensions.retryAfterSeconds")
                .value(seconds -> assertThat(((Number) seconds).longValue()).isPositive())
                .jsonPath("$.errors[0].message")
                .value(message ->
                        assertThat((String) message).contains("32 points").contains("4 are available"))
                .jsonPath("$.extensions.cost.requestedQueryCost")
                .isEqualTo(COST)
                .jsonPath("$.extensions.cost.throttleStatus.currentlyAvailable")
                .isEqualTo(4);
    }

    @Test
    void aRequestCostingExactlyWhatIsLeftIsAdmitted() {
        String admin = usersOf(firmWithThirtyFunds()).tenantAdmin();
        spendAllButFour(admin);

        requests.post(admin, "{ funds(first: 2) { nodes { name } } }")
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.funds.nodes.length()")
                .isEqualTo(2)
                .jsonPath("$.extensions.cost.actualQueryCost")
                .isEqualTo(4)
                .jsonPath("$.extensions.cost.throttleStatus.currentlyAvailable")
                .isEqualTo(0);
    }

    @Test
    void aThrottledMutationWritesNothing() {
        String firm = firmWithThirtyFunds();
        String admin = usersOf(firm).tenantAdmin();
        spendAllButFour(admin);

        requests.post(admin, """
                mutation { createFund(input: {name: "Throttled", vintageYear: 2020, strategy: BUYOUT, currency: "EUR"}) { fund { id } } }""")
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("THROTTLED");
        assertThat(fundsNamed(firm, "Throttled")).isZero();
    }

    @Test
    void oneExhaustedCallerStarvesNeitherAnotherFirmNorAnotherUserOfItsOwn() {
        String noisy = firmWithThirtyFunds();
        String quiet = firmWithThirtyFunds();
        spendAllButFour(usersOf(noisy).tenantAdmin());
        requests.post(usersOf(noisy).tenantAdmin(), THIRTY_FUNDS)
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("THROTTLED");

        assertAdmitted(usersOf(quiet).tenantAdmin(), 100 - COST);
        assertAdmitted(usersOf(noisy).withRole("assessor"), 100 - COST);
    }

    @Test
    void aRefusedRequestCostsOnePoint() {
        String admin = usersOf(firmWithThirtyFunds()).tenantAdmin();
        requests.post(admin, "{ funds(first: 30) { nodes { noSuchField } } }")
                .expectBody()
                .jsonPath("$.extensions.cost.throttleStatus.currentlyAvailable")
                .isEqualTo(99);
    }

    /**
     * A file download, export or report, is charged from the same budget: {@code ExportGate}'s 10
     * points plus one per 100 rows (every file here has fewer: 10 points for the findings of a firm
     * that has none, 11 for the others), each admitted download showing what is left in its
     * {@code RateLimit} header; refused with 429, {@code Retry-After} and a JSON problem when the
     * budget holds fewer points than the file costs, and then nothing is exported or audited. The firm
     * (a fund granted to its fund manager, holding a company with a published assessment) is made by
     * its administrator, assessor and reviewer; the fund manager, who has spent nothing, downloads.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/exports/findings.csv,                        exportFindings,   10",
        "/exports/funds/{fund}/portfolio.csv,          exportPortfolio,  11",
        "/exports/assessments/{assessment}/scores.csv, exportAssessment, 11",
        "/exports/assessments/{assessment}/report.pdf, reportAssessment, 11",
        "/exports/funds/{fund}/report.pdf,             reportPortfolio,  11"
    })
    void anExportIsChargedFromTheSameBudgetAndRefusedWhenItCannotPay(String endpoint, String action, int cost) {
        String firm = newTenant("limits-export");
        TenantUsers users = usersOf(firm);
        GraphQlTester admin = graphQl(users.tenantAdmin());
        String fund = CompanyFixtures.createFund(admin, "Limited Fund");
        String company = CompanyFixtures.createCompany(admin, "Limited Analytics");
        CompanyFixtures.addHolding(admin, fund, company, "INVESTED");
        CompanyFixtures.grantFund(admin, fund, "fund-manager@" + firm);
        String assessment =
                AssessmentFixtures.publishedAssessment(graphQl(users.assessor()), graphQl(users.reviewer()), company);
        String path = endpoint.replace("{fund}", fund).replace("{assessment}", assessment);
        String exporter = users.fundManager();

        int admitted = 100 / cost - 1;
        for (int i = 1; i <= admitted; i++) {
            assertThat(files.download(exporter, path).getResponseHeaders().getFirst("RateLimit"))
                    .contains(";r=" + (100 - i * cost) + ";");
        }
        // fewer points left than the file costs, yet some: an empty budget is refused before any export is priced
        requests.post(exporter, "{ funds(first: 3) { nodes { name } } }")
                .expectBody()
                .jsonPath("$.extensions.cost.throttleStatus.currentlyAvailable")
                .value(left ->
                        assertThat(((Number) left).intValue()).isPositive().isLessThan(cost));

        server().get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + exporter)
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        retryAfter -> assertThat(Long.parseLong(retryAfter)).isPositive())
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("Throttled").contains("costs " + cost + " points"));
        assertThat(FileDownloads.auditEvents(firm, action, "fund-manager@" + firm))
                .as("the admitted downloads are audited, the refused one is not")
                .hasSize(admitted);
    }

    /** Three requests of 32 points leave 4 of 100. */
    private void spendAllButFour(String token) {
        for (int spent = 1; spent <= 3; spent++) {
            assertAdmitted(token, 100 - spent * COST);
        }
    }

    private void assertAdmitted(String token, int left) {
        requests.post(token, THIRTY_FUNDS)
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.funds.nodes.length()")
                .isEqualTo(30)
                .jsonPath("$.extensions.cost.requestedQueryCost")
                .isEqualTo(COST)
                .jsonPath("$.extensions.cost.actualQueryCost")
                .isEqualTo(COST)
                .jsonPath("$.extensions.cost.throttleStatus.maximumAvailable")
                .isEqualTo(100)
                .jsonPath("$.extensions.cost.throttleStatus.currentlyAvailable")
                .isEqualTo(left);
    }

    /** A new firm with 30 funds, written straight into the database so that no bucket pays for them. */
    static String firmWithThirtyFunds() {
        String key = TenantRows.uniqueKey("rate");
        try (Connection admin = DB.connectAsAdmin()) {
            UUID tenant = TenantRows.insertTenant(admin, key);
            for (int i = 1; i <= 30; i++) {
                TenantRows.insertFund(admin, tenant, "Fund %02d".formatted(i));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return key;
    }

    private static long fundsNamed(String firm, String name) {
        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement count = admin.prepareStatement(
                        "select count(*) from funds f join tenants t on t.id = f.tenant_id where t.key = ? and f.name = ?")) {
            count.setString(1, firm);
            count.setString(2, name);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
