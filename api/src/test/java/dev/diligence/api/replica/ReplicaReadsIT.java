package dev.diligence.api.replica;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static dev.diligence.api.assessment.AssessmentFixtures.submitAndPublish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import dev.diligence.persistence.replica.ReadOnlyRouting;
import dev.diligence.persistence.replica.ReplayPosition;
import dev.diligence.persistence.replica.WalPosition;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Reads of the portfolio comparisons and the file exports go to the replica, everything else to the
 * primary, and a client reads its own writes. There is no streaming replica here: the "replica" is
 * the test database itself, reached through a pool of its own (application name
 * {@code diligence-replica}), and its replay position is {@link #REPLAYED}, the primary's position
 * when the application started: every write of this test is newer. Which server served a read is
 * told by the routing's counter ({@value ReadOnlyRouting#METRIC}).
 *
 * <p>A caller's first GraphQL request remembers them as a person of the firm, a write, after which
 * their reads stay on the primary for {@code primary-after-write} (here longer than the test): so
 * each read that should reach the replica is the first request of a caller of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaReadsIT extends ApiIntegrationTest {

    private static final WalPosition REPLAYED = primaryPosition();

    private static final String PORTFOLIO =
            "query($f: ID!) { portfolio(fundId: $f) { fund { name } companies { nodes { company { name } } } } }";
    private static final Map<String, Object> CONTEXT = Map.of("euAiActTier", "HIGH", "modelsInProduction", true);
    private static final String CHANGES = "query { changes { changes { entityType } } }";
    private static final String CREATE_COMPANY =
            "mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } } }";

    @DynamicPropertySource
    static void aReplicaThatIsTheTestDatabase(DynamicPropertyRegistry registry) {
        registry.add("diligence.datasource.replica.url", () -> DB.jdbcUrl() + "?ApplicationName=diligence-replica");
        // longer than this test: whoever wrote here reads from the primary throughout
        registry.add("diligence.datasource.replica.primary-after-write", () -> "1h");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ReplayedAtStart {

        @Bean
        ReplayPosition replayPosition() {
            return () -> Optional.of(REPLAYED);
        }
    }

    @Autowired
    private MeterRegistry meters;

    private String tenant;
    private TenantUsers users;
    private CompanyFixtures.TwoFunds funds;

    @BeforeAll
    void aFirmWithTwoFundsOneGrantedToTheFundManager() {
        tenant = newTenant("replica");
        users = usersOf(tenant);
        funds = CompanyFixtures.twoFundsOneGranted(
                graphQl(users.tenantAdmin()), "fund-manager@" + tenant, "In Granted", "In Other");
        GraphQlTester assessor = graphQl(users.assessor());
        for (String company : List.of(funds.inGranted(), funds.inOther())) {
            String assessment = createAssessment(assessor, company, CONTEXT);
            score(assessor, assessment, "C1.1", 3, "HIGH");
            addEvidence(assessor, assessment, "C1.1");
            submitAndPublish(assessor, graphQl(users.reviewer()), assessment);
        }
    }

    @Test
    void aPortfolioComparisonReadsFromTheReplicaWithTheFundScopeOfTheCaller() {
        Reads reads = new Reads();

        Map<String, Object> granted =
                data(post(fundManagerOfTheGrantedFund(), null, PORTFOLIO, Map.of("f", funds.granted())));
        Map<String, Object> other =
                data(post(fundManagerOfTheGrantedFund(), null, PORTFOLIO, Map.of("f", funds.other())));

        assertThat(granted.toString()).contains("Granted Fund", "In Granted").doesNotContain("In Other");
        assertThat(other.get("portfolio")).isNull();
        assertThat(reads.onReplica()).isEqualTo(2);
        assertThat(replicaConnections()).isPositive();
    }

    @Test
    void aFileExportReadsFromTheReplicaAndItsAuditRecordCommitsOnThePrimary() {
        Reads reads = new Reads();

        EntityExchangeResult<byte[]> export = server().get()
                .uri("/exports/funds/" + funds.granted() + "/portfolio.csv")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + freshReader())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();

        assertThat(new String(export.getResponseBody())).contains("In Granted").doesNotContain("In Other");
        // comparison, count and rows, each a transaction of its own
        assertThat(reads.onReplica()).isEqualTo(3);
        assertThat(committedPosition(export))
                .hasValueSatisfying(
                        position -> assertThat(position.reached(REPLAYED)).isTrue());
    }

    @Test
    void aMutationWritesOnThePrimaryAndItsResponseCarriesThePositionAfterItsCommit() {
        Reads reads = new Reads();

        EntityExchangeResult<Map> created = post(
                users.assessor(),
                null,
                CREATE_COMPANY,
                Map.of("input", CompanyFixtures.aCompanyInput("Written " + UUID.randomUUID())));

        assertThat(data(created).toString()).contains("company={id=");
        assertThat(reads.onReplica()).isZero();
        WalPosition position = committedPosition(created).orElseThrow();
        assertThat(position).isGreaterThan(REPLAYED);
        assertThat(primaryPosition().reached(position)).isTrue();
    }

    @Test
    void theChangeFeedReadsFromThePrimary() {
        Reads reads = new Reads();

        Map<String, Object> changes = data(post(users.integration(), null, CHANGES, Map.of()));

        assertThat(changes.toString()).contains("entityType=");
        assertThat(reads.onReplica()).isZero();
        assertThat(reads.onPrimary()).isPositive();
    }

    @Test
    void aReadThatSendsAPositionTheReplicaHasNotReplayedReadsFromThePrimary() {
        EntityExchangeResult<Map> written = post(
                users.assessor(),
                null,
                CREATE_COMPANY,
                Map.of("input", CompanyFixtures.aCompanyInput("Written " + UUID.randomUUID())));
        String position = committedPosition(written).orElseThrow().toString();
        Reads reads = new Reads();

        Map<String, Object> behind = data(post(freshReader(), position, PORTFOLIO, Map.of("f", funds.granted())));
        long onReplicaWhenBehind = reads.onReplica();
        Map<String, Object> replayed =
                data(post(freshReader(), REPLAYED.toString(), PORTFOLIO, Map.of("f", funds.granted())));

        assertThat(behind).isEqualTo(replayed);
        assertThat(onReplicaWhenBehind).isZero();
        assertThat(reads.onReplica()).isEqualTo(1);
    }

    @Test
    void aCallerWhoWroteThroughThisProcessReadsFromThePrimaryWithoutSendingThePosition() {
        String writer = users.withRole("tenant-admin");
        CompanyFixtures.createCompany(graphQl(writer), "Written " + UUID.randomUUID());
        Reads reads = new Reads();

        data(post(writer, null, PORTFOLIO, Map.of("f", funds.granted())));
        long onReplicaForTheWriter = reads.onReplica();
        data(post(freshReader(), null, PORTFOLIO, Map.of("f", funds.granted())));

        assertThat(onReplicaForTheWriter).isZero();
        assertThat(reads.onReplica()).isEqualTo(1);
    }

    /** A token of a new fund manager, granted the granted fund only. */
    private String fundManagerOfTheGrantedFund() {
        String subject = "fund-manager-" + UUID.randomUUID();
        CompanyFixtures.grantFund(graphQl(users.tenantAdmin()), funds.granted(), subject);
        return ISSUER.token(subject, tenant, "fund-manager");
    }

    /** A token of a reader of the firm with a subject of its own, so it has written nothing. */
    private String freshReader() {
        return ISSUER.token("reader-" + UUID.randomUUID(), tenant, "reviewer");
    }

    @SuppressWarnings("rawtypes")
    private EntityExchangeResult<Map> post(
            String token, @Nullable String position, String document, Map<String, Object> variables) {
        WebTestClient.RequestBodySpec request = http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON);
        if (position != null) {
            request = request.header(CommitPositions.HEADER, position);
        }
        return request.bodyValue(Map.of("query", document, "variables", variables))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Object> data(EntityExchangeResult<Map> result) {
        Map<String, Object> body = result.getResponseBody();
        assertThat(body).doesNotContainKey("errors");
        return (Map<String, Object>) body.get("data");
    }

    private static Optional<WalPosition> committedPosition(EntityExchangeResult<?> result) {
        List<String> headers = result.getResponseHeaders().getOrDefault(CommitPositions.HEADER, List.of());
        assertThat(headers).hasSizeLessThanOrEqualTo(1);
        return headers.stream().findFirst().flatMap(WalPosition::parse);
    }

    /** The connections of the replica's pool, as the database sees them. */
    private static long replicaConnections() {
        return Long.parseLong(adminQuery("select count(*) from pg_stat_activity where datname = current_database()"
                + " and application_name = 'diligence-replica'"));
    }

    private static WalPosition primaryPosition() {
        return WalPosition.parse(adminQuery("select pg_current_wal_insert_lsn()::text"))
                .orElseThrow();
    }

    private static String adminQuery(String sql) {
        try (Connection admin = DB.connectAsAdmin();
                Statement statement = admin.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reads routed to each server since it was made. */
    private final class Reads {

        private final double primary = count("primary");
        private final double replica = count("replica");

        long onPrimary() {
            return Math.round(count("primary") - primary);
        }

        long onReplica() {
            return Math.round(count("replica") - replica);
        }

        private double count(String target) {
            return meters.counter(ReadOnlyRouting.METRIC, "target", target).count();
        }
    }
}
