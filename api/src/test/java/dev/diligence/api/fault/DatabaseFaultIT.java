package dev.diligence.api.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.diligence.api.fault.FaultLoad.Kind;
import dev.diligence.api.fault.FaultLoad.Outcome;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.support.TestIssuer;
import dev.diligence.persistence.testing.TenantRows;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service against a PostgreSQL that restarts, crashes and goes away, as an operator would see it:
 * the application in its production profile on a private cluster of the test's own, 4 writers creating
 * funds and 2 readers reading acknowledged ones by {@code node(id:)}, over HTTP, throughout. For a fast
 * restart, a crash ({@code kill -9} of the postmaster) and an outage it proves:
 * <ul>
 *   <li>every request sent from 5 s after PostgreSQL is back succeeds with the right answer (no thread
 *       stays broken);</li>
 *   <li>while PostgreSQL is away, a request fails only as UNAVAILABLE, with HTTP 503 and {@code Retry-After},
 *       never as another error and never as a fund that does not exist (a null without an error);</li>
 *   <li>readiness turns DOWN during the outage and UP after each recovery;</li>
 *   <li>a request whose firm must be looked up during authentication while PostgreSQL is away gets the
 *       same JSON 503, and the failures are counted in the metrics;</li>
 *   <li>every acknowledged fund is stored, with its audit event and its change-feed row.</li>
 * </ul>
 * It brings its own cluster, so it runs once: not again when the integration tests are pointed at another
 * server ({@code DILIGENCE_TEST_DB_URL}). It prints what it saw, per fault.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the load is one caller's, faster than its rate budget once the JVM is warm: this test is about the database
        properties = {
            "diligence.embedded.enabled=false",
            "management.server.port=0",
            "diligence.limits.rate.enabled=false"
        })
@ActiveProfiles("prod")
@ExtendWith(OutputCaptureExtension.class)
@DisabledIfEnvironmentVariable(
        named = "DILIGENCE_TEST_DB_URL",
        matches = ".+",
        disabledReason = "brings its own PostgreSQL cluster: run once, with the embedded test database")
class DatabaseFaultIT {

    /** From this long after PostgreSQL is back, every request must succeed. */
    private static final Duration SETTLED_AFTER = Duration.ofSeconds(5);
    /** Requests checked after each recovery. */
    private static final int CHECKED_REQUESTS = 200;
    /**
     * How long the outage lasts at least (it also lasts until readiness said DOWN and requests failed):
     * 10 s, or {@code -Ddiligence.fault.outage-seconds=60} for the long outage of an operator's trial.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("diligence.fault.outage-seconds", 10));

    private static PrivateCluster cluster;
    private static final TestIssuer ISSUER = TestIssuer.get();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @LocalServerPort
    private int port;

    /** A token of a firm no request named before the outage, so authentication must look it up. */
    private String unseenFirmToken;

    private HttpResponse<String> unseenFirmDuringOutage;

    @LocalManagementPort
    private int managementPort;

    @DynamicPropertySource
    static void privateCluster(DynamicPropertyRegistry registry) {
        cluster = PrivateCluster.startProvisioned();
        cluster.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuerUri);
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** What one fault did to the load, and how the service came back. */
    record FaultReport(
            String fault,
            long faultMillis,
            List<Outcome> during,
            boolean readinessDown,
            long readinessDownAfterMillis,
            long readinessUpAfterMillis,
            List<Outcome> checked) {

        List<Outcome> of(List<Outcome> outcomes, Kind kind) {
            return outcomes.stream().filter(outcome -> outcome.kind() == kind).toList();
        }

        String summary() {
            List<Outcome> unavailable = of(during, Kind.UNAVAILABLE);
            long slowestUnavailable =
                    unavailable.stream().mapToLong(Outcome::millis).max().orElse(0);
            String statuses = unavailable.stream()
                    .collect(Collectors.groupingBy(
                            outcome -> outcome.status()
                                    + (outcome.retryAfter().isPresent()
                                            ? " Retry-After "
                                                    + outcome.retryAfter().get()
                                            : ""),
                            Collectors.counting()))
                    .toString();
            return ("%s: fault took %d ms; during it and the %d s after: %d requests, %d ok, %d UNAVAILABLE %s (slowest %d ms),"
                            + " %d failed otherwise, %d wrong; readiness DOWN %s, UP %d ms after PostgreSQL was back;"
                            + " from %d s after: %d requests, %d ok, %d failed, %d wrong")
                    .formatted(
                            fault,
                            faultMillis,
                            SETTLED_AFTER.toSeconds(),
                            during.size(),
                            of(during, Kind.OK).size(),
                            unavailable.size(),
                            statuses,
                            slowestUnavailable,
                            of(during, Kind.FAILED).size(),
                            of(during, Kind.WRONG).size(),
                            readinessDown ? "after " + readinessDownAfterMillis + " ms" : "not seen",
                            readinessUpAfterMillis,
                            SETTLED_AFTER.toSeconds(),
                            checked.size(),
                            of(checked, Kind.OK).size(),
                            of(checked, Kind.FAILED).size()
                                    + of(checked, Kind.UNAVAILABLE).size(),
                            of(checked, Kind.WRONG).size());
        }
    }

