package dev.diligence.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.diligence.api.support.ApiIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The schema contract of {@code schema/schema.graphql}: the file is the schema the application serves,
 * printed by {@link SchemaContract#print}, and the served schema breaks nothing the last committed
 * version of the file promised ({@link BreakingChanges}); skipped where there is no git history.
 *
 * <p>With {@code -Ddiligence.schema.update=true} the first test rewrites the file instead of comparing
 * ({@link SchemaContract#REGENERATE}); commit the file with the change to the schema sources.
 */
class ServedSchemaIT extends ApiIntegrationTest {

    @Autowired
    private GraphQlSource graphQlSource;

    @Test
    void theSchemaFileIsTheServedSchema() throws IOException {
        String served = SchemaContract.print(graphQlSource.schema());
        Path file = SchemaContract.file();
        if (Boolean.getBoolean("diligence.schema.update")) {
            Files.writeString(file, served, StandardCharsets.UTF_8);
            System.out.println("ServedSchemaIT: wrote the served schema to " + file);
            return;
        }
        String committed = Files.isRegularFile(file)
                ? Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n")
                : "";
        if (!committed.equals(served)) {
            fail(SchemaContract.FILE
                    + (committed.isEmpty() ? " is missing" : " differs from the schema the application serves")
                    + ". If the change is intended, regenerate the file with\n    " + SchemaContract.REGENERATE
                    + "\nand commit it with the change.\n" + firstDifference(committed, served));
        }
    }

    /** Where the two texts part, with a few lines of each, instead of both whole files. */
    private static String firstDifference(String committed, String served) {
        List<String> old = committed.lines().toList();
        List<String> now = served.lines().toList();
        int line = 0;
        while (line < old.size() && line < now.size() && old.get(line).equals(now.get(line))) {
            line++;
        }
        return "First difference at line " + (line + 1) + ":\n  file:   " + excerpt(old, line) + "\n  served: "
                + excerpt(now, line);
    }

    private static String excerpt(List<String> lines, int from) {
        List<String> part = lines.subList(Math.min(from, lines.size()), Math.min(from + 3, lines.size()));
        return part.isEmpty() ? "(end of text)" : String.join("\n          ", part);
    }

    @Test
    void thePrintIsStable() {
        assertThat(SchemaContract.print(graphQlSource.schema()))
                .isEqualTo(SchemaContract.print(graphQlSource.schema()));
    }

    /**
     * Against the file at git HEAD: while working, HEAD is the last commit and the served schema the
     * change under way. When HEAD's file is the served schema already (CI testing a commit that
     * includes its regenerated file), the commit before HEAD is the last other version: compared too,
     * when the clone has it.
     */
    @Test
    void theServedSchemaBreaksNothingOfTheLastCommittedVersion() {
        String served = SchemaContract.print(graphQlSource.schema());
        SchemaContract.AtHead head = SchemaContract.atHead();
        if (head instanceof SchemaContract.AtHead.Unavailable unavailable) {
            Assumptions.abort(
                    "breaking-change check skipped: no git history to compare with (" + unavailable.why() + ")");
        } else if (head instanceof SchemaContract.AtHead.NotCommitted) {
            System.out.println("ServedSchemaIT: " + SchemaContract.FILE
                    + " is not in HEAD yet (the commit that adds it): nothing to break");
        } else if (head instanceof SchemaContract.AtHead.Committed committed) {
            assertBreaksNothing("HEAD", committed.sdl(), served);
            if (committed.sdl().replace("\r\n", "\n").equals(served)) {
                SchemaContract.AtHead parent = SchemaContract.at("HEAD~1");
                if (parent instanceof SchemaContract.AtHead.Committed before) {
                    assertBreaksNothing("HEAD~1", before.sdl(), served);
                } else {
                    System.out.println("ServedSchemaIT: HEAD's " + SchemaContract.FILE
                            + " is the served schema and HEAD~1 has none to compare with");
                }
            }
        }
    }

    private static void assertBreaksNothing(String revision, String committed, String served) {
        List<String> breaking = BreakingChanges.between(committed, served);
        if (!breaking.isEmpty()) {
            fail("the served schema breaks clients of " + SchemaContract.FILE + " at git " + revision + ":\n  - "
                    + String.join("\n  - ", breaking)
                    + "\nDeprecate with @deprecated(reason: ...) first and remove in a later commit; add only"
                    + " optional arguments and input fields.");
        }
    }
}
