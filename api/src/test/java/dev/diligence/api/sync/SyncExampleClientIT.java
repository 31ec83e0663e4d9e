package dev.diligence.api.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example client of examples/sync, run with Node against the application under test: a CSV of
 * deals lands as funds, companies and holdings; running the same file again applies nothing (every
 * batch is replayed under its content-derived idempotency key); a changed deal updates just that
 * holding. Skipped where no {@code node} is installed.
 */
class SyncExampleClientIT extends ApiIntegrationTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "sync").toAbsolutePath().normalize();

    @TempDir
    Path work;

    private String tenant;
    private TenantUsers users;

    @BeforeEach
    void nodeAndAFreshFirm() {
        assumeTrue(nodeAvailable(), "node is not installed");
        tenant = newTenant("sync-client");
        users = usersOf(tenant);
    }

    @Test
    void syncsACsvOfDealsAndReplaysItWithoutApplyingAnythingTwice() throws Exception {
        Path deals = work.resolve("deals.csv");
        Files.writeString(deals, run(List.of("node", EXAMPLE.resolve("generate-deals.mjs").toString(), "600"), Map.of()).stdout());

        Map<String, Object> first = sync(deals);
        // 600 deals: 20 funds, 300 companies, 600 holdings = 920 items, in 2 batches of at most 500
        assertThat(first).containsEntry("deals", 600).containsEntry("created", 920).containsEntry("failed", 0)
                .containsEntry("replayed", 0).containsEntry("batches", 2);
        assertThat(companyCount()).isEqualTo(300);

        Map<String, Object> again = sync(deals);
        assertThat(again).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("replayed", 2);
        assertThat(companyCount()).isEqualTo(300);

        List<String> lines = Files.readAllLines(deals, StandardCharsets.UTF_8);
        // deal D-0 moves from SOURCED to DILIGENCE, an allowed move
        lines.set(1, lines.get(1).replace(",SOURCED,", ",DILIGENCE,"));
        Files.write(deals, lines, StandardCharsets.UTF_8);
        Map<String, Object> changed = sync(deals);
        assertThat(changed).containsEntry("created", 0).containsEntry("updated", 1).containsEntry("failed", 0)
                .containsEntry("replayed", 1);
    }

    private Map<String, Object> sync(Path deals) throws IOException, InterruptedException {
        Result result = run(List.of("node", EXAMPLE.resolve("sync.mjs").toString(), deals.toString()),
                Map.of("DILIGENCE_API", graphQlUrl(), "DILIGENCE_TOKEN", users.integration(), "SYNC_SOURCE", "crm"));
        assertThat(result.exitCode()).as("exit code; stderr:%n%s", result.stderr()).isZero();
        String[] lines = result.stdout().strip().split("\n");
        return JsonMapper.builder().build().readValue(lines[lines.length - 1], Map.class);
    }

    private long companyCount() {
        return graphQl(users.tenantAdmin()).document("{ companies { totalCount } }").execute()
                .path("companies.totalCount").entity(Long.class).get();
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(work, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(EXAMPLE.toFile()).redirectError(errors.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        // a guard against a hung child, not a timing assertion
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(errors));
    }

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