    @Test
    void recoversFromARestartACrashAndAnOutageAndLosesNothingAcknowledged(CapturedOutput output) throws Exception {
        String tenantKey = TenantRows.uniqueKey("faults");
        String unseenTenantKey = TenantRows.uniqueKey("faults-unseen");
        try (Connection admin = cluster.connectAsAdmin()) {
            TenantRows.insertTenant(admin, tenantKey);
            TenantRows.insertTenant(admin, unseenTenantKey);
        }
        String token = ISSUER.token("admin@" + tenantKey, tenantKey, "tenant-admin");
        unseenFirmToken = ISSUER.token("admin@" + unseenTenantKey, unseenTenantKey, "tenant-admin");
        int logStart = output.getOut().length();
        List<FaultReport> reports = new ArrayList<>();
        Map<String, String> acknowledged;
        List<Outcome> all;
        try (FaultLoad load = new FaultLoad(URI.create("http://127.0.0.1:" + port + "/graphql"), token, 4, 2)) {
            long started = System.nanoTime();
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> load.sentSince(started).size() >= CHECKED_REQUESTS);
            reports.add(recover("fast restart", load, () -> {
                cluster.stop();
                cluster.start();
            }));
            reports.add(recover("crash (kill -9 of the postmaster)", load, () -> {
                cluster.crash();
                cluster.start();
            }));
            reports.add(outage(load));
            acknowledged = load.acknowledged();
            all = load.outcomes();
        }
        List<String> lost = lostOf(acknowledged);
        List<String> logLines = output.getOut().substring(logStart).lines().toList();
        String metrics = get("http://127.0.0.1:" + managementPort + "/actuator/prometheus")
                .body();
        HttpResponse<String> unseenFirmAfter = viewer(unseenFirmToken);

        System.out.println("DatabaseFaultIT: " + all.size() + " requests, " + acknowledged.size()
                + " funds acknowledged, " + lost.size() + " of them lost");
        reports.forEach(report -> System.out.println("DatabaseFaultIT: " + report.summary()));
        System.out.println("DatabaseFaultIT: authentication during the outage (a firm not looked up before): HTTP "
                + unseenFirmDuringOutage.statusCode() + " Retry-After "
                + unseenFirmDuringOutage.headers().firstValue("Retry-After").orElse("none")
                + " " + unseenFirmDuringOutage.body() + "; after recovery: HTTP " + unseenFirmAfter.statusCode());
        System.out.println("DatabaseFaultIT: log while faulted and recovering: " + logLines.size() + " lines, "
                + logLines.stream().filter(line -> line.contains("FailureLog")).count() + " of them failure lines, "
                + logLines.stream().filter(line -> line.startsWith("\tat ")).count() + " stack frames");
        metrics.lines()
                .filter(line -> line.startsWith("diligence_failures_total"))
                .forEach(line -> System.out.println("DatabaseFaultIT: " + line));

