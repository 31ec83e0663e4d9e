package dev.diligence.api.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Builders and steps of the assessment workflow through GraphQL; each step asserts that it succeeded. */
public final class AssessmentFixtures {

    private AssessmentFixtures() {}

    /** Starts a draft of {@code companyId} with the given context (defaults when null) and returns its global ID. */
    public static String createAssessment(GraphQlTester writer, String companyId, Map<String, Object> context) {
        Map<String, Object> input = new HashMap<>();
        input.put("companyId", companyId);
        if (context != null) {
            input.put("context", context);
        }
        GraphQlTester.Response response =
                writer.documentName("createAssessment").variable("input", input).execute();
        response.path("createAssessment.userErrors").entityList(Object.class).hasSize(0);
        return response.path("createAssessment.assessment.id")
                .entity(String.class)
                .get();
    }

    /**
     * The assessment's current version, read with a query of one point, so that the steps here fit a
     * small rate-limit budget and cost limit (RateLimitIT's 100 points).
     */
    public static long version(GraphQlTester reader, String assessmentId) {
        return reader.documentName("assessmentVersion")
                .variable("id", assessmentId)
                .execute()
                .path("assessment.version")
                .entity(Long.class)
                .get();
    }

    /** Scores {@code criterion} SCORED at {@code level} with {@code confidence}; returns the new version. */
    public static long score(
            GraphQlTester writer, String assessmentId, String criterion, int level, String confidence) {
        return scoreWith(
                writer,
                assessmentId,
                Map.of("criterion", criterion, "state", "SCORED", "level", level, "confidence", confidence));
    }

    /** Scores with the given fields of ScoreCriterionInput (assessmentId and expectedVersion are added); returns the new version. */
    public static long scoreWith(GraphQlTester writer, String assessmentId, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("assessmentId", assessmentId);
        input.put("expectedVersion", version(writer, assessmentId));
        GraphQlTester.Response response =
                writer.documentName("scoreCriterion").variable("input", input).execute();
        response.path("scoreCriterion.userErrors").entityList(Object.class).hasSize(0);
        return response.path("scoreCriterion.assessment.version")
                .entity(Long.class)
                .get();
    }

    /** Adds a document reference as evidence to {@code criterion}; returns the evidence item's ID. */
    public static String addEvidence(GraphQlTester writer, String assessmentId, String criterion) {
        return addEvidence(writer, assessmentId, criterion, "DOCUMENT", "data-room/" + criterion + ".pdf");
    }

    /** Adds evidence of {@code kind} (an EvidenceKind) with {@code value} to {@code criterion}; returns its ID. */
    public static String addEvidence(
            GraphQlTester writer, String assessmentId, String criterion, String kind, String value) {
        GraphQlTester.Response response = writer.documentName("addEvidence")
                .variable(
                        "input",
                        Map.of(
                                "assessmentId",
                                assessmentId,
                                "expectedVersion",
                                version(writer, assessmentId),
                                "criterion",
                                criterion,
                                "kind",
                                kind,
                                "value",
                                value))
                .execute();
        response.path("addEvidence.userErrors").entityList(Object.class).hasSize(0);
        return response.path("addEvidence.evidence.id").entity(String.class).get();
    }

    /** Raises a finding of {@code severity} titled {@code title} on the assessment; returns its ID. */
    public static String raiseFinding(GraphQlTester writer, String assessmentId, String title, String severity) {
        return raiseFindingWith(writer, assessmentId, Map.of("title", title, "severity", severity));
    }

    /**
     * Raises a finding with the given fields of RaiseFindingInput (values may be null; assessmentId is
     * added, and a description unless given); returns its ID.
     */
    public static String raiseFindingWith(GraphQlTester writer, String assessmentId, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("assessmentId", assessmentId);
        input.putIfAbsent("description", "Raised by a test.");
        GraphQlTester.Response response =
                writer.documentName("raiseFinding").variable("input", input).execute();
        response.path("raiseFinding.userErrors").entityList(Object.class).hasSize(0);
        return response.path("raiseFinding.finding.id").entity(String.class).get();
    }

    /** Submits the assessment as {@code assessor} and publishes it as {@code reviewer}. */
    public static void submitAndPublish(GraphQlTester assessor, GraphQlTester reviewer, String assessmentId) {
        move(assessor, assessor, "submitAssessment", assessmentId);
        move(reviewer, reviewer, "publishAssessment", assessmentId);
    }

    /** Runs a workflow mutation ({@code submitAssessment}, {@code publishAssessment}, ...) at the current version and asserts success. */
    public static void move(
            GraphQlTester actor, GraphQlTester reader, String mutation, String assessmentId, Object... more) {
        GraphQlTester.Response response = attempt(actor, reader, mutation, assessmentId, more);
        response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
    }

    /** Runs a workflow mutation at the current version (read by {@code reader}) and returns the response, whatever it says. */
    public static GraphQlTester.Response attempt(
            GraphQlTester actor, GraphQlTester reader, String mutation, String assessmentId, Object... more) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", assessmentId);
        input.put("expectedVersion", version(reader, assessmentId));
        for (int i = 0; i < more.length; i += 2) {
            input.put((String) more[i], more[i + 1]);
        }
        return actor.documentName(mutation).variable("input", input).execute();
    }

    /**
     * The draft whose score AssessmentScoreIT checks by hand (the arithmetic is there): HIGH tier, CREDIT,
     * impact ratio 0.75 without mitigation; gated criteria, a not-applicable one, a provisional
     * dimension, a dimension capped by RF3 and RF4 firing. Returns its ID.
     */
    public static String handCheckedDraft(GraphQlTester assessor, String companyId) {
        String id = createAssessment(
                assessor,
                companyId,
                Map.of(
                        "modelsInProduction",
                        true,
                        "euAiActTier",
                        "HIGH",
                        "sensitiveDomains",
                        List.of("CREDIT"),
                        "lowestImpactRatio",
                        0.75,
                        "fairnessMitigationDocumented",
                        false));
        score(assessor, id, "C1.1", 3, "HIGH");
        addEvidence(assessor, id, "C1.1");
        score(assessor, id, "C1.2", 2, "MEDIUM");
        score(assessor, id, "C1.3", 4, "LOW");
        addEvidence(assessor, id, "C1.3");
        score(assessor, id, "C2.1", 3, "MEDIUM");
        score(assessor, id, "C2.2", 2, "HIGH");
        scoreWith(
                assessor,
                id,
                Map.of("criterion", "C2.4", "state", "NOT_APPLICABLE", "notApplicableReason", "Batch scoring only"));
        score(assessor, id, "C3.1", 1, "HIGH");
        score(assessor, id, "C4.1", 2, "MEDIUM");
        score(assessor, id, "C4.2", 1, "LOW");
        score(assessor, id, "C4.4", 3, "HIGH");
        addEvidence(assessor, id, "C4.4");
        return id;
    }

    /** A draft scored on C1.1 with evidence, submitted by {@code assessor} and published by {@code reviewer}; returns its ID. */
    public static String publishedAssessment(GraphQlTester assessor, GraphQlTester reviewer, String companyId) {
        String id = createAssessment(assessor, companyId, null);
        score(assessor, id, "C1.1", 3, "HIGH");
        addEvidence(assessor, id, "C1.1");
        submitAndPublish(assessor, reviewer, id);
        return id;
    }
}
