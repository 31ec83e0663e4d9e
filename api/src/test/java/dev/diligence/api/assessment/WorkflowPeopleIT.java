package dev.diligence.api.assessment;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.move;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Everyone in an assessment's workflow is served as a {@code Person} (subject, and the name their
 * token gave): lead assessor, editors, submitters, the reviewer who sent it back and the one who
 * published it, the administrator who retracted it, who added evidence and who owns a finding.
 * Each person field names the same subject as the deprecated text field it replaces.
 */
class WorkflowPeopleIT extends ApiIntegrationTest {

    private String tenant;
    private GraphQlTester admin;
    private GraphQlTester assessor;
    private GraphQlTester reviewer;
    private String companyId;

    @BeforeEach
    void firmWithACompany() {
        tenant = newTenant("people-fields");
        TenantUsers users = usersOf(tenant);
        admin = graphQl(users.tenantAdmin());
        assessor = graphQl(users.assessor());
        reviewer = graphQl(users.reviewer());
        companyId = CompanyFixtures.createCompany(admin, "Lumen Credit");
    }

    @Test
    void everyPersonOfTheWorkflowIsAPersonNamedAsTheirTokenSaid() {
        String id = createAssessment(assessor, companyId, null);
        score(assessor, id, "C1.1", 3, "HIGH");
        score(admin, id, "C2.2", 2, "MEDIUM");
        addEvidence(assessor, id, "C1.1");
        raiseFinding(id, "Owned", "cto@lumen.example");
        raiseFinding(id, "Unowned", null);
        move(assessor, assessor, "submitAssessment", id);
        move(reviewer, reviewer, "requestAssessmentChanges", id, "comment", "Please add evidence for C2.2.");
        move(assessor, assessor, "submitAssessment", id);
        move(reviewer, reviewer, "publishAssessment", id);
        move(admin, admin, "retractAssessment", id, "reason", "Scored the wrong entity.");

        Map<String, Object> assessment = assessor.documentName("assessmentPeople")
                .variable("id", id)
                .execute()
                .path("assessment")
                .entity(Map.class)
                .get();

        assertThat(person(assessment, "assessor"))
                .isEqualTo(Map.of("subject", "assessor@" + tenant, "name", "User assessor@" + tenant));
        assertThat(assessment.get("assessor")).extracting("subject").isEqualTo(assessment.get("leadAssessor"));
        assertThat(subjects(assessment, "editedBy"))
                .isEqualTo(assessment.get("editors"))
                .containsExactlyInAnyOrder("assessor@" + tenant, "tenant-admin@" + tenant);
        assertThat(list(assessment, "editedBy"))
                .allSatisfy(person -> assertThat(person.get("name")).isEqualTo("User " + person.get("subject")));
        assertThat(subjects(assessment, "submittedBy"))
                .isEqualTo(assessment.get("submitters"))
                .containsExactly("assessor@" + tenant);

        Map<String, Object> comment = list(assessment, "reviewComments").get(0);
        assertThat(person(comment, "requestedBy"))
                .isEqualTo(Map.of("subject", comment.get("reviewer"), "name", "User reviewer@" + tenant));
        Map<String, Object> publication = map(assessment, "publication");
        assertThat(person(publication, "publisher"))
                .isEqualTo(Map.of("subject", publication.get("publishedBy"), "name", "User reviewer@" + tenant));
        Map<String, Object> retraction = map(assessment, "retraction");
        assertThat(person(retraction, "retractor"))
                .isEqualTo(Map.of("subject", retraction.get("retractedBy"), "name", "User tenant-admin@" + tenant));
        Map<String, Object> evidence =
                list(list(assessment, "criteria").get(0), "evidence").get(0);
        assertThat(person(evidence, "contributor"))
                .isEqualTo(Map.of("subject", evidence.get("addedBy"), "name", "User assessor@" + tenant));

        Map<String, Object> owned = list(assessment, "findings").stream()
                .filter(f -> f.get("title").equals("Owned"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> unowned = list(assessment, "findings").stream()
                .filter(f -> f.get("title").equals("Unowned"))
                .findFirst()
                .orElseThrow();
        // the owner never called the API in this firm: shown by the subject itself
        assertThat(person(owned, "ownedBy"))
                .isEqualTo(Map.of("subject", "cto@lumen.example", "name", "cto@lumen.example"));
        assertThat(unowned.get("ownedBy")).isNull();
        assertThat(unowned.get("owner")).isNull();
    }

    private void raiseFinding(String assessmentId, String title, String owner) {
        Map<String, Object> input = new HashMap<>(Map.of(
                "assessmentId", assessmentId, "title", title, "description", title + " finding", "severity", "MEDIUM"));
        input.put("owner", owner);
        assessor.documentName("raiseFinding")
                .variable("input", input)
                .execute()
                .path("raiseFinding.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    private static Map<String, Object> person(Map<String, Object> parent, String key) {
        Map<String, Object> person = new HashMap<>(map(parent, key));
        person.remove("email");
        return person;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }

    private static List<Object> subjects(Map<String, Object> parent, String key) {
        return list(parent, key).stream().map(person -> person.get("subject")).toList();
    }
}
