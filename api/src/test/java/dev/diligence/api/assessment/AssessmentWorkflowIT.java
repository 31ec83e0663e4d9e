package dev.diligence.api.assessment;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.attempt;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.move;
import static dev.diligence.api.assessment.AssessmentFixtures.publishedAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static dev.diligence.api.assessment.AssessmentFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The assessment workflow through GraphQL: a draft is scored, submitted, sent back with a comment,
 * resubmitted and published by another person (four eyes); published assessments are immutable,
 * supersede each other as the company's latest, can be retracted, started from and diffed.
 */
class AssessmentWorkflowIT extends ApiIntegrationTest {

    private String tenant;
    private GraphQlTester admin;
    private GraphQlTester assessor;
    private GraphQlTester reviewer;
    private String companyId;

    @BeforeEach
    void firmWithACompany() {
        tenant = newTenant("workflow");
        TenantUsers users = usersOf(tenant);
        admin = graphQl(users.tenantAdmin());
        assessor = graphQl(users.assessor());
        reviewer = graphQl(users.reviewer());
        companyId = CompanyFixtures.createCompany(admin, "Lumen Credit");
    }

    @Test
    void aDraftIsScoredSubmittedSentBackResubmittedAndPublishedByAnotherPerson() {
        String id = createAssessment(assessor, companyId, Map.of("modelsInProduction", true));
        assessor.documentName("assessment")
                .variable("id", id)
                .execute()
                .path("assessment.status")
                .entity(String.class)
                .isEqualTo("DRAFT")
                .path("assessment.leadAssessor")
                .entity(String.class)
                .isEqualTo("assessor@" + tenant)
                .path("assessment.company.name")
                .entity(String.class)
                .isEqualTo("Lumen Credit")
                .path("assessment.criteria[*].code")
                .entityList(String.class)
                .containsExactly(
                        "C1.1", "C1.2", "C1.3", "C2.1", "C2.2", "C2.3", "C2.4", "C3.1", "C3.2", "C3.3", "C4.1", "C4.2",
                        "C4.3", "C4.4")
                .path("assessment.criteria[*].state")
                .entityList(String.class)
                .satisfies(states -> assertThat(states).containsOnly("UNKNOWN"));

        score(assessor, id, "C1.1", 3, "HIGH");
        addEvidence(assessor, id, "C1.1");
        move(assessor, assessor, "submitAssessment", id);

        GraphQlTester.Response sentBack = attempt(
                reviewer, reviewer, "requestAssessmentChanges", id, "comment", "Please score the monitoring criteria.");
        sentBack.path("requestAssessmentChanges.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("requestAssessmentChanges.assessment.status")
                .entity(String.class)
                .isEqualTo("DRAFT")
                .path("requestAssessmentChanges.assessment.reviewComments[0].reviewer")
                .entity(String.class)
                .isEqualTo("reviewer@" + tenant)
                .path("requestAssessmentChanges.assessment.reviewComments[0].text")
                .entity(String.class)
                .isEqualTo("Please score the monitoring criteria.");

        score(assessor, id, "C3.1", 2, "MEDIUM");
        move(assessor, assessor, "submitAssessment", id);
        GraphQlTester.Response published = attempt(reviewer, reviewer, "publishAssessment", id);

        published
                .path("publishAssessment.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("publishAssessment.assessment.status")
                .entity(String.class)
                .isEqualTo("PUBLISHED")
                .path("publishAssessment.assessment.publication.publishedBy")
                .entity(String.class)
                .isEqualTo("reviewer@" + tenant)
                .path("publishAssessment.assessment.score.stored")
                .entity(Boolean.class)
                .isEqualTo(true);
        assessor.documentName("assessment")
                .variable("id", id)
                .execute()
                .path("assessment.reviewComments[*].text")
                .entityList(String.class)
                .containsExactly("Please score the monitoring criteria.")
                .path("assessment.submitters")
                .entityList(String.class)
                .containsExactly("assessor@" + tenant);
    }

    @Test
    void everyChangeOfAnAssessmentIsInTheAuditTrailWithItsActor() {
        String id = createAssessment(assessor, companyId, null);
        score(assessor, id, "C1.1", 2, "HIGH");
        move(assessor, assessor, "submitAssessment", id);
        move(reviewer, reviewer, "publishAssessment", id);
        attempt(assessor, assessor, "submitAssessment", id);

        GraphQlTester.Response events = admin.documentName("auditEvents")
                .variable("filter", Map.of("entityType", "Assessment", "entityId", id))
                .variable("first", 20)
                .execute();

        events.path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .containsExactly("publishAssessment", "submitAssessment", "scoreCriterion", "createAssessment")
                .path("auditEvents.edges[*].node.actor.subject")
                .entityList(String.class)
                .containsExactly("reviewer@" + tenant, "assessor@" + tenant, "assessor@" + tenant, "assessor@" + tenant)
                .path("auditEvents.edges[0].node.before.status")
                .entity(String.class)
                .isEqualTo("IN_REVIEW")
                .path("auditEvents.edges[0].node.after.status")
                .entity(String.class)
                .isEqualTo("PUBLISHED")
                .path("auditEvents.edges[3].node.before")
                .valueIsNull();
    }

    @Test
    void nobodyPublishesAnAssessmentTheyEditedOrSubmittedWhateverTheirRoles() {
        String id = createAssessment(admin, companyId, null);
        score(admin, id, "C1.1", 2, "HIGH");
        move(admin, admin, "submitAssessment", id);

        GraphQlTester.Response refused = attempt(admin, admin, "publishAssessment", id);

        refused.path("publishAssessment.assessment")
                .valueIsNull()
                .path("publishAssessment.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID")
                .path("publishAssessment.userErrors[0].field")
                .valueIsNull()
                .path("publishAssessment.userErrors[0].message")
                .entity(String.class)
                .satisfies(m -> assertThat(m).contains("four eyes"));
        admin.documentName("assessment")
                .variable("id", id)
                .execute()
                .path("assessment.status")
                .entity(String.class)
                .isEqualTo("IN_REVIEW");
        move(reviewer, reviewer, "publishAssessment", id);
    }

    @Test
    void aPublishedAssessmentIsImmutable() {
        String id = publishedAssessment(assessor, reviewer, companyId);
        long version = version(assessor, id);

        GraphQlTester.Response refused = assessor.documentName("scoreCriterion")
                .variable(
                        "input",
                        Map.of(
                                "assessmentId",
                                id,
                                "expectedVersion",
                                version,
                                "criterion",
                                "C1.1",
                                "state",
                                "SCORED",
                                "level",
                                0,
                                "confidence",
                                "LOW"))
                .execute();

        refused.path("scoreCriterion.userErrors[0].code").entity(String.class).isEqualTo("INVALID_STATE");
        assertThat(version(assessor, id)).isEqualTo(version);
        attempt(assessor, assessor, "submitAssessment", id)
                .path("submitAssessment.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
    }

    @Test
    void aLaterPublicationSupersedesAndARetractionFallsBack() {
        String first = publishedAssessment(assessor, reviewer, companyId);
        GraphQlTester.Response started = assessor.documentName("startAssessmentFromLatest")
                .variable("input", Map.of("companyId", companyId))
                .execute();
        started.path("startAssessmentFromLatest.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("startAssessmentFromLatest.assessment.criteria[0].level")
                .entity(Integer.class)
                .isEqualTo(3)
                .path("startAssessmentFromLatest.assessment.criteria[0].evidence[0].value")
                .entity(String.class)
                .isEqualTo("data-room/C1.1.pdf");
        String second = started.path("startAssessmentFromLatest.assessment.id")
                .entity(String.class)
                .get();
        score(assessor, second, "C1.1", 4, "HIGH");
        move(assessor, assessor, "submitAssessment", second);
        move(reviewer, reviewer, "publishAssessment", second);

        latestOf(companyId).isEqualTo(second);
        admin.documentName("companyAssessments")
                .variable("id", companyId)
                .execute()
                .path("company.assessments[*].id")
                .entityList(String.class)
                .containsExactly(second, first);

        GraphQlTester.Response retracted =
                attempt(admin, admin, "retractAssessment", second, "reason", "Scored the wrong entity.");
        retracted
                .path("retractAssessment.assessment.status")
                .entity(String.class)
                .isEqualTo("RETRACTED")
                .path("retractAssessment.assessment.retraction.reason")
                .entity(String.class)
                .isEqualTo("Scored the wrong entity.")
                .path("retractAssessment.assessment.publication.publishedBy")
                .entity(String.class)
                .isEqualTo("reviewer@" + tenant);
        latestOf(companyId).isEqualTo(first);
    }

    @Test
    void twoAssessmentsOfACompanyAreDiffedCriterionByCriterion() {
        String first = publishedAssessment(assessor, reviewer, companyId);
        String second = assessor.documentName("startAssessmentFromLatest")
                .variable("input", Map.of("companyId", companyId))
                .execute()
                .path("startAssessmentFromLatest.assessment.id")
                .entity(String.class)
                .get();
        score(assessor, second, "C1.1", 4, "LOW");
        score(assessor, second, "C2.2", 1, "MEDIUM");

        GraphQlTester.Response diff = assessor.documentName("assessmentDiff")
                .variable("beforeId", first)
                .variable("afterId", second)
                .execute();

        diff.path("assessmentDiff.changedCount")
                .entity(Integer.class)
                .isEqualTo(2)
                .path("assessmentDiff.criteria[0].code")
                .entity(String.class)
                .isEqualTo("C1.1")
                .path("assessmentDiff.criteria[0].recordedLevelBefore")
                .entity(Integer.class)
                .isEqualTo(3)
                .path("assessmentDiff.criteria[0].recordedLevelAfter")
                .entity(Integer.class)
                .isEqualTo(4)
                // LOW confidence gates level 4 to 2
                .path("assessmentDiff.criteria[0].effectiveLevelAfter")
                .entity(Integer.class)
                .isEqualTo(2)
                .path("assessmentDiff.criteria[0].effectiveLevelDelta")
                .entity(Integer.class)
                .isEqualTo(-1)
                .path("assessmentDiff.criteria[4].code")
                .entity(String.class)
                .isEqualTo("C2.2")
                .path("assessmentDiff.criteria[4].stateBefore")
                .entity(String.class)
                .isEqualTo("UNKNOWN")
                .path("assessmentDiff.criteria[4].stateAfter")
                .entity(String.class)
                .isEqualTo("SCORED")
                .path("assessmentDiff.criteria[1].changed")
                .entity(Boolean.class)
                .isEqualTo(false);
        String otherCompany = CompanyFixtures.createCompany(admin, "Quarry Data");
        String elsewhere = createAssessment(assessor, otherCompany, null);
        assessor.documentName("assessmentDiff")
                .variable("beforeId", first)
                .variable("afterId", elsewhere)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getMessage()).contains("same company")));
    }

    @Test
    void badInputGetsUserErrorsAndChangesNothing() {
        String id = createAssessment(assessor, companyId, null);
        long version = version(assessor, id);

        assertUserError(
                assessor.documentName("scoreCriterion")
                        .variable(
                                "input",
                                Map.of(
                                        "assessmentId",
                                        id,
                                        "expectedVersion",
                                        version,
                                        "criterion",
                                        "C1.1",
                                        "state",
                                        "SCORED",
                                        "level",
                                        7))
                        .execute(),
                "scoreCriterion",
                List.of(
                        Map.of("field", List.of("level"), "code", "OUT_OF_RANGE"),
                        Map.of("field", List.of("confidence"), "code", "REQUIRED")));
        assertUserError(
                assessor.documentName("scoreCriterion")
                        .variable(
                                "input",
                                Map.of(
                                        "assessmentId",
                                        id,
                                        "expectedVersion",
                                        version,
                                        "criterion",
                                        "C9.9",
                                        "state",
                                        "UNKNOWN"))
                        .execute(),
                "scoreCriterion",
                List.of(Map.of("field", List.of("criterion"), "code", "NOT_FOUND")));
        assertUserError(
                assessor.documentName("scoreCriterion")
                        .variable(
                                "input",
                                Map.of(
                                        "assessmentId",
                                        id,
                                        "expectedVersion",
                                        version + 5,
                                        "criterion",
                                        "C1.1",
                                        "state",
                                        "UNKNOWN"))
                        .execute(),
                "scoreCriterion",
                List.of(Map.of("field", List.of("expectedVersion"), "code", "STALE_VERSION")));
        assertUserError(
                assessor.documentName("addEvidence")
                        .variable(
                                "input",
                                Map.of(
                                        "assessmentId",
                                        id,
                                        "expectedVersion",
                                        version,
                                        "criterion",
                                        "C1.1",
                                        "kind",
                                        "LINK",
                                        "value",
                                        "not a url"))
                        .execute(),
                "addEvidence",
                List.of(Map.of("field", List.of("value"), "code", "INVALID")));
        assertUserError(
                assessor.documentName("createAssessment")
                        .variable("input", Map.of("companyId", companyId, "context", Map.of("lowestImpactRatio", 1.5)))
                        .execute(),
                "createAssessment",
                List.of(Map.of("field", List.of("context", "lowestImpactRatio"), "code", "OUT_OF_RANGE")));
        assertUserError(
                assessor.documentName("createAssessment")
                        .variable("input", Map.of("companyId", companyId, "frameworkVersion", 99))
                        .execute(),
                "createAssessment",
                List.of(Map.of("field", List.of("frameworkVersion"), "code", "NOT_FOUND")));
        assertUserError(
                attempt(assessor, assessor, "submitAssessment", id),
                "submitAssessment",
                List.of(Map.of("field", List.of("criteria"), "code", "INVALID_STATE")));
        assertUserError(
                attempt(reviewer, reviewer, "requestAssessmentChanges", id, "comment", "  "),
                "requestAssessmentChanges",
                List.of(Map.of("code", "INVALID_STATE")));

        assertThat(version(assessor, id)).isEqualTo(version);
    }

    @Test
    void evidenceIsAddedAndRemoved() {
        String id = createAssessment(assessor, companyId, null);
        String evidenceId = addEvidence(assessor, id, "C2.1");

        GraphQlTester.Response removed = assessor.documentName("removeEvidence")
                .variable(
                        "input",
                        Map.of("assessmentId", id, "expectedVersion", version(assessor, id), "evidenceId", evidenceId))
                .execute();

        removed.path("removeEvidence.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("removeEvidence.assessment.criteria[3].evidence")
                .entityList(Object.class)
                .hasSize(0);
        assertUserError(
                assessor.documentName("removeEvidence")
                        .variable(
                                "input",
                                Map.of(
                                        "assessmentId",
                                        id,
                                        "expectedVersion",
                                        version(assessor, id),
                                        "evidenceId",
                                        evidenceId))
                        .execute(),
                "removeEvidence",
                List.of(Map.of("field", List.of("evidenceId"), "code", "NOT_FOUND")));
    }

    private GraphQlTester.Entity<String, ?> latestOf(String company) {
        return admin.documentName("companyAssessments")
                .variable("id", company)
                .execute()
                .path("company.latestAssessment.id")
                .entity(String.class);
    }

    /** The payload has exactly these user errors (each given by its code and, when present, its field). */
    @SuppressWarnings("unchecked")
    private static void assertUserError(
            GraphQlTester.Response response, String mutation, List<Map<String, Object>> expected) {
        response.errors().verify();
        List<Map<String, Object>> errors =
                response.path(mutation + ".userErrors").entity(List.class).get();
        assertThat(errors).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(errors.get(i)).containsEntry("code", expected.get(i).get("code"));
            if (expected.get(i).containsKey("field")) {
                assertThat(errors.get(i)).containsEntry("field", expected.get(i).get("field"));
            }
        }
    }
}
