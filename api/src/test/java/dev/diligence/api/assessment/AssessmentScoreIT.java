package dev.diligence.api.assessment;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.move;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static dev.diligence.api.assessment.AssessmentFixtures.scoreWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * {@code Assessment.score} explains itself exactly as docs/framework.md computes, on examples checked
 * by hand (the arithmetic is in the comments): the evidence gate, dimension scores, coverage,
 * confidence, caps, overall, floor, level, targets, gaps and priorities, and each red-flag rule with
 * the rule finding it raises and retires while the assessment is a draft.
 */
class AssessmentScoreIT extends ApiIntegrationTest {

    private String assessorToken;
    private GraphQlTester assessor;
    private GraphQlTester reviewer;
    private String companyId;

    @BeforeEach
    void firmWithACompany() {
        String tenant = newTenant("score");
        TenantUsers users = usersOf(tenant);
        assessorToken = users.assessor();
        assessor = graphQl(assessorToken);
        reviewer = graphQl(users.reviewer());
        companyId = CompanyFixtures.createCompany(graphQl(users.tenantAdmin()), "Lumen Credit");
    }

    /**
     * Context: models in production, EU AI Act HIGH, CREDIT, impact ratio 0.75 without mitigation.
     * <pre>
     * D1 (0.20): C1.1 3 HIGH +evidence -> 3; C1.2 2 MEDIUM -> 2; C1.3 4 LOW +evidence -> gated to 2 (RF7)
     *            D1 = .35*3 + .30*2 + .35*2 = 2.35; cov 1; conf = .35*1 + .30*.6 + .35*.3 = .635
     * D2 (0.25): C2.1 3 MEDIUM, no evidence -> gated to 2 (RF7); C2.2 2 HIGH; C2.3 UNKNOWN; C2.4 N/A
     *            D2 = (.3*2 + .3*2)/.6 = 2; cov = .6/.8 = .75; conf = (.3*.6 + .3*1)/.6 = .8
     * D3 (0.25): C3.1 1 HIGH; C3.2, C3.3 UNKNOWN
     *            D3 = 1; cov = .4 (provisional); conf = 1
     * D4 (0.30): C4.1 2 MEDIUM; C4.2 1 LOW; C4.3 UNKNOWN; C4.4 3 HIGH +evidence
     *            uncapped = (.25*2 + .30*1 + .25*3)/.8 = 1.9375, capped at 1 by RF3 (C4.2 below 2 under HIGH)
     *            cov = .8; conf = (.25*.6 + .30*.3 + .25*1)/.8 = .6125
     * O = .2*2.35 + .25*2 + .25*1 + .3*1 = 1.52 (38%); F = 1; L = min(1, 1+1) = 1, RF3's cap of 1 changes nothing
     * coverage = .2*1 + .25*.75 + .25*.4 + .3*.8 = .7275; confidence = .2*.635 + .25*.8 + .25*1 + .3*.6125 = .76075
     * targets 2, and 3 for C4.x (high stakes); gaps: C3.1 1 (priority 1*.40*.25 = .1), C4.1 1 (.075), C4.2 2 (.18)
     * RF4 fires (0.75 < 0.8, no mitigation) as CRITICAL because of CREDIT
     * </pre>
     */
    @Test
    void aDraftsScoreExplainsEveryNumberAsFrameworkMdComputesIt() {
        String id = handCheckedDraft();

        Map<String, Object> score = scoreOf(id);

        assertThat(score).containsEntry("stored", false).containsEntry("frameworkVersion", 1);
        assertDecimal(score, "overall", "1.52");
        assertDecimal(score, "percentage", "38");
        assertDecimal(score, "floor", "1");
        assertDecimal(score, "coverage", "0.7275");
        assertDecimal(score, "confidence", "0.76075");
        assertThat(score)
                .containsEntry("level", 1)
                .containsEntry("uncappedLevel", 1)
                .containsEntry("levelSuppressed", false)
                .containsEntry("dealLevelRedFlag", false)
                .containsEntry("provisionalDimensions", List.of("D3"))
                .containsEntry("notAssessed", List.of("C2.3", "C3.2", "C3.3", "C4.3"));
        assertThat(score.get("levelCappedBy"))
                .as("a cap equal to the level lowers nothing")
                .isNull();

        List<Map<String, Object>> dimensions = list(score, "dimensions");
        assertDimension(dimensions.get(0), "D1", "2.35", "2.35", null, "1", "0.635");
        assertDimension(dimensions.get(1), "D2", "2", "2", null, "0.75", "0.8");
        assertDimension(dimensions.get(2), "D3", "1", "1", null, "0.4", "1");
        assertDimension(dimensions.get(3), "D4", "1", "1.9375", "RF3", "0.8", "0.6125");
        assertThat(dimensions.get(2)).containsEntry("provisional", true);
        assertThat((String) dimensions.get(3).get("capExplanation")).isNotBlank();

        Map<String, Map<String, Object>> criteria = byCode(list(score, "criteria"));
        assertThat(criteria.get("C1.3"))
                .containsEntry("recordedLevel", 4)
                .containsEntry("effectiveLevel", 2)
                .containsEntry("gated", true);
        assertThat(criteria.get("C2.1"))
                .containsEntry("recordedLevel", 3)
                .containsEntry("effectiveLevel", 2)
                .containsEntry("gated", true);
        assertThat(criteria.get("C1.1"))
                .containsEntry("effectiveLevel", 3)
                .containsEntry("gated", false)
                .containsEntry("target", 2)
                .containsEntry("gap", 0);
        assertThat(criteria.get("C2.4"))
                .containsEntry("state", "NOT_APPLICABLE")
                .containsEntry("gap", null);
        assertThat(criteria.get("C4.2"))
                .containsEntry("target", 3)
                .containsEntry("explicitTarget", false)
                .containsEntry("gap", 2);
        assertDecimal(criteria.get("C4.2"), "priority", "0.18");
        assertThat(list(score, "remediationPriorities"))
                .extracting(c -> c.get("code"))
                .containsExactly("C4.2", "C3.1", "C4.1");
        assertDecimal(list(score, "remediationPriorities").get(1), "priority", "0.1");
        assertDecimal(list(score, "remediationPriorities").get(2), "priority", "0.075");

        List<Map<String, Object>> flags = list(score, "redFlags");
        assertThat(flags)
                .extracting(f -> f.get("rule") + ":" + f.get("severity") + ":" + f.get("criterion"))
                .containsExactly("RF3:CRITICAL:null", "RF4:CRITICAL:null", "RF7:LOW:C1.3", "RF7:LOW:C2.1");
        assertThat(ruleFindings(id))
                .containsExactlyInAnyOrder("RF3:CRITICAL:null", "RF4:CRITICAL:null", "RF7:LOW:C1.3", "RF7:LOW:C2.1");
    }