        assertThat(lost)
                .as("acknowledged funds missing, or without audit event or change-feed row")
                .isEmpty();
        assertThat(all)
                .as("answers that were wrong: a fund that exists answered as null or with another name")
                .noneMatch(outcome -> outcome.kind() == Kind.WRONG);
        assertThat(all).as("failures other than UNAVAILABLE").noneMatch(outcome -> outcome.kind() == Kind.FAILED);
        assertThat(all)
                .as("UNAVAILABLE answers are HTTP 503 with Retry-After")
                .filteredOn(outcome -> outcome.kind() == Kind.UNAVAILABLE)
                .allMatch(outcome ->
                        outcome.status() == 503 && outcome.retryAfter().isPresent());
        for (FaultReport report : reports) {
            assertThat(report.checked())
                    .as(report.fault() + ": requests from 5 s after recovery")
                    .hasSizeGreaterThanOrEqualTo(CHECKED_REQUESTS)
                    .allMatch(outcome -> outcome.kind() == Kind.OK);
            assertThat(report.of(report.checked(), Kind.OK))
                    .extracting(Outcome::operation)
                    .contains("createFund", "node");
        }
        assertThat(unseenFirmDuringOutage.statusCode())
                .as("authentication without a database")
                .isEqualTo(503);
        assertThat(unseenFirmDuringOutage.headers().firstValue("Retry-After")).isPresent();
        assertThat(unseenFirmDuringOutage.body()).contains("\"classification\":\"UNAVAILABLE\"");
        assertThat(unseenFirmAfter.statusCode()).isEqualTo(200);
        assertThat(unseenFirmAfter.body()).contains(unseenTenantKey);
        assertThat(metrics).containsPattern("diligence_failures_total\\{[^}]*kind=\"unavailable\"[^}]*\\} [1-9]");
        FaultReport outage = reports.get(2);
        assertThat(outage.readinessDown())
                .as("readiness DOWN during the outage")
                .isTrue();
        assertThat(outage.of(outage.during(), Kind.UNAVAILABLE))
                .as("requests answered UNAVAILABLE during the outage")
                .isNotEmpty();
    }

    @FunctionalInterface
    private interface Fault {
        void inflict() throws IOException;
    }

    /** Inflicts {@code fault} (which returns once PostgreSQL is back) and checks the requests sent from 5 s after. */
    private FaultReport recover(String name, FaultLoad load, Fault fault) throws IOException {
        long faultAt = System.nanoTime();
        fault.inflict();
        return afterRecovery(name, load, faultAt, System.nanoTime(), false, 0);
    }

    /** Stops PostgreSQL until readiness is DOWN, requests failed and {@link #OUTAGE} passed; then starts it. */
    private FaultReport outage(FaultLoad load) throws IOException, InterruptedException {
        long faultAt = System.nanoTime();
        cluster.stop();
        long stoppedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> readiness() == 503);
        long downAt = System.nanoTime();
        unseenFirmDuringOutage = viewer(unseenFirmToken);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> System.nanoTime() - faultAt >= OUTAGE.toNanos()
                        && load.sentSince(stoppedAt).stream()
                                        .filter(outcome -> outcome.kind() == Kind.UNAVAILABLE)
                                        .count()
                                >= 20);
        cluster.start();
        return afterRecovery(
                "outage of " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - faultAt) + " s",
                load,
                faultAt,
                System.nanoTime(),
                true,
                TimeUnit.NANOSECONDS.toMillis(downAt - stoppedAt));
    }

    private FaultReport afterRecovery(
            String name,
            FaultLoad load,
            long faultAt,
            long backAt,
            boolean readinessDown,
            long readinessDownAfterMillis) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> readiness() == 200);
        long upAt = System.nanoTime();
        long settledAt = backAt + SETTLED_AFTER.toNanos();
        await().atMost(Duration.ofMinutes(1))
                .until(() -> load.sentSince(settledAt).size() >= CHECKED_REQUESTS);
        List<Outcome> checked = load.sentSince(settledAt);
        List<Outcome> during = load.sentSince(faultAt).stream()
                .filter(outcome -> outcome.sentNanos() < settledAt)
                .toList();
        return new FaultReport(
                name,
                TimeUnit.NANOSECONDS.toMillis(backAt - faultAt),
                during,
                readinessDown,
                readinessDownAfterMillis,
                TimeUnit.NANOSECONDS.toMillis(upAt - backAt),
                checked);
    }

    /** HTTP status of the readiness probe: 200 UP, 503 DOWN. */
    private int readiness() throws IOException, InterruptedException {
        return get("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")
                .statusCode();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> viewer(String bearer) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ viewer { tenant { key } } }\"}"))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The acknowledged funds that are not stored with their name, an audit event and a numbered change-feed row. */
    private static List<String> lostOf(Map<String, String> acknowledged) throws SQLException {
        List<String> lost = new ArrayList<>();
        try (Connection admin = cluster.connectAsAdmin();
                PreparedStatement stored = admin.prepareStatement("""
                select f.name = ?
                   and exists (select 1 from audit_events a where a.entity_id = f.id and a.action = 'createFund')
                   and exists (select 1 from changes c where c.entity_id = f.id and c.operation = 'CREATED' and c.position is not null)
                from funds f where f.id = ?""")) {
            for (Map.Entry<String, String> fund : acknowledged.entrySet()) {
                stored.setString(1, fund.getValue());
                stored.setObject(2, GlobalId.decode(fund.getKey()).orElseThrow().id());
                try (ResultSet row = stored.executeQuery()) {
                    if (!row.next() || !row.getBoolean(1)) {
                        lost.add(fund.getValue());
                    }
                }
            }
        }
        return lost;
    }
}
