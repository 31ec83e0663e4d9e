package dev.diligence.api.oracle;

import dev.diligence.api.assessment.AssessmentFixtures;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The assessment and finding steps {@link OracleWorld} builds its data with, each asserting that it
 * succeeded. A high-risk draft (EU AI Act tier HIGH, C4.2 scored 1) fires red flag RF3, so it has a
 * rule finding besides the assessor findings raised on it.
 */
final class OracleAssessmentSteps {

    /** The context of a high-risk draft. */
    static final Map<String, Object> HIGH_RISK = Map.of("modelsInProduction", true, "euAiActTier", "HIGH");

    private OracleAssessmentSteps() {}

    /** A draft with C1.1 scored and backed by evidence; under {@code context} (defaults when null). */
    static String scoredDraft(GraphQlTester writer, String company, Map<String, Object> context) {
        String id = AssessmentFixtures.createAssessment(writer, company, context);
        AssessmentFixtures.score(writer, id, "C1.1", 3, "HIGH");
        AssessmentFixtures.addEvidence(writer, id, "C1.1");
        return id;
    }

    /** A high-risk draft (a rule finding RF3) with C1.1 scored and evidenced and C4.2 scored 1. */
    static String highRiskDraft(GraphQlTester writer, String company) {
        String id = scoredDraft(writer, company, HIGH_RISK);
        AssessmentFixtures.score(writer, id, "C4.2", 1, "MEDIUM");
        return id;
    }

    /** A scored draft submitted for review by {@code writer}. */
    static String submitted(GraphQlTester writer, String company) {
        String id = scoredDraft(writer, company, null);
        AssessmentFixtures.move(writer, writer, "submitAssessment", id);
        return id;
    }

    /** A scored draft submitted by {@code writer} and published by {@code reviewer}. */
    static String published(GraphQlTester writer, GraphQlTester reviewer, String company) {
        String id = submitted(writer, company);
        AssessmentFixtures.move(reviewer, reviewer, "publishAssessment", id);
        return id;
    }

    /** An open assessor finding about C4.2 on a draft. */
    static String finding(GraphQlTester writer, String assessment, String title) {
        GraphQlTester.Response response = writer.documentName("raiseFinding")
                .variable(
                        "input",
                        Map.of(
                                "assessmentId",
                                assessment,
                                "criterion",
                                "C4.2",
                                "title",
                                title,
                                "description",
                                "No bias testing before release",
                                "severity",
                                "HIGH"))
                .execute();
        response.path("raiseFinding.userErrors").entityList(Object.class).hasSize(0);
        return response.path("raiseFinding.finding.id").entity(String.class).get();
    }

    /** Changes the finding's owner once (from version 0). */
    static void changeFinding(GraphQlTester writer, String finding, String owner) {
        writer.documentName("updateFinding")
                .variable("input", Map.of("id", finding, "expectedVersion", 0, "owner", owner))
                .execute()
                .path("updateFinding.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    /** Resolves an open finding at {@code version}. */
    static void resolve(GraphQlTester writer, String finding, long version) {
        writer.documentName("resolveFinding")
                .variable(
                        "input",
                        Map.of("id", finding, "expectedVersion", version, "resolutionNote", "Fixed before the probes"))
                .execute()
                .path("resolveFinding.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    /** The rule IDs of the assessment's rule findings. */
    static List<String> ruleFindings(GraphQlTester reader, String assessment) {
        return reader
                .document("query($id: ID!) { assessment(id: $id) { findings { ruleId } } }")
                .variable("id", assessment)
                .execute()
                .path("assessment.findings[*].ruleId")
                .entityList(String.class)
                .get()
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }

    /** The ID of the assessment's first evidence item, or null when it has none (or the ID names no assessment). */
    @SuppressWarnings("unchecked")
    static String firstEvidence(GraphQlTester reader, String id) {
        Map<String, Object> response = reader.document(
                        "query($id: ID!) { node(id: $id) { ... on Assessment { criteria { evidence { id } } } } }")
                .variable("id", id)
                .execute()
                .returnResponse()
                .toMap();
        Map<String, Object> node = (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("node");
        if (node == null || node.get("criteria") == null) {
            return null;
        }
        return ((List<Map<String, Object>>) node.get("criteria"))
                .stream()
                        .flatMap(criterion -> ((List<Map<String, Object>>) criterion.get("evidence")).stream())
                        .map(item -> (String) item.get("id"))
                        .findFirst()
                        .orElse(null);
    }
}
