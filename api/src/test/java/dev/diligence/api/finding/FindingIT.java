package dev.diligence.api.finding;

import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.move;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Findings through GraphQL: raised by assessors on drafts, edited, moved through their statuses
 * (also after publication), every change in the audit trail; listed with filters, counts by
 * severity and keyset pages.
 */
class FindingIT extends ApiIntegrationTest {

    private String tenant;
    private GraphQlTester admin;
    private GraphQlTester assessor;
    private GraphQlTester reviewer;
    private String fundId;
    private String companyId;
    private String assessmentId;

    @BeforeEach
    void aDraftOfAHeldCompany() {
        tenant = newTenant("finding");
        TenantUsers users = usersOf(tenant);
        admin = graphQl(users.tenantAdmin());
        assessor = graphQl(users.assessor());
        reviewer = graphQl(users.reviewer());
        fundId = CompanyFixtures.createFund(admin, "Fund I");
        companyId = CompanyFixtures.createCompany(admin, "Lumen Credit");
        CompanyFixtures.addHolding(admin, fundId, companyId, "DILIGENCE");
        assessmentId = createAssessment(assessor, companyId, null);
    }

    @Test
    void anAssessorRaisesAFindingWithEverythingItSays() {
        GraphQlTester.Response response = raise(Map.of(
                "criterion",
                "C4.2",
                "title",
                "  No fairness testing  ",
                "description",
                "Credit models were never tested for disparate impact.",
                "severity",
                "HIGH",
                "owner",
                "cto@lumen.example",
                "dueDate",
                "2027-03-31",
                "remediationPlan",
                "Adopt four-fifths testing",
                "references",
                List.of(
                        Map.of("standard", "EU_AI_ACT", "clause", "Art. 10"),
                        Map.of("standard", "NIST_AI_RMF", "clause", "MEASURE 2.11"))));

        response.path("raiseFinding.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("raiseFinding.finding.title")
                .entity(String.class)
                .isEqualTo("No fairness testing")
                .path("raiseFinding.finding.status")
                .entity(String.class)
                .isEqualTo("OPEN")
                .path("raiseFinding.finding.source")
                .entity(String.class)
                .isEqualTo("ASSESSOR")
                .path("raiseFinding.finding.ruleId")
                .valueIsNull()
                .path("raiseFinding.finding.criterion")
                .entity(String.class)
                .isEqualTo("C4.2")
                .path("raiseFinding.finding.dueDate")
                .entity(String.class)
                .isEqualTo("2027-03-31")
                .path("raiseFinding.finding.references[*].citation")
                .entityList(String.class)
                .containsExactly("EU AI Act Art. 10", "NIST AI RMF MEASURE 2.11")
                .path("raiseFinding.finding.assessment.id")
                .entity(String.class)
                .isEqualTo(assessmentId);
    }

    @Test
    void badFindingsGetUserErrors() {
        raise(Map.of("criterion", "C9.1", "title", "x", "description", "", "severity", "LOW"))
                .path("raiseFinding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("criterion")
                .path("raiseFinding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
        raise(Map.of("title", " ", "description", "", "severity", "LOW"))
                .path("raiseFinding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("title");
        raise(Map.of(
                        "title",
                        "t",
                        "description",
                        "",
                        "severity",
                        "LOW",
                        "references",
                        List.of(Map.of("standard", "EU_AI_ACT", "clause", " "))))
                .path("raiseFinding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("references", "0", "clause");
        assertThat(findingIds(Map.of("assessmentId", assessmentId))).isEmpty();
    }

    @Test
    void findingsAreRaisedOnDraftsOnlyButMoveThroughTheirStatusesAfterPublication() {
        String findingId = raisedFinding("Registry missing", "MEDIUM");
        score(assessor, assessmentId, "C1.1", 2, "HIGH");
        move(assessor, assessor, "submitAssessment", assessmentId);
        move(reviewer, reviewer, "publishAssessment", assessmentId);

        raise(Map.of("title", "Too late", "description", "", "severity", "LOW"))
                .path("raiseFinding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");

        GraphQlTester.Response started = status("startFindingRemediation", findingId, Map.of());
        started.path("startFindingRemediation.finding.status")
                .entity(String.class)
                .isEqualTo("IN_REMEDIATION");
        status("resolveFinding", findingId, Map.of("resolutionNote", " "))
                .path("resolveFinding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("resolutionNote");
        GraphQlTester.Response resolved =
                status("resolveFinding", findingId, Map.of("resolutionNote", "Registry adopted"));
        resolved.path("resolveFinding.finding.status")
                .entity(String.class)
                .isEqualTo("RESOLVED")
                .path("resolveFinding.finding.closingNote")
                .entity(String.class)
                .isEqualTo("Registry adopted")
                .path("resolveFinding.finding.timeToResolveSeconds")
                .entity(Long.class)
                .satisfies(s -> assertThat(s).isNotNegative());
        OffsetDateTime openedAt = OffsetDateTime.parse(resolved.path("resolveFinding.finding.openedAt")
                .entity(String.class)
                .get());
        OffsetDateTime closedAt = OffsetDateTime.parse(resolved.path("resolveFinding.finding.closedAt")
                .entity(String.class)
                .get());
        assertThat(closedAt).isAfterOrEqualTo(openedAt);

        GraphQlTester.Response reopened = status("reopenFinding", findingId, Map.of());
        reopened.path("reopenFinding.finding.status")
                .entity(String.class)
                .isEqualTo("OPEN")
                .path("reopenFinding.finding.closedAt")
                .valueIsNull()
                .path("reopenFinding.finding.openedAt")
                .entity(String.class)
                .isEqualTo(openedAt.toString());
        status("reopenFinding", findingId, Map.of())
                .path("reopenFinding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
    }

    @Test
    void onlyATenantAdminAcceptsARisk() {
        String findingId = raisedFinding("No explainability", "LOW");

        assessor.documentName("acceptFindingRisk")
                .variable("input", Map.of("id", findingId, "expectedVersion", 0, "justification", "Low exposure"))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN")));
        GraphQlTester.Response accepted = admin.documentName("acceptFindingRisk")
                .variable("input", Map.of("id", findingId, "expectedVersion", 0, "justification", "Low exposure"))
                .execute();

        accepted.path("acceptFindingRisk.finding.status")
                .entity(String.class)
                .isEqualTo("ACCEPTED_RISK")
                .path("acceptFindingRisk.finding.closingNote")
                .entity(String.class)
                .isEqualTo("Low exposure")
                .path("acceptFindingRisk.finding.timeToResolveSeconds")
                .valueIsNull();
    }

    @Test
    void updatesChangeWhatIsGivenAndRuleFindingsKeepWhatTheirRuleSays() {
        String findingId = raisedFinding("Drift unmonitored", "MEDIUM");
        assessor.documentName("updateFinding")
                .variable(
                        "input",
                        Map.of(
                                "id",
                                findingId,
                                "expectedVersion",
                                0,
                                "severity",
                                "HIGH",
                                "owner",
                                "ml-lead@lumen.example"))
                .execute()
                .path("updateFinding.finding.severity")
                .entity(String.class)
                .isEqualTo("HIGH")
                .path("updateFinding.finding.title")
                .entity(String.class)
                .isEqualTo("Drift unmonitored")
                .path("updateFinding.finding.owner")
                .entity(String.class)
                .isEqualTo("ml-lead@lumen.example")
                .path("updateFinding.finding.version")
                .entity(Integer.class)
                .isEqualTo(1);
        assessor.documentName("updateFinding")
                .variable("input", Map.of("id", findingId, "expectedVersion", 0, "severity", "LOW"))
                .execute()
                .path("updateFinding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("STALE_VERSION");

        score(assessor, assessmentId, "C2.2", 3, "HIGH");
        String ruleFinding = findingIds(Map.of("assessmentId", assessmentId, "source", "RULE"))
                .get(0);
        assessor.documentName("updateFinding")
                .variable("input", Map.of("id", ruleFinding, "expectedVersion", 0, "severity", "CRITICAL"))
                .execute()
                .path("updateFinding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID");
        assessor.documentName("updateFinding")
                .variable(
                        "input",
                        Map.of(
                                "id",
                                ruleFinding,
                                "expectedVersion",
                                0,
                                "owner",
                                "cto@lumen.example",
                                "remediationPlan",
                                "Collect evidence"))
                .execute()
                .path("updateFinding.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("updateFinding.finding.severity")
                .entity(String.class)
                .isEqualTo("LOW");
    }

    @Test
    void everyFindingChangeIsInTheAuditTrail() {
        String findingId = raisedFinding("Model cards missing", "HIGH");
        status("startFindingRemediation", findingId, Map.of());
        status("resolveFinding", findingId, Map.of("resolutionNote", "Cards written"));
        score(assessor, assessmentId, "C2.2", 3, "HIGH");
        String ruleFinding = findingIds(Map.of("assessmentId", assessmentId, "source", "RULE"))
                .get(0);
        score(assessor, assessmentId, "C2.2", 2, "HIGH");

        assertThat(auditActions(findingId))
                .containsExactly("resolveFinding", "startFindingRemediation", "raiseFinding");
        assertThat(auditActions(ruleFinding))
                .as("raised and retired by the score changes that fired and cleared RF7")
                .containsExactly("scoreCriterion", "scoreCriterion");
        assertThat(findingIds(Map.of("assessmentId", assessmentId, "source", "RULE")))
                .isEmpty();
    }

    @Test
    void findingsAreFilteredCountedBySeverityAndPaged() {
        String otherCompany = CompanyFixtures.createCompany(admin, "Quarry Data");
        String otherAssessment = createAssessment(assessor, otherCompany, null);
        List<String> raised = new ArrayList<>();
        raised.add(raisedFinding("One", "CRITICAL"));
        raised.add(raisedFinding("Two", "HIGH", "C4.1"));
        raised.add(raisedFinding("Three", "HIGH", "C2.1"));
        raised.add(raisedFinding("Four", "INFO"));
        String elsewhere = raiseOn(otherAssessment, Map.of("title", "Five", "description", "", "severity", "LOW"))
                .path("raiseFinding.finding.id")
                .entity(String.class)
                .get();

        GraphQlTester.Response all = findings(Map.of(), 100);
        all.path("findings.totalCount")
                .entity(Integer.class)
                .isEqualTo(5)
                .path("findings.countsBySeverity")
                .entity(Map.class)
                .isEqualTo(Map.of("critical", 1, "high", 2, "medium", 0, "low", 1, "info", 1));
        assertThat(findingIds(Map.of("fundId", fundId))).containsExactlyElementsOf(raised);
        assertThat(findingIds(Map.of("companyId", otherCompany))).containsExactly(elsewhere);
        assertThat(findingIds(Map.of("severities", List.of("HIGH", "INFO"))))
                .containsExactly(raised.get(1), raised.get(2), raised.get(3));
        assertThat(findingIds(Map.of("dimension", "D4"))).containsExactly(raised.get(1));
        assertThat(findingIds(Map.of("dimension", "nonsense"))).isEmpty();
        assertThat(findingIds(Map.of("statuses", List.of("RESOLVED")))).isEmpty();
        findings(Map.of("severities", List.of("HIGH")), 100)
                .path("findings.countsBySeverity.high")
                .entity(Integer.class)
                .isEqualTo(2)
                .path("findings.countsBySeverity.critical")
                .entity(Integer.class)
                .isEqualTo(0);

        GraphQlTester.Response first = findings(Map.of(), 2);
        first.path("findings.nodes[*].id")
                .entityList(String.class)
                .containsExactly(raised.get(0), raised.get(1))
                .path("findings.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(true);
        String end =
                first.path("findings.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response next = admin.documentName("findings")
                .variable("first", 2)
                .variable("after", end)
                .execute();
        next.path("findings.nodes[*].id").entityList(String.class).containsExactly(raised.get(2), raised.get(3));
        admin.documentName("findings")
                .variable("last", 2)
                .variable(
                        "before",
                        next.path("findings.pageInfo.startCursor")
                                .entity(String.class)
                                .get())
                .execute()
                .path("findings.nodes[*].id")
                .entityList(String.class)
                .containsExactly(raised.get(0), raised.get(1));
    }

    @Test
    void companiesCountTheirOpenFindingsBySeverityOverAllTheirAssessments() {
        String quarry = CompanyFixtures.createCompany(admin, "Quarry Data");
        CompanyFixtures.createCompany(admin, "Zephyr Robotics");
        raiseOn(
                createAssessment(assessor, quarry, null),
                Map.of("title", "Five", "description", "", "severity", "LOW"));
        raisedFinding("One", "CRITICAL");
        raisedFinding("Two", "HIGH");
        String resolvedLater = raisedFinding("Three", "HIGH");
        String inRemediation = raisedFinding("Four", "MEDIUM");
        score(assessor, assessmentId, "C1.1", 2, "HIGH");
        move(assessor, assessor, "submitAssessment", assessmentId);
        move(reviewer, reviewer, "publishAssessment", assessmentId);
        status("startFindingRemediation", inRemediation, Map.of());
        status("resolveFinding", resolvedLater, Map.of("resolutionNote", "Fixed"));
        // a second assessment of the same company counts too
        raiseOn(
                createAssessment(assessor, companyId, null),
                Map.of("title", "Six", "description", "", "severity", "CRITICAL"));

        GraphQlTester.Response response = reviewer.document("""
                { companies(first: 10) { nodes { name openFindings { critical high medium low info } } } }""").execute();
        assertThat(response.path("companies.nodes[*].name")
                        .entityList(String.class)
                        .get())
                .containsExactly("Lumen Credit", "Quarry Data", "Zephyr Robotics");
        response.path("companies.nodes[0].openFindings")
                .entity(Map.class)
                .isEqualTo(Map.of("critical", 2, "high", 1, "medium", 1, "low", 0, "info", 0))
                .path("companies.nodes[1].openFindings")
                .entity(Map.class)
                .isEqualTo(Map.of("critical", 0, "high", 0, "medium", 0, "low", 1, "info", 0))
                .path("companies.nodes[2].openFindings")
                .entity(Map.class)
                .isEqualTo(Map.of("critical", 0, "high", 0, "medium", 0, "low", 0, "info", 0));
        graphQl(usersOf(newTenant("finding-other")).tenantAdmin())
                .document("""
                { companies(first: 10) { nodes { openFindings { critical high medium low info } } } }""")
                .execute()
                .path("companies.nodes")
                .entityList(Object.class)
                .hasSize(0);
    }

    private String raisedFinding(String title, String severity) {
        return raise(Map.of("title", title, "description", title + " found", "severity", severity))
                .path("raiseFinding.finding.id")
                .entity(String.class)
                .get();
    }

    private String raisedFinding(String title, String severity, String criterion) {
        return raise(Map.of("title", title, "description", "", "severity", severity, "criterion", criterion))
                .path("raiseFinding.finding.id")
                .entity(String.class)
                .get();
    }

    private GraphQlTester.Response raise(Map<String, Object> fields) {
        return raiseOn(assessmentId, fields);
    }

    private GraphQlTester.Response raiseOn(String assessment, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("assessmentId", assessment);
        return assessor.documentName("raiseFinding").variable("input", input).execute();
    }

    private GraphQlTester.Response status(String mutation, String findingId, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("id", findingId);
        input.put("expectedVersion", currentVersion(findingId));
        return assessor.documentName(mutation).variable("input", input).execute();
    }

    private long currentVersion(String findingId) {
        return admin.document("query($id: ID!) { node(id: $id) { ... on Finding { version } } }")
                .variable("id", findingId)
                .execute()
                .path("node.version")
                .entity(Long.class)
                .get();
    }

    private GraphQlTester.Response findings(Map<String, Object> filter, int first) {
        return admin.documentName("findings")
                .variable("filter", filter)
                .variable("first", first)
                .execute();
    }

    private List<String> findingIds(Map<String, Object> filter) {
        return findings(filter, 100)
                .path("findings.nodes[*].id")
                .entityList(String.class)
                .get();
    }

    private List<String> auditActions(String findingId) {
        return admin.documentName("auditEvents")
                .variable("filter", Map.of("entityType", "Finding", "entityId", findingId))
                .variable("first", 20)
                .execute()
                .path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .get();
    }
}
