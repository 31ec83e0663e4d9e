package dev.diligence.api.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.RefusingFront;
import dev.diligence.api.support.RefusingFront.Refusal;
import dev.diligence.api.support.TenantUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example clients of examples/sync, Node's and Python's, run against the application under
 * test with tokens from the test issuer's token endpoint (client credentials): a CSV of deals lands
 * as funds, companies and holdings; running the same file again applies nothing (every batch is
 * replayed under its content-derived idempotency key); a changed deal updates just that holding; a
 * token that expires mid-sync is renewed, before its {@code expires_in} and after a 401; a 429 and a
 * 503 are retried after the time they say; a client
 * stopped after two batches (a crash) and run again replays those and applies the rest, so every
 * item is applied exactly once. Each client's cases are skipped where its interpreter is missing.
 */
class SyncExampleClientIT extends ApiIntegrationTest {

    private static final Path EXAMPLE =
            Path.of("..", "examples", "sync").toAbsolutePath().normalize();
    // "batch 2/3 replayed: {...}", one line per batch on standard error
    private static final Pattern BATCH_LINE = Pattern.compile("(?m)^batch (\\d+)/(\\d+) (sent|replayed): (\\{.*})$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Client {
        NODE("node", "sync.mjs"),
        PYTHON("python3", "sync.py");

        final String interpreter;
        final String script;

        Client(String interpreter, String script) {
            this.interpreter = interpreter;
            this.script = script;
        }

        boolean available() {
            try {
                return new ProcessBuilder(interpreter, "--version").start().waitFor() == 0;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }
    }

    @TempDir
    Path work;

    private String tenant;
    private TenantUsers users;

    @BeforeEach
    void aFreshFirm() {
        // the CSVs come from generate-deals.mjs
        assumeTrue(Client.NODE.available(), "node is not installed");
        tenant = newTenant("sync-client");
        users = usersOf(tenant);
    }

    @AfterEach
    void noTokenLeftForTheNextTest() {
        ISSUER.discardEnqueuedEndpointTokens();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void syncsACsvOfDealsAndReplaysItWithoutApplyingAnythingTwice(Client client) throws Exception {
        assumeTrue(client.available(), client.interpreter + " is not installed");
        Path deals = deals(600);

        Run first = sync(client, deals, Map.of(), 3600);
        // 600 deals: 20 funds, 300 companies, 600 holdings = 920 items, in 2 batches of at most 500
        assertThat(first.summary())
                .containsEntry("deals", 600)
                .containsEntry("created", 920)
                .containsEntry("failed", 0)
                .containsEntry("replayed", 0)
                .containsEntry("batches", 2);
        assertThat(first.batchOutcomes()).containsExactly("sent", "sent");
        assertThat(first.stderr()).containsOnlyOnce("token fetched");
        assertThat(companyCount()).isEqualTo(300);

        Run again = sync(client, deals, Map.of(), 3600);
        assertThat(again.summary())
                .containsEntry("created", 0)
                .containsEntry("updated", 0)
                .containsEntry("replayed", 2);
        assertThat(again.batchOutcomes()).containsExactly("replayed", "replayed");
        assertThat(companyCount()).isEqualTo(300);

        List<String> lines = Files.readAllLines(deals, StandardCharsets.UTF_8);
        // deal D-0 moves from SOURCED to DILIGENCE, an allowed move
        lines.set(1, lines.get(1).replace(",SOURCED,", ",DILIGENCE,"));
        Files.write(deals, lines, StandardCharsets.UTF_8);
        Run changed = sync(client, deals, Map.of(), 3600);
        assertThat(changed.summary())
                .containsEntry("created", 0)
                .containsEntry("updated", 1)
                .containsEntry("failed", 0)
                .containsEntry("replayed", 1);
        assertThat(changed.batchOutcomes()).containsExactly("sent", "replayed");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void renewsATokenBeforeItExpiresAndAfterTheApiRefusesIt(Client client) throws Exception {
        assumeTrue(client.available(), client.interpreter + " is not installed");
        Path deals = deals(60);
        // the first token lives 10 s, less than the client's 30 s margin: it is used for batch 1 only;
        // the second has expired before it arrives (2 minutes ago, beyond the API's clock skew) while
        // its answer does not say so, so batch 2 gets a 401; the third lives an hour
        ISSUER.enqueueEndpointToken("sync-bot", tenant, 10, "integration");
        ISSUER.enqueueEndpointToken("sync-bot", tenant, -120, "integration");
        ISSUER.enqueueEndpointToken("sync-bot", tenant, 3600, "integration");

        Run run = run(client, deals, Map.of("SYNC_BATCH_ITEMS", "40"));

        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
        // 60 deals: 20 funds, 30 companies, 60 holdings = 110 items, in 3 batches of at most 40
        assertThat(run.summary())
                .containsEntry("created", 110)
                .containsEntry("failed", 0)
                .containsEntry("batches", 3);
        assertThat(run.batchOutcomes()).containsExactly("sent", "sent", "sent");
        assertThat(count(run.stderr(), "token fetched")).isEqualTo(3);
        assertThat(count(run.stderr(), "HTTP 401: token expired or invalid")).isEqualTo(1);
        assertThat(counts()).isEqualTo(List.of(20L, 30L, 60L));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void failsClearlyWhenEvenAFreshTokenIsRefused(Client client) throws Exception {
        assumeTrue(client.available(), client.interpreter + " is not installed");
        ISSUER.enqueueEndpointToken("sync-bot", tenant, -120, "integration");
        ISSUER.enqueueEndpointToken("sync-bot", tenant, -120, "integration");

        Run run = run(client, deals(60), Map.of());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr())
                .containsOnlyOnce("HTTP 401: token expired or invalid")
                .contains("HTTP 401 with a token just fetched")
                .doesNotContain("retrying");
        assertThat(count(run.stderr(), "token fetched")).isEqualTo(2);
        assertThat(companyCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void resumesAfterACrashApplyingEveryItemExactlyOnce(Client client) throws Exception {
        assumeTrue(client.available(), client.interpreter + " is not installed");
        Path deals = deals(60);

        Run crashed = sync(client, deals, Map.of("SYNC_BATCH_ITEMS", "40", "SYNC_STOP_AFTER_BATCHES", "2"), 3600, 3);
        assertThat(crashed.batchOutcomes()).containsExactly("sent", "sent");
        assertThat(crashed.stdout()).isBlank();
        // batches 1 and 2: 20 funds, 29 companies, 29 holdings
        assertThat(counts()).isEqualTo(List.of(20L, 29L, 29L));

        Run resumed = sync(client, deals, Map.of("SYNC_BATCH_ITEMS", "40"), 3600);
        assertThat(resumed.batchOutcomes()).containsExactly("replayed", "replayed", "sent");
        assertThat(resumed.summary())
                .containsEntry("replayed", 2)
                .containsEntry("created", 110 - 78)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 0)
                .containsEntry("failed", 0);
        assertThat(counts()).isEqualTo(List.of(20L, 30L, 60L));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void waitsAsLongAsRetryAfterOrRetryAfterSecondsSay(Client client) throws Exception {
        assumeTrue(client.available(), client.interpreter + " is not installed");
        Path deals = deals(60);
        // in front of the API: the first request is throttled (429, Retry-After: 1, as the API
        // answers), the second is a 503 whose body alone says to wait 2 s, the rest go through
        RefusingFront.Plan plan = arrival -> switch (arrival) {
            case 1 -> Refusal.throttled(1);
            case 2 -> new Refusal(503, "UNAVAILABLE", 2, false);
            default -> null;
        };
        Run run;
        List<Long> arrivals;
        try (RefusingFront front = RefusingFront.start(graphQlUrl(), "application/json", plan)) {
            run = sync(client, deals, Map.of("DILIGENCE_API", front.url()), 3600);
            arrivals = front.arrivals();
        }

        assertThat(run.summary()).containsEntry("created", 110).containsEntry("failed", 0);
        assertThat(run.stderr()).contains("retrying (throttled) in 1000 ms", "retrying (HTTP 503) in 2000 ms");
        // lower bounds only: the client waited at least as long as it was told
        assertThat(arrivals.get(1) - arrivals.get(0)).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
        assertThat(arrivals.get(2) - arrivals.get(1)).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void eitherClientResumesWhatTheOtherStarted() throws Exception {
        assumeTrue(Client.PYTHON.available(), "python3 is not installed");
        Path deals = deals(60);

        sync(Client.NODE, deals, Map.of("SYNC_BATCH_ITEMS", "40", "SYNC_STOP_AFTER_BATCHES", "2"), 3600, 3);
        Run resumed = sync(Client.PYTHON, deals, Map.of("SYNC_BATCH_ITEMS", "40"), 3600);

        // the same content gives the same idempotency keys in both languages
        assertThat(resumed.batchOutcomes()).containsExactly("replayed", "replayed", "sent");
        assertThat(counts()).isEqualTo(List.of(20L, 30L, 60L));
    }

    private Path deals(int count) throws IOException, InterruptedException {
        Path deals = work.resolve("deals-" + count + ".csv");
        Files.writeString(
                deals,
                run(List.of("node", EXAMPLE.resolve("generate-deals.mjs").toString(), String.valueOf(count)), Map.of())
                        .stdout());
        return deals;
    }

    /** Runs the client with one token of {@code tokenLifetimeSeconds} waiting at the token endpoint; expects it to exit 0. */
    private Run sync(Client client, Path deals, Map<String, String> settings, long tokenLifetimeSeconds)
            throws IOException, InterruptedException {
        return sync(client, deals, settings, tokenLifetimeSeconds, 0);
    }

    private Run sync(Client client, Path deals, Map<String, String> settings, long tokenLifetimeSeconds, int exitCode)
            throws IOException, InterruptedException {
        ISSUER.enqueueEndpointToken("sync-bot", tenant, tokenLifetimeSeconds, "integration");
        Run run = run(client, deals, settings);
        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isEqualTo(exitCode);
        return run;
    }

    private Run run(Client client, Path deals, Map<String, String> settings) throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>(Map.of(
                "DILIGENCE_API",
                graphQlUrl(),
                "DILIGENCE_TOKEN_URL",
                ISSUER.tokenEndpoint(),
                "DILIGENCE_CLIENT_ID",
                "sync-bot",
                "DILIGENCE_CLIENT_SECRET",
                "test",
                "SYNC_SOURCE",
                "crm"));
        environment.putAll(settings);
        return run(
                List.of(client.interpreter, EXAMPLE.resolve(client.script).toString(), deals.toString()), environment);
    }

    private long companyCount() {
        return counts().get(1);
    }

    /** Funds, companies and holdings of the firm. */
    private List<Long> counts() {
        var response = graphQl(users.tenantAdmin())
                .document(
                        "{ funds(first: 100) { totalCount nodes { holdings { totalCount } } } companies { totalCount } }")
                .execute();
        List<Long> holdings = response.path("funds.nodes[*].holdings.totalCount")
                .entityList(Long.class)
                .get();
        return List.of(
                response.path("funds.totalCount").entity(Long.class).get(),
                response.path("companies.totalCount").entity(Long.class).get(),
                holdings.stream().mapToLong(Long::longValue).sum());
    }

    private static int count(String text, String phrase) {
        return text.split(Pattern.quote(phrase), -1).length - 1;
    }

    private record Run(int exitCode, String stdout, String stderr) {

        /** The JSON summary, the last line of standard output. */
        Map<String, Object> summary() {
            String[] lines = stdout.strip().split("\n");
            return JSON.readValue(lines[lines.length - 1], Map.class);
        }

        /** "sent" or "replayed" for each batch line, in order. */
        List<String> batchOutcomes() {
            Matcher lines = BATCH_LINE.matcher(stderr);
            return lines.results().map(line -> line.group(3)).toList();
        }
    }

    private Run run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(work, "stderr", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(EXAMPLE.toFile()).redirectError(errors.toFile());
        // nothing of the developer's own settings (a DILIGENCE_TOKEN would bypass the token endpoint)
        builder.environment().keySet().removeIf(name -> name.startsWith("DILIGENCE_") || name.startsWith("SYNC_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        // a guard against a hung child, not a timing assertion
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(errors));
    }
}
