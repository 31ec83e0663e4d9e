package dev.diligence.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker/cds-archive.sh}, as the image build runs it: on the production jar, with no database,
 * no token issuer and none of the application's settings in the environment, it extracts the jar,
 * trains and writes the class data sharing archive; the command line it prints then starts the
 * application with the archive in the {@code prod} profile against the test database and issuer
 * ({@code -Xshare:on}: the JVM refuses to start if it cannot use the archive), which gets ready, loads
 * its classes from the archive and answers a query. Runs after {@code package}, on the jar the build made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdsArchiveIT {

    private final Path jar = Path.of("target", "diligence-api-slim.jar").toAbsolutePath();
    private ProdProcess server;

    @BeforeAll
    void jarWasBuilt() {
        assertThat(jar).as("run after mvn package").isRegularFile();
    }

    @AfterAll
    void stopTheServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theArchiveIsTrainedWithoutDatabaseOrIssuerAndStartsTheApplication(@TempDir Path work) throws Exception {
        Path directory = work.resolve("cds");
        Path scriptLog = work.resolve("cds-archive.log");
        ProcessBuilder training = new ProcessBuilder(
                        "bash",
                        repositoryRoot().resolve("docker/cds-archive.sh").toString(),
                        jar.toString(),
                        directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(scriptLog.toFile());
        // as in an image build: none of the application's settings, nothing to connect to
        training.environment()
                .keySet()
                .removeIf(name -> name.startsWith("SPRING_")
                        || name.startsWith("MANAGEMENT_")
                        || name.startsWith("SERVER_")
                        || name.startsWith("DILIGENCE_")
                        || name.startsWith("JAVA_TOOL_OPTIONS"));
        training.environment().put("JAVA", ProdProcess.javaBinary());
        Process script = training.start();
        assertThat(script.waitFor(5, TimeUnit.MINUTES))
                .as("the training ends (log: %s)", scriptLog)
                .isTrue();
        String output = Files.readString(scriptLog, StandardCharsets.UTF_8);
        assertThat(script.exitValue())
                .as("cds-archive.sh exit status; its output:%n%s", output)
                .isZero();
        List<String> lines = output.lines().toList();
        String command = lines.get(lines.size() - 1);
        assertThat(command)
                .isEqualTo(ProdProcess.javaBinary() + " -XX:SharedArchiveFile=" + directory + "/app.jsa -jar "
                        + directory + "/app.jar");
        assertThat(directory.resolve("app.jsa")).isRegularFile();
        assertThat(directory.resolve("cds-training.log"))
                .as("the training log is removed after a training that succeeded")
                .doesNotExist();

        Path classes = work.resolve("classes.log");
        List<String> run = new ArrayList<>(Arrays.asList(command.split(" ")));
        run.addAll(1, List.of("-Xmx384m", "-Xshare:on", "-Xlog:class+load=info:file=" + classes));
        server = ProdProcess.start(run, work.resolve("api.log")).awaitReady();
        server.answersAViewerQuery("cds");

        // the application's classes and its libraries' came from the archive (the dynamic archive is "top")
        List<String> loaded = Files.readAllLines(classes);
        long shared = loaded.stream()
                .filter(line -> line.contains("source: shared objects file (top)"))
                .count();
        System.out.printf("classes loaded: %,d, from the application's archive: %,d%n", loaded.size(), shared);
        assertThat(loaded)
                .anyMatch(line ->
                        line.contains(" dev.diligence.api.DiligenceApplication source: shared objects file (top)"));
        assertThat(shared).as("classes from the archive").isGreaterThan(loaded.size() / 2);
    }

    private static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("docker/cds-archive.sh"))) {
            root = root.getParent();
        }
        assertThat(root)
                .as("a directory above the working directory holding docker/cds-archive.sh")
                .isNotNull();
        return root;
    }
}
