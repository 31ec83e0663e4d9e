package dev.diligence.api.graphql;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.move;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.RefusingFront;
import dev.diligence.api.support.RefusingFront.Refusal;
import dev.diligence.api.support.TenantUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The typed TypeScript example of examples/typescript-client, built here as a user builds it (npm ci
 * when its node_modules are missing, then `npm run build`: codegen against the committed schema and
 * {@code tsc --strict}) and run against the application under test with a fund manager's token: it
 * prints the funds granted to them, the portfolio rows of the first one with each overall score as
 * the exact Decimal string the API stores, and the dimension scores of the top company's assessment
 * read through {@code node(id:)}. Refusals end it with a non-zero exit and the error's
 * classification; a 429 is waited out as its Retry-After says. Skipped where node or npm is missing.
 * <pre>
 * Atlas Growth Fund (granted, target 250,000,000.00 USD): Helix Robotics, Kestrel Analytics (an open
 *                     HIGH finding), Nimbus Health (PROHIBITED: level suppressed), all published;
 *                     Orion Labs, never assessed
 * Borealis Fund (granted), Zephyr Fund (not granted)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypedClientExampleIT extends ApiIntegrationTest {

    private static final Path EXAMPLE =
            Path.of("..", "examples", "typescript-client").toAbsolutePath().normalize();
    private static final List<String> COHORT = List.of("Helix Robotics", "Kestrel Analytics", "Nimbus Health");

    // static: the class's temporary folder, there before @BeforeAll (for the children's standard error)
    @TempDir
    static Path work;

    private String tenant;
    private GraphQlTester admin;
    private String fundManagerToken;
    private String atlas;

    @BeforeAll
    void buildTheExampleAndAFundWithPublishedAssessments() throws Exception {
        assumeTrue(available("node"), "node is not installed");
        assumeTrue(available("npm"), "npm is not installed");
        if (!Files.isDirectory(EXAMPLE.resolve("node_modules"))) {
            expectSuccess(run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of()), "npm ci");
        }
        expectSuccess(run(List.of("npm", "run", "build"), Map.of()), "npm run build");

        tenant = newTenant("typed-client");
        TenantUsers users = usersOf(tenant);
        admin = graphQl(users.tenantAdmin());
        fundManagerToken = users.fundManager();
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());

        atlas = createFund("Atlas Growth Fund", "250000000.00");
        String borealis = createFund("Borealis Fund", null);
        createFund("Zephyr Fund", null);
        grant(atlas);
        grant(borealis);

        Map<String, Map<String, Object>> contexts = Map.of("Nimbus Health", Map.of("euAiActTier", "PROHIBITED"));
        int[][] levels = {{3, 3, 2, 4}, {1, 2, 1, 1}, {2, 2, 2, 2}};
        for (int i = 0; i < COHORT.size(); i++) {
            String name = COHORT.get(i);
            String company = CompanyFixtures.createCompany(admin, name);
            CompanyFixtures.addHolding(admin, atlas, company, "INVESTED");
            String assessment = createAssessment(assessor, company, contexts.get(name));
            score(assessor, assessment, "C1.1", levels[i][0], "HIGH");
            score(assessor, assessment, "C2.2", levels[i][1], "MEDIUM");
            score(assessor, assessment, "C3.1", levels[i][2], "HIGH");
            score(assessor, assessment, "C4.2", levels[i][3], "HIGH");
            addEvidence(assessor, assessment, "C1.1");
            addEvidence(assessor, assessment, "C4.2");
            if (name.equals("Kestrel Analytics")) {
                assessor.document(
                                "mutation($input: RaiseFindingInput!) { raiseFinding(input: $input) { userErrors { code } } }")
                        .variable(
                                "input",
                                Map.of(
                                        "assessmentId",
                                        assessment,
                                        "criterion",
                                        "C3.1",
                                        "title",
                                        "No drift monitoring",
                                        "description",
                                        "Production models are not monitored for drift.",
                                        "severity",
                                        "HIGH"))
                        .execute()
                        .path("raiseFinding.userErrors")
                        .entityList(Object.class)
                        .hasSize(0);
            }
            move(assessor, assessor, "submitAssessment", assessment);
            move(reviewer, reviewer, "publishAssessment", assessment);
        }
        CompanyFixtures.addHolding(admin, atlas, CompanyFixtures.createCompany(admin, "Orion Labs"), "DILIGENCE");
    }

    @Test
    void printsTheFundManagersFundsPortfolioAndTopAssessmentAsTheApiStoresThem() throws Exception {
        Run run = dashboard(Map.of("DILIGENCE_TOKEN", fundManagerToken));

        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
        String out = run.stdout();
        assertThat(out)
                .contains("fund-manager@" + tenant + " (FUND_MANAGER), reading the funds granted to them", "Funds (2):")
                .containsPattern("(?m)^  Atlas Growth Fund\\s+2021\\s+GROWTH_EQUITY\\s+250000000\\.00 USD$")
                .containsPattern("(?m)^  Borealis Fund\\s+2021\\s+GROWTH_EQUITY\\s+not disclosed$")
                .doesNotContain("Zephyr Fund", "Orion Labs")
                .contains(
                        "Portfolio of Atlas Growth Fund (framework version 1, as of ",
                        ": 3 companies scored, median overall ");

        // every row as the API answers it, in its order (highest overall first), each overall score the
        // exact Decimal string stored at publication
        List<Map<String, Object>> rows = admin.document("""
                        query($f: ID!) { portfolio(fundId: $f) { companies(first: 20) { nodes {
                          company { name } assessment { id } overall level levelSuppressed
                          openFindings { critical high medium low info } } } } }""")
                .variable("f", atlas)
                .execute()
                .path("portfolio.companies.nodes")
                .entityList(MAP)
                .get();
        assertThat(rows).extracting(row -> name(row)).containsExactlyInAnyOrderElementsOf(COHORT);
        int previous = -1;
        for (Map<String, Object> row : rows) {
            Matcher line = Pattern.compile("(?m)^  " + Pattern.quote(name(row)) + "\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)$")
                    .matcher(out);
            assertThat(line.find()).as("a row of %s in:%n%s", name(row), out).isTrue();
            assertThat(line.start()).as("rows in the API's order").isGreaterThan(previous);
            previous = line.start();
            String stored = storedOverall(assessmentId(row));
            assertThat(stored).as("stored overall of %s", name(row)).matches("\\d\\.\\d{10}");
            assertThat(line.group(1)).isEqualTo(row.get("overall")).isEqualTo(stored);
            assertThat(line.group(2))
                    .isEqualTo(
                            Boolean.TRUE.equals(row.get("levelSuppressed"))
                                    ? "suppressed"
                                    : String.valueOf(row.get("level")));
            @SuppressWarnings("unchecked")
            Map<String, Object> open = (Map<String, Object>) row.get("openFindings");
            assertThat(line.group(3))
                    .isEqualTo(open.get("critical") + "/" + open.get("high") + "/" + open.get("medium") + "/"
                            + open.get("low") + "/" + open.get("info"));
        }
        assertThat(out).containsPattern("(?m)^  Nimbus Health\\s+\\S+\\s+suppressed\\s");
        assertThat(out).containsPattern("(?m)^  Kestrel Analytics\\s+\\S+\\s+\\S+\\s+\\d+/[1-9]\\d*/\\d+/\\d+/\\d+$");

        // the top row's assessment, through node(id:): each dimension's exact score and coverage
        Map<String, Object> top = rows.get(0);
        assertThat(out).contains("\nAssessment of " + name(top) + " (PUBLISHED, published ");
        String assessment = out.substring(out.indexOf("\nAssessment of " + name(top) + " (PUBLISHED, published "));
        assertThat(assessment)
                .contains("framework version 1, stored scores): overall " + top.get("overall") + ", level ");
        List<Map<String, Object>> dimensions = admin.document(
                        "query($id: ID!) { assessment(id: $id) { score { dimensions { code score coverage cappedBy } } } }")
                .variable("id", assessmentId(top))
                .execute()
                .path("assessment.score.dimensions")
                .entityList(MAP)
                .get();
        assertThat(dimensions).extracting(d -> d.get("code")).containsExactly("D1", "D2", "D3", "D4");
        for (Map<String, Object> dimension : dimensions) {
            assertThat(assessment)
                    .containsPattern("(?m)^  " + dimension.get("code") + "\\s+"
                            + Pattern.quote((String) dimension.get("score"))
                            + "\\s+" + Pattern.quote((String) dimension.get("coverage")) + "\\s+"
                            + Pattern.quote(
                                    dimension.get("cappedBy") == null ? "-" : (String) dimension.get("cappedBy"))
                            + "$");
        }
    }

    @Test
    void anInvalidTokenEndsItWithHttp401AndItsClassification() throws Exception {
        Run run = dashboard(Map.of("DILIGENCE_TOKEN", "not-a-token"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("HTTP 401: UNAUTHORIZED: The request needs a valid bearer token");
    }

    @Test
    void aTokenWithoutARoleOfTheApiEndsItWithHttp403AndItsClassification() throws Exception {
        Run run = dashboard(Map.of("DILIGENCE_TOKEN", ISSUER.token("visitor@" + tenant, tenant, "visitor")));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("HTTP 403: FORBIDDEN");
    }

    @Test
    void withoutATokenItSaysWhatIsMissing() throws Exception {
        Run run = dashboard(Map.of());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("DILIGENCE_TOKEN is not set");
    }

    @Test
    void aThrottledRequestIsSentAgainAfterItsRetryAfter() throws Exception {
        // in front of the API: the first request is throttled as the API throttles (429, Retry-After: 1,
        // one THROTTLED error), the rest go through
        List<Long> arrivals = new ArrayList<>();
        Run run = dashboardBehindAFront(arrivals, arrival -> arrival == 1 ? Refusal.throttled(1) : null);

        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
        assertThat(run.stderr()).contains("HTTP 429 THROTTLED: retrying in 1 s (attempt 2 of 3)");
        assertThat(run.stdout()).contains("Portfolio of Atlas Growth Fund");
        // a lower bound only: the client waited at least as long as it was told
        assertThat(arrivals.get(1) - arrivals.get(0)).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void aLastingOutageEndsItAfterThreeAttemptsSayingWhenToRetry() throws Exception {
        List<Long> arrivals = new ArrayList<>();
        // in front of the API: every request is answered 503 UNAVAILABLE, Retry-After: 0
        Run run = dashboardBehindAFront(arrivals, arrival -> Refusal.unavailable(0));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(arrivals).hasSize(3);
        assertThat(run.stderr())
                .contains(
                        "HTTP 503 UNAVAILABLE: retrying in 0 s (attempt 3 of 3)",
                        "HTTP 503: UNAVAILABLE: retry later; Retry-After: 0 s");
    }

    // --- the example, its data, and a front server that refuses as the API does

    private static final Class<Map<String, Object>> MAP = mapClass();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<String, Object>> mapClass() {
        return (Class) Map.class;
    }

    private String createFund(String name, String targetSize) {
        Map<String, Object> input = new HashMap<>(
                Map.of("name", name, "vintageYear", 2021, "strategy", "GROWTH_EQUITY", "currency", "USD"));
        if (targetSize != null) {
            input.put("targetSize", targetSize);
        }
        GraphQlTester.Response response =
                admin.documentName("createFund").variable("input", input).execute();
        response.path("createFund.userErrors").entityList(Object.class).hasSize(0);
        return response.path("createFund.fund.id").entity(String.class).get();
    }

    private void grant(String fund) {
        admin.document(
                        "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { userErrors { code } } }")
                .variable("f", fund)
                .variable("s", "fund-manager@" + tenant)
                .execute()
                .path("grantFundAccess.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    private String storedOverall(String assessmentId) {
        GraphQlTester.Response response = admin.document(
                        "query($id: ID!) { assessment(id: $id) { score { stored overall } } }")
                .variable("id", assessmentId)
                .execute();
        response.path("assessment.score.stored").entity(Boolean.class).isEqualTo(true);
        return response.path("assessment.score.overall").entity(String.class).get();
    }

    @SuppressWarnings("unchecked")
    private static String name(Map<String, Object> row) {
        return (String) ((Map<String, Object>) row.get("company")).get("name");
    }

    @SuppressWarnings("unchecked")
    private static String assessmentId(Map<String, Object> row) {
        return (String) ((Map<String, Object>) row.get("assessment")).get("id");
    }

    /**
     * Runs the example as the fund manager against a front of the API that answers the planned
     * refusals and passes every other request on; adds when each request arrived to {@code arrivals}.
     */
    private Run dashboardBehindAFront(List<Long> arrivals, RefusingFront.Plan plan)
            throws IOException, InterruptedException {
        try (RefusingFront front = RefusingFront.start(graphQlUrl(), "application/graphql-response+json", plan)) {
            Run run = dashboard(Map.of("DILIGENCE_TOKEN", fundManagerToken, "DILIGENCE_URL", front.url()));
            arrivals.addAll(front.arrivals());
            return run;
        }
    }

    private Run dashboard(Map<String, String> environment) throws IOException, InterruptedException {
        Map<String, String> settings = new HashMap<>(Map.of("DILIGENCE_URL", graphQlUrl()));
        settings.putAll(environment);
        return run(
                List.of(
                        "node",
                        EXAMPLE.resolve("dist").resolve("fund-dashboard.js").toString()),
                settings);
    }

    private static boolean available(String command) {
        try {
            return new ProcessBuilder(command, "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void expectSuccess(Run run, String what) {
        assertThat(run.exitCode())
                .as("%s in %s; output:%n%s%n%s", what, EXAMPLE, run.stdout(), run.stderr())
                .isZero();
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    private static Run run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path errors = Files.createTempFile(work, "stderr", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(EXAMPLE.toFile()).redirectError(errors.toFile());
        // nothing of the developer's own settings (their DILIGENCE_TOKEN would be used instead)
        builder.environment().keySet().removeIf(name -> name.startsWith("DILIGENCE_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        // a guard against a hung child (npm ci downloads the packages), not a timing assertion
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(errors));
    }
}
