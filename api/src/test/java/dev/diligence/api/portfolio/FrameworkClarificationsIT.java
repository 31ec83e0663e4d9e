package dev.diligence.api.portfolio;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.attempt;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.move;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static dev.diligence.api.assessment.AssessmentFixtures.scoreWith;
import static dev.diligence.api.portfolio.PortfolioResponses.assertStatistics;
import static dev.diligence.api.portfolio.PortfolioResponses.decimal;
import static dev.diligence.api.portfolio.PortfolioResponses.list;
import static dev.diligence.api.portfolio.PortfolioResponses.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import dev.diligence.domain.portfolio.ScoreStatistics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The clarifications (v1.1) of the framework, as the API serves them (docs/framework.md, "Settled edge
 * cases"). The domain's rules are pinned by its unit tests ({@code ScoringClarificationsTest},
 * {@code AssessmentClarificationsTest}, {@code PortfolioClarificationsTest}); here, what clients read.
 * <pre>
 * Clarity Fund: alpha, Bravo, bravo, Charlie, delta  tier HIGH, all scored alike: C1.1 1, C2.1 0, C2.2 0,
 *                                                    C2.3 1 (target 4), C4.2 3 LOW (gated, RF7); RF3 fires.
 *                                                    25 remediation items in long runs of equal priority
 *               Echo     E1 published (stamped 2025-01-15; an open HIGH finding, a resolved LOW one),
 *                        E2 published (stamped 2025-03-10; C2.1 not applicable; an open CRITICAL finding),
 *                        E3 a draft (an open MEDIUM finding)
 *               Foxtrot  prohibited (RF1) and in production with C4.3 at 0 (RF2), uncapped level 2
 *               India    D2 entirely not applicable, C1.1 at 2
 *               Golf     a draft only: in production, C4.1 at 0 (RF2 on a level of 0), C2.2 at 3 without evidence
 *               Hotel    a draft only, nothing scored
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameworkClarificationsIT extends ApiIntegrationTest {

    private static final List<String> TIED = List.of("alpha", "Bravo", "bravo", "Charlie", "delta");
    private static final String ROWS = """
            query($f: ID!) {
              portfolio(fundId: $f) {
                cohortSize
                overall { count mean median min max lowerQuartile upperQuartile }
                companies(first: 20) {
                  nodes {
                    company { id name openFindings { critical high medium low info } }
                    assessment { id openFindings { critical high medium low info } }
                    overall percentage coverage confidence percentileRank level levelSuppressed redFlags
                    dimensions { dimension score }
                    openFindings { critical high medium low info }
                    heatmap { criterion state effectiveLevel gated redFlag }
                  }
                }
              }
            }""";
    private static final String REMEDIATION = """
            query($f: ID!, $first: Int, $after: String, $last: Int, $before: String) {
              portfolio(fundId: $f) {
                remediation(first: $first, after: $after, last: $last, before: $before) {
                  nodes { company { id name } criterion gap priority }
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                }
              }
            }""";
    private static final String SCORE = """
            query($id: ID!) {
              assessment(id: $id) {
                status
                score {
                  stored overall floor coverage level uncappedLevel levelCappedBy levelSuppressed
                  dimensions { code applicable score uncappedScore cappedBy coverage provisional }
                  criteria { code state recordedLevel effectiveLevel gated gap priority }
                  redFlags { rule criterion effects { kind dimension cap } }
                }
              }
            }""";

    private GraphQlTester admin;
    private GraphQlTester assessor;
    private GraphQlTester reviewer;
    private String fund;
    private final Map<String, String> companies = new LinkedHashMap<>();
    private final Map<String, String> assessments = new LinkedHashMap<>();

    @BeforeAll
    void aFundWithEveryEdgeCase() throws SQLException {
        TenantUsers users = usersOf(newTenant("clarifications"));
        admin = graphQl(users.tenantAdmin());
        assessor = graphQl(users.assessor());
        reviewer = graphQl(users.reviewer());
        fund = CompanyFixtures.createFund(admin, "Clarity Fund");
        for (String name :
                List.of("alpha", "Bravo", "bravo", "Charlie", "delta", "Echo", "Foxtrot", "India", "Golf", "Hotel")) {
            String company = CompanyFixtures.createCompany(admin, name);
            companies.put(name, company);
            CompanyFixtures.addHolding(admin, fund, company, "INVESTED");
        }
        for (String name : TIED) {
            String id = createAssessment(assessor, companies.get(name), Map.of("euAiActTier", "HIGH"));
            score(assessor, id, "C1.1", 1, "HIGH");
            score(assessor, id, "C2.1", 0, "HIGH");
            score(assessor, id, "C2.2", 0, "HIGH");
            scoreWith(
                    assessor,
                    id,
                    Map.of("criterion", "C2.3", "state", "SCORED", "level", 1, "confidence", "HIGH", "targetLevel", 4));
            score(assessor, id, "C4.2", 3, "LOW");
            addEvidence(assessor, id, "C4.2");
            publish(id);
            assessments.put(name, id);
        }

        String e1 = createAssessment(assessor, companies.get("Echo"), null);
        score(assessor, e1, "C1.1", 2, "HIGH");
        raiseFinding(e1, "HIGH");
        resolveFinding(raiseFinding(e1, "LOW"));
        publish(e1);
        String e2 = createAssessment(assessor, companies.get("Echo"), null);
        score(assessor, e2, "C1.1", 2, "HIGH");
        scoreWith(
                assessor,
                e2,
                Map.of("criterion", "C2.1", "state", "NOT_APPLICABLE", "notApplicableReason", "No pipelines"));
        raiseFinding(e2, "CRITICAL");
        publish(e2);
        String e3 = createAssessment(assessor, companies.get("Echo"), null);
        raiseFinding(e3, "MEDIUM");
        assessments.putAll(Map.of("E1", e1, "E2", e2, "E3", e3));
        stamp(e1, "2025-01-15T10:00:00Z");
        stamp(e2, "2025-03-10T10:00:00Z");

        String foxtrot = createAssessment(
                assessor, companies.get("Foxtrot"), Map.of("euAiActTier", "PROHIBITED", "modelsInProduction", true));
        for (String code : List.of("C1.1", "C4.1", "C4.2", "C4.4")) {
            score(assessor, foxtrot, code, 3, "HIGH");
            addEvidence(assessor, foxtrot, code);
        }
        score(assessor, foxtrot, "C4.3", 0, "HIGH");
        publish(foxtrot);
        assessments.put("Foxtrot", foxtrot);

        String india = createAssessment(assessor, companies.get("India"), null);
        score(assessor, india, "C1.1", 2, "HIGH");
        for (String code : List.of("C2.1", "C2.2", "C2.3", "C2.4")) {
            scoreWith(
                    assessor,
                    india,
                    Map.of("criterion", code, "state", "NOT_APPLICABLE", "notApplicableReason", "No models served"));
        }
        publish(india);
        assessments.put("India", india);

        String golf = createAssessment(assessor, companies.get("Golf"), Map.of("modelsInProduction", true));
        score(assessor, golf, "C4.1", 0, "HIGH");
        score(assessor, golf, "C2.2", 3, "HIGH");
        assessments.put("Golf", golf);

        assessments.put("Hotel", createAssessment(assessor, companies.get("Hotel"), null));
    }

    @Test
    @DisplayName(
            "Clarification 1: a level >= 3 with LOW confidence or without evidence counts as 2; every other at its recorded level")
    void clarification1TheEvidenceGateAsServed() {
        Map<String, Map<String, Object>> tied = criteria(scoreOf("alpha"));
        assertThat(tied.get("C4.2"))
                .as("3 with LOW confidence, with evidence")
                .containsEntry("recordedLevel", 3)
                .containsEntry("effectiveLevel", 2)
                .containsEntry("gated", true);
        assertThat(tied.get("C2.1")).as("0").containsEntry("effectiveLevel", 0).containsEntry("gated", false);
        assertThat(tied.get("C2.3")).as("1").containsEntry("effectiveLevel", 1).containsEntry("gated", false);
        Map<String, Map<String, Object>> foxtrot = criteria(scoreOf("Foxtrot"));
        assertThat(foxtrot.get("C1.1"))
                .as("3 with HIGH confidence and evidence")
                .containsEntry("effectiveLevel", 3)
                .containsEntry("gated", false);
        Map<String, Map<String, Object>> golf = criteria(scoreOf("Golf"));
        assertThat(golf.get("C2.2"))
                .as("3 with HIGH confidence, without evidence")
                .containsEntry("recordedLevel", 3)
                .containsEntry("effectiveLevel", 2)
                .containsEntry("gated", true);
        Map<String, Object> cell = list(row("alpha"), "heatmap").stream()
                .filter(c -> c.get("criterion").equals("C4.2"))
                .findFirst()
                .orElseThrow();
        assertThat(cell).containsEntry("effectiveLevel", 2).containsEntry("gated", true);
    }

    @Test
    @DisplayName(
            "Clarification 2: a company's open findings count every assessment, on the company and on its portfolio row alike")
    void clarification2OneMeaningOfOpenFindings() {
        Map<String, Object> echo = row("Echo");
        Map<String, Object> everyAssessment = counts(1, 1, 1, 0, 0); // E2's CRITICAL, E1's HIGH, the draft E3's MEDIUM
        assertThat(map(echo, "openFindings")).isEqualTo(everyAssessment);
        assertThat(map(map(echo, "company"), "openFindings")).isEqualTo(everyAssessment);
        assertThat(map(echo, "assessment")).containsEntry("id", assessments.get("E2"));
        assertThat(map(map(echo, "assessment"), "openFindings"))
                .as("the row's assessment alone")
                .isEqualTo(counts(1, 0, 0, 0, 0));
        for (Map<String, Object> row : rows()) {
            assertThat(map(row, "openFindings"))
                    .as("row of %s", map(row, "company").get("name"))
                    .isEqualTo(map(map(row, "company"), "openFindings"));
        }
        assertThat(openFindingsOf(assessments.get("E1"))).isEqualTo(counts(0, 1, 0, 0, 0));
        assertThat(openFindingsOf(assessments.get("E3"))).isEqualTo(counts(0, 0, 1, 0, 0));

        Map<String, Object> comparison = data(
                admin.document("""
                query($ids: [ID!]!, $f: ID) { compareCompanies(ids: $ids, fundId: $f) {
                  companies { company { name openFindings { critical high medium low info } } } } }""")
                        .variable("ids", List.of(companies.get("Echo"), companies.get("Foxtrot")))
                        .variable("f", fund)
                        .execute(),
                "compareCompanies");
        Map<String, Object> comparedEcho = list(comparison, "companies").get(0);
        assertThat(map(map(comparedEcho, "company"), "openFindings")).isEqualTo(everyAssessment);
    }

    @Test
    @DisplayName(
            "Clarification 3: the diff reports state for UNKNOWN and NOT_APPLICABLE sides with null levels; changed when any differs")
    void clarification3TheDiffAsServed() {
        Map<String, Object> diff = data(
                admin.documentName("assessmentDiff")
                        .variable("beforeId", assessments.get("E1"))
                        .variable("afterId", assessments.get("E2"))
                        .execute(),
                "assessmentDiff");

        List<Map<String, Object>> criteria = list(diff, "criteria");
        assertThat(criteria).hasSize(14);
        assertThat(diff).containsEntry("changedCount", 1);
        Map<String, Object> c21 = criteria.stream()
                .filter(c -> c.get("code").equals("C2.1"))
                .findFirst()
                .orElseThrow();
        assertThat(c21)
                .containsEntry("changed", true)
                .containsEntry("stateBefore", "UNKNOWN")
                .containsEntry("stateAfter", "NOT_APPLICABLE")
                .containsEntry("recordedLevelBefore", null)
                .containsEntry("recordedLevelAfter", null)
                .containsEntry("effectiveLevelBefore", null)
                .containsEntry("effectiveLevelAfter", null)
                .containsEntry("confidenceBefore", null)
                .containsEntry("confidenceAfter", null)
                .containsEntry("effectiveLevelDelta", null);
        Map<String, Object> c11 = criteria.stream()
                .filter(c -> c.get("code").equals("C1.1"))
                .findFirst()
                .orElseThrow();
        assertThat(c11).containsEntry("changed", false).containsEntry("effectiveLevelDelta", 0);
    }

    @Test
    @DisplayName(
            "Clarification 4: the remediation ranking is a total order; pages of 2 forwards and of 3 backwards never repeat or skip")
    void clarification4RemediationPagesNeverRepeatOrSkip() {
        List<Item> expected = new ArrayList<>();
        for (Map<String, Object> row : rows()) {
            String company = (String) map(row, "company").get("id");
            String name = (String) map(row, "company").get("name");
            for (Map<String, Object> c :
                    list(scoreOf(map(row, "assessment").get("id").toString()), "criteria")) {
                if (c.get("gap") != null && (Integer) c.get("gap") > 0) {
                    expected.add(new Item(
                            company, name, (String) c.get("code"), (Integer) c.get("gap"), decimal(c.get("priority"))));
                }
            }
        }
        expected.sort(Comparator.comparing(Item::priority, Comparator.reverseOrder())
                .thenComparing(Item::gap, Comparator.reverseOrder())
                .thenComparing(item -> item.name().toLowerCase(Locale.ROOT))
                .thenComparing(Item::criterion)
                .thenComparing(item ->
                        GlobalId.decode(item.company(), "Company").orElseThrow().toString()));
        // long runs of equal priority: the five tied companies alone give 5 items at each of 0.15 (gap 3), 0.15 (gap 2)
        // twice, ...
        assertThat(expected).hasSizeGreaterThanOrEqualTo(25);
        long tiedNeighbours = 0;
        for (int i = 1; i < expected.size(); i++) {
            tiedNeighbours +=
                    expected.get(i).priority().compareTo(expected.get(i - 1).priority()) == 0 ? 1 : 0;
        }
        assertThat(tiedNeighbours).isGreaterThanOrEqualTo(20);

        List<Item> forward = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> page = remediationPage(2, after, null, null);
            forward.addAll(items(page));
            after = Boolean.TRUE.equals(map(page, "pageInfo").get("hasNextPage"))
                    ? (String) map(page, "pageInfo").get("endCursor")
                    : null;
        } while (after != null);
        List<Item> backward = new ArrayList<>();
        String before = null;
        do {
            Map<String, Object> page = remediationPage(null, null, 3, before);
            backward.addAll(0, items(page));
            before = Boolean.TRUE.equals(map(page, "pageInfo").get("hasPreviousPage"))
                    ? (String) map(page, "pageInfo").get("startCursor")
                    : null;
        } while (before != null);

        Set<String> seen = new HashSet<>();
        forward.forEach(item -> assertThat(seen.add(item.company() + " " + item.criterion()))
                .as("repeated: %s", item)
                .isTrue());
        assertThat(forward).containsExactlyElementsOf(expected);
        assertThat(backward).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName(
            "Clarification 5: levelCappedBy names only a cap that lowered the level; under RF1 the uncapped level is served; effects always listed")
    void clarification5CapsAsServed() {
        Map<String, Object> foxtrot = scoreOf("Foxtrot");
        assertThat(foxtrot)
                .containsEntry("stored", true)
                .containsEntry("levelSuppressed", true)
                .containsEntry("level", null)
                .containsEntry("levelCappedBy", null);
        // O = (0.20·3 + 0.30·2.4) / 0.50 = 2.64, F = 2.4: min(⌊O⌋, ⌊F⌋ + 1) = 2
        int uncapped = Math.min(floor(foxtrot.get("overall")), floor(foxtrot.get("floor")) + 1);
        assertThat(foxtrot).containsEntry("uncappedLevel", uncapped);
        assertThat(uncapped).isEqualTo(2);
        assertThat(list(foxtrot, "redFlags")).extracting(f -> f.get("rule")).containsExactly("RF1", "RF2");
        assertThat(effects(foxtrot, "RF1")).containsExactly(effect("LEVEL_SUPPRESSION", null, null));
        assertThat(effects(foxtrot, "RF2"))
                .as("listed though suppression leaves nothing to cap")
                .containsExactly(effect("LEVEL_CAP", null, "1"));

        Map<String, Object> golf = scoreOf("Golf");
        assertThat(golf)
                .containsEntry("stored", false)
                .containsEntry("level", 0)
                .containsEntry("uncappedLevel", 0)
                .containsEntry("levelCappedBy", null);
        assertThat(effects(golf, "RF2"))
                .as("a cap of 1 on a level of 0")
                .containsExactly(effect("LEVEL_CAP", null, "1"));

        // the tied companies: RF3 caps D4 (2 → 1.0) and would cap the level at 1, which is 0 already
        Map<String, Object> alpha = scoreOf("alpha");
        assertThat(alpha).containsEntry("level", 0).containsEntry("levelCappedBy", null);
        assertThat(effects(alpha, "RF3"))
                .containsExactly(effect("DIMENSION_CAP", "D4", "1.0"), effect("LEVEL_CAP", null, "1"));
        Map<String, Object> d4 = list(alpha, "dimensions").stream()
                .filter(d -> d.get("code").equals("D4"))
                .findFirst()
                .orElseThrow();
        assertThat(d4).containsEntry("cappedBy", "RF3");
        assertThat(decimal(d4.get("uncappedScore"))).isEqualByComparingTo("2");
        assertThat(decimal(d4.get("score"))).isEqualByComparingTo("1");
    }

    @Test
    @DisplayName("Clarification 6: heatmap cells are marked by RF7 only; RF1 to RF6 are on the row")
    void clarification6HeatmapMarkers() {
        Map<String, Object> alpha = row("alpha");
        assertThat(strings(alpha, "redFlags")).containsExactly("RF3", "RF7 C4.2");
        for (Map<String, Object> cell : list(alpha, "heatmap")) {
            assertThat(cell.get("redFlag"))
                    .as("cell %s", cell.get("criterion"))
                    .isEqualTo(cell.get("criterion").equals("C4.2"));
        }
        Map<String, Object> foxtrot = row("Foxtrot");
        assertThat(strings(foxtrot, "redFlags")).containsExactly("RF1", "RF2");
        assertThat(list(foxtrot, "heatmap")).allSatisfy(cell -> assertThat(cell).containsEntry("redFlag", false));
    }

    @Test
    @DisplayName(
            "Clarification 7: scores and ratios have 10 places; quantiles are exact interpolations; percent ranks 10 places")
    void clarification7Precision() {
        Map<String, Object> portfolio = portfolio();
        List<Map<String, Object>> rows = list(map(portfolio, "companies"), "nodes");
        assertThat(rows).hasSize(8);
        for (Map<String, Object> row : rows) {
            for (String field : List.of("overall", "percentage", "coverage", "confidence", "percentileRank")) {
                assertThat(places(row.get(field)))
                        .as("%s of %s: %s", field, map(row, "company").get("name"), row.get(field))
                        .isEqualTo(10);
            }
        }
        List<BigDecimal> overall =
                rows.stream().map(r -> decimal(r.get("overall"))).toList();
        assertStatistics(map(portfolio, "overall"), ScoreStatistics.of(overall));
        assertThat(places(map(portfolio, "overall").get("mean"))).isEqualTo(10);
        for (String quantile : List.of("median", "lowerQuartile", "upperQuartile")) {
            assertThat(places(map(portfolio, "overall").get(quantile)))
                    .as(quantile)
                    .isBetween(0, 12);
        }
    }

    @Test
    @DisplayName(
            "Clarification 8: a trend's change counts when the later publication is in [from, to]; unassessed counts current holdings")
    void clarification8TrendWindowsAndCurrentHoldings() {
        Map<String, Object> exactly = trend("2025-03-10T10:00:00Z", "2025-03-10T10:00:00Z");
        assertThat(list(exactly, "changes")).singleElement().satisfies(change -> {
            assertThat(map(change, "fromAssessment")).containsEntry("id", assessments.get("E1"));
            assertThat(map(change, "toAssessment")).containsEntry("id", assessments.get("E2"));
        });
        assertThat(list(trend("2025-03-01T00:00:00Z", "2025-03-10T10:00:00Z"), "changes"))
                .hasSize(1);
        assertThat(list(trend("2025-03-10T10:00:00.000001Z", "2025-03-31T00:00:00Z"), "changes"))
                .isEmpty();
        assertThat(list(trend("2025-02-01T00:00:00Z", "2025-03-10T09:59:59.999999Z"), "changes"))
                .isEmpty();

        // in March 2025 only Echo had a publication; every company the fund holds now, held since 2026, counts as
        // without one
        Map<String, Object> point = list(exactly, "points").get(0);
        assertThat(point).containsEntry("cohortSize", 1).containsEntry("unassessedCount", companies.size() - 1);
    }

    @Test
    @DisplayName("Clarification 9: weights have at most 4 places once trailing zeros are removed")
    void clarification9Weights() {
        Map<String, Object> accepted = data(
                admin.documentName("deriveFrameworkVersion")
                        .variable(
                                "input",
                                Map.of(
                                        "baseVersion",
                                        1,
                                        "weights",
                                        List.of(
                                                Map.of("code", "C2.1", "weight", "0.50000"),
                                                Map.of("code", "C2.2", "weight", "0.10000"))))
                        .execute(),
                "deriveFrameworkVersion");
        assertThat(list(accepted, "userErrors")).isEmpty();
        Map<String, Object> d2 = list(map(accepted, "framework"), "dimensions").stream()
                .filter(d -> d.get("code").equals("D2"))
                .findFirst()
                .orElseThrow();
        assertThat(decimal(list(d2, "criteria").get(0).get("weight"))).isEqualByComparingTo("0.5");

        Map<String, Object> refused = data(
                admin.documentName("deriveFrameworkVersion")
                        .variable(
                                "input",
                                Map.of(
                                        "baseVersion",
                                        1,
                                        "weights",
                                        List.of(
                                                Map.of("code", "C2.1", "weight", "0.500010"),
                                                Map.of("code", "C2.2", "weight", "0.099990"))))
                        .execute(),
                "deriveFrameworkVersion");
        assertThat(map(refused, "framework")).isNull();
        assertThat(list(refused, "userErrors"))
                .extracting(e -> e.get("field"), e -> e.get("code"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(List.of("weights", "C2.1"), "INVALID"),
                        org.assertj.core.groups.Tuple.tuple(List.of("weights", "C2.2"), "INVALID"));
    }

    @Test
    @DisplayName(
            "Clarification 10: a draft with nothing scored shows a live score without overall or level and cannot be submitted")
    void clarification10SubmittingNeedsAScoredCriterion() {
        Map<String, Object> hotel = scoreOf("Hotel");
        assertThat(hotel)
                .containsEntry("stored", false)
                .containsEntry("overall", null)
                .containsEntry("level", null)
                .containsEntry("uncappedLevel", null);
        assertThat(list(hotel, "criteria")).allSatisfy(c -> assertThat(c).containsEntry("state", "UNKNOWN"));
        assertRefusedSubmission();

        scoreWith(
                assessor,
                assessments.get("Hotel"),
                Map.of("criterion", "C2.1", "state", "NOT_APPLICABLE", "notApplicableReason", "None"));
        assertRefusedSubmission();
    }

    @Test
    @DisplayName(
            "Clarification 11: a dimension whose criteria all do not apply has null score and coverage and counts nowhere")
    void clarification11NotApplicableDimensions() {
        Map<String, Object> india = scoreOf("India");
        Map<String, Object> d2 = list(india, "dimensions").stream()
                .filter(d -> d.get("code").equals("D2"))
                .findFirst()
                .orElseThrow();
        assertThat(d2)
                .containsEntry("applicable", false)
                .containsEntry("score", null)
                .containsEntry("coverage", null)
                .containsEntry("provisional", false);
        // coverage over D1 (0.35 scored), D3 and D4 (nothing scored), D2 left out: 0.20 · 0.35 / 0.75
        assertThat(decimal(india.get("coverage")))
                .isEqualByComparingTo(
                        new BigDecimal("0.07").divide(new BigDecimal("0.75"), 10, RoundingMode.HALF_EVEN));
        assertThat(decimal(india.get("overall"))).isEqualByComparingTo("2");
        Map<String, Object> row = row("India");
        assertThat(list(row, "dimensions"))
                .filteredOn(d -> d.get("dimension").equals("D2"))
                .singleElement()
                .satisfies(d -> assertThat(d).containsEntry("score", null));
    }

    private record Item(String company, String name, String criterion, int gap, BigDecimal priority) {}

    private void assertRefusedSubmission() {
        GraphQlTester.Response refused = attempt(assessor, assessor, "submitAssessment", assessments.get("Hotel"));
        refused.path("submitAssessment.assessment")
                .valueIsNull()
                .path("submitAssessment.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE")
                .path("submitAssessment.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("criteria");
        admin.document("query($id: ID!) { assessment(id: $id) { status } }")
                .variable("id", assessments.get("Hotel"))
                .execute()
                .path("assessment.status")
                .entity(String.class)
                .isEqualTo("DRAFT");
    }

    private void publish(String assessment) {
        move(assessor, assessor, "submitAssessment", assessment);
        move(reviewer, reviewer, "publishAssessment", assessment);
    }

    private String raiseFinding(String assessment, String severity) {
        GraphQlTester.Response response = assessor.document("""
                mutation($input: RaiseFindingInput!) { raiseFinding(input: $input) { finding { id } userErrors { code } } }""")
                .variable(
                        "input",
                        Map.of(
                                "assessmentId",
                                assessment,
                                "title",
                                severity + " finding",
                                "description",
                                "Found in diligence",
                                "severity",
                                severity))
                .execute();
        response.path("raiseFinding.userErrors").entityList(Object.class).hasSize(0);
        return response.path("raiseFinding.finding.id").entity(String.class).get();
    }

    private void resolveFinding(String finding) {
        long version = assessor.document("query($id: ID!) { node(id: $id) { ... on Finding { version } } }")
                .variable("id", finding)
                .execute()
                .path("node.version")
                .entity(Long.class)
                .get();
        assessor.document("""
                mutation($input: ResolveFindingInput!) { resolveFinding(input: $input) { finding { status } userErrors { code } } }""")
                .variable("input", Map.of("id", finding, "expectedVersion", version, "resolutionNote", "Fixed"))
                .execute()
                .path("resolveFinding.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("resolveFinding.finding.status")
                .entity(String.class)
                .isEqualTo("RESOLVED");
    }

    /** Moves a publication to the time a clock then would have stamped. */
    private static void stamp(String assessment, String publishedAt) throws SQLException {
        try (Connection owner = DB.connectAsAdmin();
                PreparedStatement update =
                        owner.prepareStatement("update assessments set published_at = ?::timestamptz where id = ?")) {
            update.setString(1, publishedAt);
            update.setObject(2, GlobalId.decode(assessment, "Assessment").orElseThrow());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private Map<String, Object> portfolio() {
        return data(admin.document(ROWS).variable("f", fund).execute(), "portfolio");
    }

    private List<Map<String, Object>> rows() {
        return list(map(portfolio(), "companies"), "nodes");
    }

    private Map<String, Object> row(String name) {
        return rows().stream()
                .filter(r -> map(r, "company").get("name").equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The score of the named company's assessment (or of an assessment by ID). */
    private Map<String, Object> scoreOf(String nameOrId) {
        String id = assessments.getOrDefault(nameOrId, nameOrId);
        return map(data(admin.document(SCORE).variable("id", id).execute(), "assessment"), "score");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> map, String key) {
        return (List<String>) map.get(key);
    }

    private static Map<String, Map<String, Object>> criteria(Map<String, Object> score) {
        Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
        list(score, "criteria").forEach(c -> byCode.put((String) c.get("code"), c));
        return byCode;
    }

    private Map<String, Object> openFindingsOf(String assessment) {
        return map(
                data(
                        admin.document(
                                        "query($id: ID!) { assessment(id: $id) { openFindings { critical high medium low info } } }")
                                .variable("id", assessment)
                                .execute(),
                        "assessment"),
                "openFindings");
    }

    private Map<String, Object> remediationPage(Integer first, String after, Integer last, String before) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("f", fund);
        variables.put("first", first);
        variables.put("after", after);
        variables.put("last", last);
        variables.put("before", before);
        return map(data(admin.document(REMEDIATION).variables(variables).execute(), "portfolio"), "remediation");
    }

    private static List<Item> items(Map<String, Object> page) {
        return list(page, "nodes").stream()
                .map(n -> new Item(
                        (String) map(n, "company").get("id"),
                        (String) map(n, "company").get("name"),
                        (String) n.get("criterion"),
                        (Integer) n.get("gap"),
                        decimal(n.get("priority"))))
                .toList();
    }

    private Map<String, Object> trend(String from, String to) {
        return data(
                admin.document("""
                query($f: ID!, $from: DateTime!, $to: DateTime!) { portfolioTrend(fundId: $f, from: $from, to: $to, interval: MONTH) {
                  points { asOf cohortSize unassessedCount }
                  changes { company { name } fromAssessment { id } toAssessment { id } } } }""")
                        .variable("f", fund)
                        .variable("from", from)
                        .variable("to", to)
                        .execute(),
                "portfolioTrend");
    }

    private static List<Map<String, Object>> effects(Map<String, Object> score, String rule) {
        return list(
                list(score, "redFlags").stream()
                        .filter(f -> f.get("rule").equals(rule))
                        .findFirst()
                        .orElseThrow(),
                "effects");
    }

    private static Map<String, Object> effect(String kind, String dimension, String cap) {
        Map<String, Object> effect = new HashMap<>();
        effect.put("kind", kind);
        effect.put("dimension", dimension);
        effect.put("cap", cap);
        return effect;
    }

    private static Map<String, Object> counts(int critical, int high, int medium, int low, int info) {
        return Map.of("critical", critical, "high", high, "medium", medium, "low", low, "info", info);
    }

    private static int floor(Object decimal) {
        return decimal(decimal).setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    /** Digits after the decimal point of a served Decimal; -1 for null. */
    private static int places(Object decimal) {
        if (decimal == null) {
            return -1;
        }
        String text = decimal.toString();
        return text.indexOf('.') < 0 ? 0 : text.length() - text.indexOf('.') - 1;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(GraphQlTester.Response response, String field) {
        response.errors().verify();
        return (Map<String, Object>) response.path(field).entity(Map.class).get();
    }
}
