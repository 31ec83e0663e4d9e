package dev.diligence.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project is self-contained: what its users need to read lives in it (README.md, docs/), and no
 * file of it points at anything outside the repository (a sibling checkout, another team's notes).
 */
class SelfContainedDocsTest {

    /** Text files of the repository; build outputs, dependencies and VCS data aside. */
    private static final Set<String> TEXT = Set.of(
            ".md",
            ".java",
            ".graphqls",
            ".graphql",
            ".yaml",
            ".yml",
            ".sql",
            ".sh",
            ".mjs",
            ".js",
            ".lua",
            ".xml",
            ".json",
            ".py",
            ".ts",
            ".html",
            ".css",
            ".properties",
            ".txt");

    private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git", ".mvn");

    private static Path root;

    @BeforeAll
    static void findTheRepository() {
        root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve(".ci"))) {
            root = root.getParent();
        }
        assertThat(root)
                .as("a directory above the working directory holding .ci/")
                .isNotNull();
    }

    @Test
    void theFrameworkGuideIsInTheProject() {
        assertThat(root.resolve("docs/framework.md")).isRegularFile();
        assertThat(read(root.resolve("README.md"))).contains("docs/framework.md");
    }

    @Test
    void noFileLinksOutsideTheRepository() throws IOException {
        List<String> outside;
        try (Stream<Path> files = Files.walk(root)) {
            outside = files.filter(SelfContainedDocsTest::isProjectText)
                    .filter(file -> !file.endsWith("SelfContainedDocsTest.java"))
                    .filter(file -> read(file).contains("../shared"))
                    .map(file -> root.relativize(file).toString())
                    .toList();
        }
        assertThat(outside).as("files that point at ../shared").isEmpty();
    }

    private static boolean isProjectText(Path file) {
        Path relative = root.relativize(file);
        for (Path part : relative) {
            if (SKIPPED.contains(part.toString())) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && TEXT.stream().anyMatch(name::endsWith);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
