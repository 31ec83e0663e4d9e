package dev.diligence.api.portfolio;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.move;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static dev.diligence.api.portfolio.PortfolioResponses.assertDecimal;
import static dev.diligence.api.portfolio.PortfolioResponses.assertStatistics;
import static dev.diligence.api.portfolio.PortfolioResponses.decimal;
import static dev.diligence.api.portfolio.PortfolioResponses.list;
import static dev.diligence.api.portfolio.PortfolioResponses.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.StatementCounter;
import dev.diligence.api.support.TenantUsers;
import dev.diligence.domain.portfolio.ScoreStatistics;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * {@code portfolioTrend} and {@code compareCompanies} through GraphQL: the numbers agree with the
 * published scores the assessments themselves report, invalid requests are BAD_REQUESTs, and whatever
 * the caller cannot see (another firm's, outside a fund manager's grants) answers exactly like what
 * does not exist. The application publishes at the real time, so the setup moves the publication
 * (and retraction) times into 2025 with the owner's connection, as a clock would have stamped them.
 * <pre>
 * Fund I (granted to the fund manager): Alpha  A1 2025-01-15, A2 2025-03-10
 *                                       Bravo  B1 2025-02-20
 *                                       Charlie C1 2025-01-20 (retracted 2025-02-05), C2 2025-04-02
 *                                       Delta  never assessed
 * Fund II:                              Hotel  H1 2025-02-01
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioTrendIT extends ApiIntegrationTest {

    private String tenant;
    private GraphQlTester admin;
    private GraphQlTester fundManager;
    private String fundI;
    private String fundII;
    private final Map<String, String> companies = new LinkedHashMap<>();
    private final Map<String, String> published = new LinkedHashMap<>();

    @Autowired
    private StatementCounter counter;

    @BeforeAll
    void publicationsOverFourMonths() throws SQLException {
        tenant = newTenant("trend");
        TenantUsers users = usersOf(tenant);
        admin = graphQl(users.tenantAdmin());
        fundManager = graphQl(users.fundManager());
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        fundI = CompanyFixtures.createFund(admin, "Fund I");
        fundII = CompanyFixtures.createFund(admin, "Fund II");
        admin.document(
                        "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { userErrors { code } } }")
                .variable("f", fundI)
                .variable("s", "fund-manager@" + tenant)
                .execute()
                .path("grantFundAccess.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        for (String name : List.of("Alpha", "Bravo", "Charlie", "Delta", "Hotel")) {
            String company = CompanyFixtures.createCompany(admin, name);
            companies.put(name, company);
            CompanyFixtures.addHolding(
                    admin,
                    name.equals("Hotel") ? fundII : fundI,
                    company,
                    name.equals("Bravo") ? "DILIGENCE" : "INVESTED");
        }
        int level = 0;
        for (String key : List.of("A1", "C1", "H1", "B1", "A2", "C2")) {
            String company = companies.get(
                    switch (key.charAt(0)) {
                        case 'A' -> "Alpha";
                        case 'B' -> "Bravo";
                        case 'C' -> "Charlie";
                        default -> "Hotel";
                    });
            String id = createAssessment(assessor, company, Map.of("euAiActTier", "HIGH"));
            score(assessor, id, "C1.1", level % 5, "HIGH");
            score(assessor, id, "C2.2", (level + 2) % 5, "MEDIUM");
            score(assessor, id, "C4.2", (level + 3) % 5, "HIGH");
            addEvidence(assessor, id, "C2.2");
            move(assessor, assessor, "submitAssessment", id);
            move(reviewer, reviewer, "publishAssessment", id);
            published.put(key, id);
            level++;
        }
        move(admin, admin, "retractAssessment", published.get("C1"), "reason", "Wrong entity");
        stamp("A1", "2025-01-15T10:00:00Z", null);
        stamp("C1", "2025-01-20T10:00:00Z", "2025-02-05T10:00:00Z");
        stamp("H1", "2025-02-01T10:00:00Z", null);
        stamp("B1", "2025-02-20T10:00:00Z", null);
        stamp("A2", "2025-03-10T10:00:00Z", null);
        stamp("C2", "2025-04-02T10:00:00Z", null);
    }

    @Test
    void monthlyPointsCountTheAssessmentsThatWereLatestAtEachMonthsEnd() {
        Map<String, Object> trend = trend(
                admin,
                Map.of(
                        "fundId",
                        fundI,
                        "from",
                        "2025-01-01T00:00:00Z",
                        "to",
                        "2025-04-15T00:00:00Z",
                        "interval",
                        "MONTH"));

        assertThat(trend)
                .containsEntry("interval", "MONTH")
                .containsEntry("frameworkVersion", 1)
                .containsEntry("dealStages", List.of());
        assertThat(map(trend, "fund")).containsEntry("id", fundI);
        List<Map<String, Object>> points = list(trend, "points");
        // the last microsecond of each month, shown to the millisecond like every DateTime
        assertThat(points)
                .extracting(p ->
                        OffsetDateTime.parse((String) p.get("asOf")).toInstant().toString())
                .containsExactly(
                        "2025-01-31T23:59:59.999Z",
                        "2025-02-28T23:59:59.999Z",
                        "2025-03-31T23:59:59.999Z",
                        "2025-04-15T00:00:00Z");
        assertThat(points).extracting(p -> p.get("period")).containsExactly("2025-01", "2025-02", "2025-03", "2025-04");
        assertThat(points).extracting(p -> p.get("periodEnd")).containsExactly(true, true, true, false);
        // January: A1 and C1 (retracted only in February); February: A1, B1; March: A2, B1; April so far: A2, B1, C2
        assertPoint(points.get(0), List.of("A1", "C1"), 2);
        assertPoint(points.get(1), List.of("A1", "B1"), 2);
        assertPoint(points.get(2), List.of("A2", "B1"), 2);
        assertPoint(points.get(3), List.of("A2", "B1", "C2"), 1);

        // Charlie's retracted C1 is skipped, so C2 has no predecessor; Alpha changed from A1 to A2
        List<Map<String, Object>> changes = list(trend, "changes");
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(map(change, "company")).containsEntry("name", "Alpha");
            assertThat(map(change, "fromAssessment")).containsEntry("id", published.get("A1"));
            assertThat(map(change, "toAssessment")).containsEntry("id", published.get("A2"));
            assertThat(OffsetDateTime.parse((String) change.get("toPublishedAt"))
                            .toInstant()
                            .toString())
                    .isEqualTo("2025-03-10T10:00:00Z");
            BigDecimal before = decimal(storedScore("A1").get("overall"));
            BigDecimal after = decimal(storedScore("A2").get("overall"));
            assertThat(decimal(change.get("overallBefore"))).isEqualByComparingTo(before);
            assertThat(decimal(change.get("overallAfter"))).isEqualByComparingTo(after);
            assertThat(decimal(change.get("overallDelta"))).isEqualByComparingTo(after.subtract(before));
            assertThat(change.get("levelBefore")).isEqualTo(storedScore("A1").get("level"));
            assertThat(change.get("levelAfter")).isEqualTo(storedScore("A2").get("level"));
            assertThat(list(change, "dimensions"))
                    .extracting(d -> d.get("dimension"))
                    .containsExactly("D1", "D2", "D3", "D4");
            for (Map<String, Object> dimension : list(change, "dimensions")) {
                BigDecimal was = dimensionScore("A1", (String) dimension.get("dimension"));
                BigDecimal is = dimensionScore("A2", (String) dimension.get("dimension"));
                assertDecimal(dimension.get("before"), was);
                assertDecimal(dimension.get("after"), is);
                assertDecimal(dimension.get("delta"), was == null || is == null ? null : is.subtract(was));
            }
        });
    }

    @Test
    void quarterEndsDealStagesAndTheWindowNarrowWhatIsReported() {
        Map<String, Object> quarters = trend(
                admin,
                Map.of(
                        "fundId",
                        fundI,
                        "from",
                        "2025-01-01T00:00:00Z",
                        "to",
                        "2025-06-30T23:59:59.999999Z",
                        "interval",
                        "QUARTER"));
        assertThat(list(quarters, "points")).extracting(p -> p.get("periodEnd")).containsExactly(true, true);
        assertThat(list(quarters, "points")).extracting(p -> p.get("period")).containsExactly("2025-Q1", "2025-Q2");
        assertPoint(list(quarters, "points").get(0), List.of("A2", "B1"), 2);
        assertPoint(list(quarters, "points").get(1), List.of("A2", "B1", "C2"), 1);

        Map<String, Object> invested = trend(
                admin,
                Map.of(
                        "fundId",
                        fundI,
                        "from",
                        "2025-03-15T00:00:00Z",
                        "to",
                        "2025-04-15T00:00:00Z",
                        "interval",
                        "MONTH",
                        "dealStages",
                        List.of("INVESTED")));
        assertThat(invested).containsEntry("dealStages", List.of("INVESTED"));
        assertPoint(list(invested, "points").get(1), List.of("A2", "C2"), 1);
        assertThat(list(invested, "changes"))
                .as("A2 was published before the window")
                .isEmpty();
    }

    @Test
    void theStatementsOfATrendDoNotGrowWithItsPoints() {
        Map<String, Object> two = Map.of(
                "fundId", fundI, "from", "2025-03-01T00:00:00Z", "to", "2025-04-15T00:00:00Z", "interval", "MONTH");
        Map<String, Object> forty = with(two, "from", "2022-01-01T00:00:00Z");
        trend(admin, two); // warms whatever is cached per caller
        long before = counter.count();
        assertThat(list(trend(admin, two), "points")).hasSize(2);
        long forTwo = counter.count() - before;
        before = counter.count();
        Map<String, Object> longer = trend(admin, forty);
        long forForty = counter.count() - before;
        assertThat(list(longer, "points")).hasSize(40);
        assertThat(list(longer, "changes")).hasSize(1);
        assertThat(forForty).isEqualTo(forTwo);
    }

    @Test
    void anInvalidWindowOrVersionIsABadRequest() {
        assertBadRequest(
                admin.documentName("portfolioTrend")
                        .variables(Map.of(
                                "fundId",
                                fundI,
                                "from",
                                "2025-02-01T00:00:00Z",
                                "to",
                                "2025-01-01T00:00:00Z",
                                "interval",
                                "MONTH"))
                        .execute(),
                "from must not be after to");
        assertBadRequest(
                admin.documentName("portfolioTrend")
                        .variables(Map.of(
                                "fundId",
                                fundI,
                                "from",
                                "2020-01-01T00:00:00Z",
                                "to",
                                "2023-05-01T00:00:00Z",
                                "interval",
                                "MONTH"))
                        .execute(),
                "at most 40");
        assertBadRequest(
                admin.documentName("portfolioTrend")
                        .variables(Map.of(
                                "fundId",
                                fundI,
                                "from",
                                "2020-01-01T00:00:00Z",
                                "to",
                                "2023-05-01T00:00:00Z",
                                "interval",
                                "MONTH",
                                "frameworkVersion",
                                77))
                        .execute(),
                "at most 40");
        assertBadRequest(
                admin.documentName("portfolioTrend")
                        .variables(Map.of(
                                "fundId",
                                fundI,
                                "from",
                                "2025-01-01T00:00:00Z",
                                "to",
                                "2025-05-01T00:00:00Z",
                                "interval",
                                "MONTH",
                                "frameworkVersion",
                                77))
                        .execute(),
                "no framework version 77");
        // the same window is as invalid for a fund nobody can see: the refusal says nothing about the fund
        String nowhere = GlobalId.encode("Fund", UUID.randomUUID());
        assertBadRequest(
                admin.documentName("portfolioTrend")
                        .variables(Map.of(
                                "fundId",
                                nowhere,
                                "from",
                                "2025-02-01T00:00:00Z",
                                "to",
                                "2025-01-01T00:00:00Z",
                                "interval",
                                "MONTH"))
                        .execute(),
                "from must not be after to");
    }

    @Test
    void aTrendOfAFundTheCallerCannotSeeIsNullLikeAnUnknownFund() {
        Map<String, Object> window =
                Map.of("from", "2025-01-01T00:00:00Z", "to", "2025-04-15T00:00:00Z", "interval", "MONTH");
        Map<String, Object> granted = trend(fundManager, with(window, "fundId", fundI));
        assertThat(granted).isEqualTo(trend(admin, with(window, "fundId", fundI)));
        for (GraphQlTester caller :
                List.of(fundManager, graphQl(usersOf(newTenant("trend-other")).tenantAdmin()))) {
            for (String fund :
                    List.of(fundII, GlobalId.encode("Fund", UUID.randomUUID()), "not-an-id", companies.get("Alpha"))) {
                caller.documentName("portfolioTrend")
                        .variables(with(window, "fundId", fund))
                        .execute()
                        .errors()
                        .verify()
                        .path("portfolioTrend")
                        .valueIsNull();
            }
        }
        graphQl(usersOf(newTenant("trend-other")).tenantAdmin())
                .documentName("portfolioTrend")
                .variables(with(window, "fundId", fundI))
                .execute()
                .errors()
                .verify()
                .path("portfolioTrend")
                .valueIsNull();
        graphQl(platformAdminToken())
                .documentName("portfolioTrend")
                .variables(with(window, "fundId", fundI))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN")));
    }

    @Test
    void comparedCompaniesShowTheirLatestStoredScoresAndTheirDistanceFromTheFundsMedians() {
        String unknown = GlobalId.encode("Company", UUID.randomUUID());
        Map<String, Object> comparison = compare(
                admin,
                Map.of(
                        "ids",
                        List.of(
                                companies.get("Charlie"),
                                companies.get("Alpha"),
                                unknown,
                                companies.get("Delta"),
                                companies.get("Hotel"),
                                companies.get("Alpha")),
                        "fundId",
                        fundI));

        assertThat(comparison).containsEntry("frameworkVersion", 1).containsEntry("missing", List.of(unknown));
        List<Map<String, Object>> compared = list(comparison, "companies");
        assertThat(compared)
                .extracting(c -> map(c, "company").get("name"))
                .containsExactly("Charlie", "Alpha", "Delta", "Hotel");
        // Fund I's cohort now: A2, B1, C2
        List<String> cohort = List.of("A2", "B1", "C2");
        Map<String, Object> medians = map(comparison, "fundMedians");
        assertThat(medians).containsEntry("cohortSize", 3);
        assertThat(map(medians, "fund")).containsEntry("id", fundI);
        BigDecimal overallMedian = ScoreStatistics.of(cohort.stream()
                        .map(k -> decimal(storedScore(k).get("overall")))
                        .toList())
                .median();
        assertThat(decimal(medians.get("overall"))).isEqualByComparingTo(overallMedian);
        Map<String, BigDecimal> dimensionMedians = new LinkedHashMap<>();
        for (String code : List.of("D1", "D2", "D3", "D4")) {
            List<BigDecimal> scores = new ArrayList<>();
            cohort.forEach(k -> {
                BigDecimal s = dimensionScore(k, code);
                if (s != null) {
                    scores.add(s);
                }
            });
            dimensionMedians.put(code, ScoreStatistics.of(scores).median());
        }
        assertThat(list(medians, "dimensions"))
                .extracting(d -> d.get("dimension"))
                .containsExactly("D1", "D2", "D3", "D4");
        list(medians, "dimensions")
                .forEach(d -> assertDecimal(d.get("median"), dimensionMedians.get(d.get("dimension"))));

        for (Map<String, Object> company : compared) {
            String name = (String) map(company, "company").get("name");
            String key = switch (name) {
                case "Charlie" -> "C2";
                case "Alpha" -> "A2";
                case "Hotel" -> "H1";
                default -> null;
            };
            if (key == null) {
                assertThat(company)
                        .containsEntry("assessment", null)
                        .containsEntry("overall", null)
                        .containsEntry("comparable", false)
                        .containsEntry("overallDifferenceFromMedian", null)
                        .containsEntry("dimensions", List.of())
                        .containsEntry("criteria", List.of());
                continue;
            }
            Map<String, Object> stored = storedScore(key);
            assertThat(map(company, "assessment"))
                    .containsEntry("id", published.get(key))
                    .containsEntry("status", "PUBLISHED");
            assertThat(company)
                    .containsEntry("comparable", true)
                    .containsEntry("frameworkVersion", 1)
                    .containsEntry("level", stored.get("level"));
            assertThat(decimal(company.get("overall"))).isEqualByComparingTo(decimal(stored.get("overall")));
            assertThat(decimal(company.get("overallDifferenceFromMedian")))
                    .isEqualByComparingTo(decimal(stored.get("overall")).subtract(overallMedian));
            for (Map<String, Object> dimension : list(company, "dimensions")) {
                BigDecimal own = dimensionScore(key, (String) dimension.get("dimension"));
                BigDecimal median = dimensionMedians.get(dimension.get("dimension"));
                assertDecimal(dimension.get("score"), own);
                assertDecimal(dimension.get("fundMedian"), median);
                assertDecimal(
                        dimension.get("differenceFromMedian"),
                        own == null || median == null ? null : own.subtract(median));
            }
            List<Map<String, Object>> criteria = list(company, "criteria");
            assertThat(criteria).hasSize(14);
            assertThat(criteria)
                    .extracting(c -> c.get("criterion") + " " + c.get("state") + " " + c.get("effectiveLevel") + " "
                            + c.get("gap"))
                    .containsExactlyElementsOf(list(stored, "criteria").stream()
                            .map(c -> c.get("code") + " " + c.get("state") + " " + c.get("effectiveLevel") + " "
                                    + c.get("gap"))
                            .toList());
        }

        Map<String, Object> withoutFund =
                compare(admin, Map.of("ids", List.of(companies.get("Alpha"), companies.get("Bravo"))));
        assertThat(withoutFund).containsEntry("fundMedians", null).containsEntry("missing", List.of());
        list(withoutFund, "companies")
                .forEach(c -> assertThat(c.get("overallDifferenceFromMedian")).isNull());
    }

    @Test
    void companiesTheCallerCannotSeeAreMissingExactlyLikeUnknownOnes() {
        String unknown = GlobalId.encode("Company", UUID.randomUUID());
        List<String> ids = List.of(companies.get("Alpha"), companies.get("Hotel"), unknown, "not-an-id", fundI);

        Map<String, Object> scoped = compare(fundManager, Map.of("ids", ids));
        assertThat(list(scoped, "companies"))
                .extracting(c -> map(c, "company").get("name"))
                .containsExactly("Alpha");
        assertThat(scoped).containsEntry("missing", List.of(companies.get("Hotel"), unknown, "not-an-id", fundI));

        Map<String, Object> otherFirm =
                compare(graphQl(usersOf(newTenant("compare-other")).tenantAdmin()), Map.of("ids", ids));
        assertThat(otherFirm).containsEntry("companies", List.of()).containsEntry("missing", ids);

        // a fund outside the grants answers like a fund nobody has
        for (String fund : List.of(fundII, GlobalId.encode("Fund", UUID.randomUUID()))) {
            fundManager
                    .documentName("compareCompanies")
                    .variables(Map.of("ids", ids, "fundId", fund))
                    .execute()
                    .errors()
                    .verify()
                    .path("compareCompanies")
                    .valueIsNull();
        }
        assertThat(map(compare(fundManager, Map.of("ids", ids, "fundId", fundI)), "fundMedians"))
                .containsEntry("cohortSize", 3);
    }

    @Test
    void oneOrMoreThanTenCompaniesAreABadRequest() {
        assertBadRequest(
                admin.documentName("compareCompanies")
                        .variables(Map.of("ids", List.of(companies.get("Alpha"))))
                        .execute(),
                "compare 2 to 10 companies");
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(GlobalId.encode("Company", UUID.randomUUID()));
        }
        assertBadRequest(
                admin.documentName("compareCompanies")
                        .variables(Map.of("ids", eleven))
                        .execute(),
                "compare 2 to 10 companies");
        assertBadRequest(
                admin.documentName("compareCompanies")
                        .variables(Map.of(
                                "ids", List.of(companies.get("Alpha"), companies.get("Bravo")), "frameworkVersion", 77))
                        .execute(),
                "no framework version 77");
        graphQl(platformAdminToken())
                .documentName("compareCompanies")
                .variables(Map.of("ids", eleven))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN")));
    }

    private void assertPoint(Map<String, Object> point, List<String> latest, int unassessed) {
        List<BigDecimal> overall =
                latest.stream().map(k -> decimal(storedScore(k).get("overall"))).toList();
        assertThat(point)
                .containsEntry("cohortSize", latest.size())
                .containsEntry("unassessedCount", unassessed)
                .containsEntry("otherVersionCount", 0);
        assertStatistics(map(point, "overall"), ScoreStatistics.of(overall));
        List<Map<String, Object>> dimensions = list(point, "dimensions");
        assertThat(dimensions).extracting(d -> d.get("dimension")).containsExactly("D1", "D2", "D3", "D4");
        for (Map<String, Object> dimension : dimensions) {
            List<BigDecimal> scores = new ArrayList<>();
            for (String key : latest) {
                BigDecimal s = dimensionScore(key, (String) dimension.get("dimension"));
                if (s != null) {
                    scores.add(s);
                }
            }
            assertStatistics(map(dimension, "statistics"), ScoreStatistics.of(scores));
        }
        int[] levels = new int[5];
        latest.forEach(k -> levels[(Integer) storedScore(k).get("level")]++);
        assertThat(map(point, "levelDistribution"))
                .containsEntry("level0", levels[0])
                .containsEntry("level1", levels[1])
                .containsEntry("level2", levels[2])
                .containsEntry("level3", levels[3])
                .containsEntry("level4", levels[4])
                .containsEntry("suppressed", 0);
    }

    /** Moves a publication (and retraction) to the time a clock then would have stamped. */
    private void stamp(String key, String publishedAt, String retractedAt) throws SQLException {
        try (Connection owner = DB.connectAsAdmin();
                PreparedStatement update = owner.prepareStatement(
                        "update assessments set published_at = ?::timestamptz, retracted_at = coalesce(?::timestamptz, retracted_at) where id = ?")) {
            update.setString(1, publishedAt);
            update.setString(2, retractedAt);
            update.setObject(
                    3, GlobalId.decode(published.get(key), "Assessment").orElseThrow());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private final Map<String, Map<String, Object>> storedScores = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    private Map<String, Object> storedScore(String key) {
        return storedScores.computeIfAbsent(
                key,
                k -> map(
                        admin.document(
                                        "query($id: ID!) { assessment(id: $id) { score { stored overall level dimensions { code score } "
                                                + "criteria { code state effectiveLevel gap } } } }")
                                .variable("id", published.get(k))
                                .execute()
                                .path("assessment")
                                .entity(Map.class)
                                .get(),
                        "score"));
    }

    private BigDecimal dimensionScore(String key, String code) {
        Object score = list(storedScore(key), "dimensions").stream()
                .filter(d -> d.get("code").equals(code))
                .findFirst()
                .orElseThrow()
                .get("score");
        return score == null ? null : decimal(score);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> trend(GraphQlTester caller, Map<String, Object> variables) {
        return caller.documentName("portfolioTrend")
                .variables(variables)
                .execute()
                .path("portfolioTrend")
                .entity(Map.class)
                .get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compare(GraphQlTester caller, Map<String, Object> variables) {
        return caller.documentName("compareCompanies")
                .variables(variables)
                .execute()
                .path("compareCompanies")
                .entity(Map.class)
                .get();
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> all = new LinkedHashMap<>(base);
        all.put(key, value);
        return all;
    }

    private static void assertBadRequest(GraphQlTester.Response response, String message) {
        response.errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("classification", "BAD_REQUEST");
                    assertThat(e.getMessage()).contains(message);
                }));
    }
}