    @Test
    void ruleFindingsAreRetiredWhenTheirFlagStopsFiringAndFrozenFromSubmission() {
        String id = handCheckedDraft();

        addEvidence(assessor, id, "C2.1");

        assertThat(ruleFindings(id))
                .containsExactlyInAnyOrder("RF3:CRITICAL:null", "RF4:CRITICAL:null", "RF7:LOW:C1.3");
        Map<String, Map<String, Object>> dimensions = byCode(list(scoreOf(id), "dimensions"));
        assertDecimal(dimensions.get("D2"), "score", "2.5");

        move(assessor, assessor, "submitAssessment", id);
        move(reviewer, reviewer, "publishAssessment", id);
        Map<String, Object> published = scoreOf(id);
        assertThat(published).containsEntry("stored", true);
        assertDecimal(published, "overall", "1.645");
        assertThat(ruleFindings(id))
                .containsExactlyInAnyOrder("RF3:CRITICAL:null", "RF4:CRITICAL:null", "RF7:LOW:C1.3");
    }

    @Test
    void scoresTravelWithTheEnginesTenDecimalPlaces() {
        String id = handCheckedDraft();
        String query =
                "{\"query\":\"query($id: ID!) { assessment(id: $id) { score { overall percentage confidence } } }\","
                        + "\"variables\":{\"id\":\"" + id + "\"}}";

        String body = http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + assessorToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body)
                .contains(
                        "\"overall\":\"1.5200000000\"",
                        "\"percentage\":\"38.0000000000\"",
                        "\"confidence\":\"0.7607500000\"");
    }

    static Stream<Arguments> redFlagRules() {
        return Stream.of(
                Arguments.of(
                        "RF1",
                        Map.of("euAiActTier", "PROHIBITED"),
                        List.of(Map.of("criterion", "C1.1", "level", 2, "confidence", "HIGH")),
                        "CRITICAL",
                        "LEVEL_SUPPRESSION"),
                Arguments.of(
                        "RF2",
                        Map.of("modelsInProduction", true),
                        List.of(Map.of("criterion", "C4.3", "level", 0, "confidence", "HIGH")),
                        "HIGH",
                        "LEVEL_CAP"),
                Arguments.of(
                        "RF3",
                        Map.of("euAiActTier", "HIGH"),
                        List.of(Map.of("criterion", "C4.1", "level", 1, "confidence", "HIGH")),
                        "CRITICAL",
                        "DIMENSION_CAP"),
                Arguments.of(
                        "RF4",
                        Map.of("lowestImpactRatio", 0.7),
                        List.of(Map.of("criterion", "C1.1", "level", 2, "confidence", "HIGH")),
                        "HIGH",
                        null),
                Arguments.of(
                        "RF5",
                        Map.of("modelsInProduction", true),
                        List.of(Map.of("criterion", "C3.1", "level", 0, "confidence", "LOW")),
                        "HIGH",
                        "LEVEL_CAP"),
                Arguments.of(
                        "RF6",
                        Map.of(),
                        List.of(
                                Map.of("criterion", "C1.1", "level", 0, "confidence", "HIGH"),
                                Map.of("criterion", "C1.3", "level", 0, "confidence", "HIGH")),
                        "MEDIUM",
                        "DIMENSION_CAP"),
                Arguments.of(
                        "RF7",
                        Map.of(),
                        List.of(Map.of("criterion", "C2.2", "level", 3, "confidence", "HIGH")),
                        "LOW",
                        null));
    }

    @ParameterizedTest(name = "{0} fires with its effect and raises its finding")
    @MethodSource("redFlagRules")
    void eachRedFlagRuleFiresWithItsEffectAndRaisesItsFinding(
            String rule,
            Map<String, Object> context,
            List<Map<String, Object>> scores,
            String severity,
            String effect) {
        String id = createAssessment(assessor, companyId, context);
        for (Map<String, Object> s : scores) {
            score(assessor, id, (String) s.get("criterion"), (Integer) s.get("level"), (String) s.get("confidence"));
        }

        List<Map<String, Object>> flags = list(scoreOf(id), "redFlags");

        assertThat(flags)
                .filteredOn(f -> f.get("rule").equals(rule))
                .singleElement()
                .satisfies(flag -> {
                    assertThat(flag).containsEntry("severity", severity).containsEntry("dealLevel", rule.equals("RF1"));
                    List<Map<String, Object>> effects = list(flag, "effects");
                    if (effect == null) {
                        assertThat(effects).isEmpty();
                    } else {
                        assertThat(effects).extracting(e -> e.get("kind")).contains(effect);
                    }
                });
        assertThat(ruleFindings(id)).anySatisfy(finding -> assertThat(finding).startsWith(rule + ":" + severity));
    }

    @Test
    void rf1SuppressesTheLevelButKeepsTheOverallScore() {
        String id = createAssessment(assessor, companyId, Map.of("euAiActTier", "PROHIBITED"));
        score(assessor, id, "C1.1", 2, "HIGH");

        Map<String, Object> score = scoreOf(id);

        assertThat(score)
                .containsEntry("level", null)
                .containsEntry("levelSuppressed", true)
                .containsEntry("dealLevelRedFlag", true);
        assertDecimal(score, "overall", "2");
    }

    @Test
    void anExplicitTargetReplacesTheDefault() {
        String id = createAssessment(assessor, companyId, null);
        scoreWith(
                assessor,
                id,
                Map.of("criterion", "C2.2", "state", "SCORED", "level", 1, "confidence", "HIGH", "targetLevel", 4));

        Map<String, Map<String, Object>> criteria = byCode(list(scoreOf(id), "criteria"));

        // gap 4 - 1 = 3; priority 3 * 0.30 * 0.25 = 0.225
        assertThat(criteria.get("C2.2"))
                .containsEntry("target", 4)
                .containsEntry("explicitTarget", true)
                .containsEntry("gap", 3);
        assertDecimal(criteria.get("C2.2"), "priority", "0.225");
    }

    private String handCheckedDraft() {
        return AssessmentFixtures.handCheckedDraft(assessor, companyId);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> scoreOf(String id) {
        return assessor.documentName("assessmentScore")
                .variable("id", id)
                .execute()
                .path("assessment.score")
                .entity(Map.class)
                .get();
    }

    /** The rule findings listed on the assessment, as "rule:severity:criterion". */
    @SuppressWarnings("unchecked")
    private List<String> ruleFindings(String id) {
        List<Map<String, Object>> findings = assessor.documentName("assessment")
                .variable("id", id)
                .execute()
                .path("assessment.findings")
                .entity(List.class)
                .get();
        return findings.stream()
                .filter(f -> "RULE".equals(f.get("source")))
                .map(f -> f.get("ruleId") + ":" + f.get("severity") + ":" + f.get("criterion"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }

    private static Map<String, Map<String, Object>> byCode(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> byCode = new java.util.LinkedHashMap<>();
        rows.forEach(row -> byCode.put((String) row.get("code"), row));
        return byCode;
    }

    private static void assertDimension(
            Map<String, Object> dimension,
            String code,
            String score,
            String uncapped,
            String cappedBy,
            String coverage,
            String confidence) {
        assertThat(dimension)
                .containsEntry("code", code)
                .containsEntry("cappedBy", cappedBy)
                .containsEntry("applicable", true);
        assertDecimal(dimension, "score", score);
        assertDecimal(dimension, "uncappedScore", uncapped);
        assertDecimal(dimension, "coverage", coverage);
        assertDecimal(dimension, "confidence", confidence);
    }

    /** The value is the decimal {@code expected} (the parsed map holds doubles; the places are checked on the raw body). */
    private static void assertDecimal(Map<String, Object> map, String key, String expected) {
        Object value = map.get(key);
        assertThat(value).as(key).isNotNull();
        assertThat(new BigDecimal(value.toString())).as(key).isEqualByComparingTo(expected);
    }
}
