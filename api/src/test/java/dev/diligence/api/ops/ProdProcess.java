package dev.diligence.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.diligence.api.support.TestIssuer;
import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The application started as its own process, as a container starts it: the {@code prod} profile
 * against the test database and token issuer, on free ports, its output in {@code log}. For the tests
 * of what the build ships (the production jar, the class data sharing archive).
 */
final class ProdProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private ProdProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts {@code command} (a java command line) in the prod profile; returns at once. */
    static ProdProcess start(List<String> command, Path log) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SPRING_PROFILES_ACTIVE", "prod");
        TestDatabase.get()
                .springProperties()
                .forEach((name, value) ->
                        environment.put(name.toUpperCase().replace('.', '_').replace("-", ""), value));
        environment.put(
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI",
                TestIssuer.get().issuerUri());
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
        return new ProdProcess(builder.start(), log, port, managementPort);
    }

    /** Waits until the readiness probe answers 200 (at most 3 minutes). */
    ProdProcess awaitReady() {
        await("the application is ready (log: " + log + ")")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> process.isAlive()
                        && status("http://127.0.0.1:" + managementPort + "/actuator/health/readiness") == 200);
        return this;
    }

    /**
     * Asks {@code { viewer { subject } }} as a tenant admin of a new firm and checks the answer names
     * the caller: the process verifies the issuer's tokens and reads the database.
     */
    void answersAViewerQuery(String firmPrefix) throws IOException, InterruptedException, SQLException {
        String firm = TenantRows.uniqueKey(firmPrefix);
        try (Connection admin = TestDatabase.get().connectAsAdmin()) {
            TenantRows.insertTenant(admin, firm);
        }
        String subject = firmPrefix + "-admin@" + firm;
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TestIssuer.get().token(subject, firm, "tenant-admin"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ viewer { subject } }\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"subject\":\"" + subject + "\"");
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private int status(String url) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
