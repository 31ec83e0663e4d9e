package dev.diligence.api.assessment;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.move;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.access.FundScopeProof;
import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.limits.CallerBudget;
import dev.diligence.api.operation.ApiOperation;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Assessments and findings never cross firms, and a fund-scoped fund manager sees only those of
 * companies held by a granted fund. Two firms of the same shape, each with
 * <pre>
 * F1 (granted to fund-manager@firm): inF1        F2: onlyInF2        inNoFund: held by no fund
 * inF1:      a published assessment (with an assessor finding), a high-risk draft (assessor finding + rule finding RF3)
 * onlyInF2:  a high-risk draft (assessor finding + RF3)       inNoFund: a high-risk draft (assessor finding + RF3)
 * </pre>
 * Every caller of firm A gets for firm B's IDs exactly the answer that IDs of nothing get: null
 * objects, empty lists, counts without B's findings, NOT_FOUND user errors. After every test, firm
 * B's objects read by B's own admin are as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentIsolationIT extends ApiIntegrationTest {

    /** Everything one firm holds, and its callers. */
    private record Firm(
            String tenant,
            GraphQlTester admin,
            GraphQlTester assessor,
            GraphQlTester reviewer,
            GraphQlTester manager,
            String f1,
            String f2,
            String inF1,
            String onlyInF2,
            String inNoFund,
            String publishedInF1,
            String draftInF1,
            String draftOnlyInF2,
            String draftInNoFund,
            String findingOnPublished,
            String findingInF1,
            String ruleFindingInF1,
            String findingOnlyInF2,
            String ruleFindingOnlyInF2,
            String findingInNoFund,
            String ruleFindingInNoFund) {

        List<String> assessments() {
            return List.of(publishedInF1, draftInF1, draftOnlyInF2, draftInNoFund);
        }

        List<String> findings() {
            return List.of(
                    findingOnPublished,
                    findingInF1,
                    ruleFindingInF1,
                    findingOnlyInF2,
                    ruleFindingOnlyInF2,
                    findingInNoFund,
                    ruleFindingInNoFund);
        }

        List<String> findingsInF1() {
            return List.of(findingOnPublished, findingInF1, ruleFindingInF1);
        }

        List<String> companies() {
            return List.of(inF1, onlyInF2, inNoFund);
        }

        /** Firm A's callers: every role that reads assessments and findings. */
        List<GraphQlTester> readers() {
            return List.of(admin, assessor, reviewer, manager);
        }
    }

    /** Larger than the findings of a firm, small enough for the query cost not to run into the rate limit. */
    private static final int PAGE = 20;

    private Firm a;
    private Firm b;
    private Map<String, Object> bBefore;

    @BeforeAll
    void twoFirms() {
        a = firm(newTenant("iso-assess-a"));
        b = firm(newTenant("iso-assess-b"));
    }

    @BeforeEach
    void snapshotB() {
        bBefore = snapshotOf(b);
    }

    @AfterEach
    void firmBIsUnchanged() {
        assertThat(snapshotOf(b))
                .as("firm B's assessments and findings, read by B's admin")
                .isEqualTo(bBefore);
    }

    @Test
    void anotherFirmsAssessmentsAreNullExactlyLikeNonexistentOnes() {
        for (GraphQlTester reader : a.readers()) {
            for (String id : b.assessments()) {
                for (String document : List.of("assessment", "assessmentScore")) {
                    Map<String, Object> answer = answer(reader, document, Map.of("id", id));
                    assertThat(answer)
                            .as("%s of %s", document, id)
                            .isEqualTo(answer(reader, document, Map.of("id", randomId("Assessment"))));
                    assertThat(data(answer)).containsEntry("assessment", null);
                }
                Map<String, Object> node = answer(reader, "assessmentNode", Map.of("id", id));
                assertThat(node).isEqualTo(answer(reader, "assessmentNode", Map.of("id", randomId("Assessment"))));
                assertThat(data(node)).containsEntry("node", null);
            }
        }
        for (String id : b.assessments()) {
            b.admin()
                    .documentName("assessment")
                    .variable("id", id)
                    .execute()
                    .path("assessment.id")
                    .entity(String.class)
                    .isEqualTo(id);
        }
    }

    @Test
    void anotherFirmsFindingsAreNullExactlyLikeNonexistentOnes() {
        for (GraphQlTester reader : a.readers()) {
            for (String id : b.findings()) {
                Map<String, Object> node = answer(reader, "assessmentNode", Map.of("id", id));
                assertThat(node)
                        .as("node of finding %s", id)
                        .isEqualTo(answer(reader, "assessmentNode", Map.of("id", randomId("Finding"))));
                assertThat(data(node)).containsEntry("node", null);
            }
        }
        for (String id : b.findings()) {
            b.admin()
                    .documentName("assessmentNode")
                    .variable("id", id)
                    .execute()
                    .path("node.id")
                    .entity(String.class)
                    .isEqualTo(id);
        }
    }

    @Test
    void theFindingListNeverIncludesAnotherFirmsFindingsAndItsCountsExcludeThem() {
        for (GraphQlTester reader : List.of(a.admin(), a.assessor(), a.reviewer())) {
            Page all = findings(reader, null);
            assertThat(all.ids())
                    .as("findings of firm A")
                    .containsExactlyInAnyOrderElementsOf(a.findings())
                    .doesNotContainAnyElementsOf(b.findings());
            assertThat(all.totalCount()).isEqualTo(a.findings().size());
            assertThat(all.countsBySeverity()).isEqualTo(countsOf(all.severities()));
        }
        Page ofB = findings(b.admin(), null);
        assertThat(ofB.ids()).containsExactlyInAnyOrderElementsOf(b.findings());
    }

    @Test
    void filtersByAnotherFirmsCompanyAssessmentOrFundFindNothingLikeFiltersByNothing() {
        List<Map<String, Object>> filtersOfB = new ArrayList<>();
        b.companies().forEach(company -> filtersOfB.add(Map.of("companyId", company)));
        b.assessments().forEach(assessment -> filtersOfB.add(Map.of("assessmentId", assessment)));
        List.of(b.f1(), b.f2()).forEach(fund -> filtersOfB.add(Map.of("fundId", fund)));
        filtersOfB.add(Map.of(
                "fundId",
                b.f1(),
                "companyId",
                b.inF1(),
                "assessmentId",
                b.draftInF1(),
                "severities",
                List.of("CRITICAL", "HIGH"),
                "statuses",
                List.of("OPEN"),
                "source",
                "RULE"));
        for (GraphQlTester reader : a.readers()) {
            for (Map<String, Object> filter : filtersOfB) {
                Map<String, Object> answer = answer(reader, "findings", Map.of("filter", filter, "first", PAGE));
                assertThat(answer)
                        .as("findings matching %s", filter)
                        .isEqualTo(answer(reader, "findings", Map.of("filter", withRandomIds(filter), "first", PAGE)));
                Page page = Page.of(answer);
                assertThat(page.ids()).as("findings matching %s", filter).isEmpty();
                assertThat(page.totalCount()).isZero();
                assertThat(page.countsBySeverity()).isEqualTo(countsOf(List.of()));
            }
        }
        assertThat(findings(b.admin(), Map.of("companyId", b.inF1())).ids())
                .as("B's admin filtering by B's company")
                .containsExactlyInAnyOrder(b.findingOnPublished(), b.findingInF1(), b.ruleFindingInF1());
    }

    @Test
    void anotherFirmsCompaniesAndTheirAssessmentsAreNull() {
        for (GraphQlTester reader : a.readers()) {
            for (String company : b.companies()) {
                Map<String, Object> answer = answer(reader, "companyAssessments", Map.of("id", company));
                assertThat(answer).isEqualTo(answer(reader, "companyAssessments", Map.of("id", randomId("Company"))));
                assertThat(data(answer)).containsEntry("company", null);
            }
        }
        GraphQlTester.Response ofB = b.admin()
                .documentName("companyAssessments")
                .variable("id", b.inF1())
                .execute();
        assertThat(ofB.path("company.assessments[*].id")
                        .entityList(String.class)
                        .get())
                .containsExactlyInAnyOrder(b.draftInF1(), b.publishedInF1());
        assertThat(ofB.path("company.assessmentHistory.nodes[*].id")
                        .entityList(String.class)
                        .get())
                .containsExactlyInAnyOrder(b.draftInF1(), b.publishedInF1());
        ofB.path("company.assessmentHistory.totalCount").entity(Long.class).isEqualTo(2L);
        for (GraphQlTester reader : a.readers()) {
            // a firm's list of companies, each with its history, never reaches another firm's assessments
            List<String> seen = reader.document(
                            "{ companies(first: 10) { nodes { assessmentHistory(first: 10) { nodes { id } } } } }")
                    .execute()
                    .path("companies.nodes[*].assessmentHistory.nodes[*].id")
                    .entityList(String.class)
                    .get();
            assertThat(seen).doesNotContainAnyElementsOf(b.assessments());
        }
        ofB.path("company.latestAssessment.id").entity(String.class).isEqualTo(b.publishedInF1());
    }

    @Test
    void aDiffWithAnotherFirmsAssessmentIsNullLikeADiffWithNothing() {
        List<List<String>> pairs = List.of(
                List.of(b.publishedInF1(), b.draftInF1()),
                List.of(a.publishedInF1(), b.draftInF1()),
                List.of(b.publishedInF1(), a.draftInF1()));
        for (GraphQlTester reader : a.readers()) {
            for (List<String> pair : pairs) {
                Map<String, Object> answer =
                        answer(reader, "assessmentDiff", Map.of("beforeId", pair.get(0), "afterId", pair.get(1)));
                Map<String, Object> nothing = answer(
                        reader,
                        "assessmentDiff",
                        Map.of(
                                "beforeId",
                                        pair.get(0).equals(a.publishedInF1()) ? pair.get(0) : randomId("Assessment"),
                                "afterId", pair.get(1).equals(a.draftInF1()) ? pair.get(1) : randomId("Assessment")));
                assertThat(answer).as("diff of %s", pair).isEqualTo(nothing);
                assertThat(data(answer)).containsEntry("assessmentDiff", null);
            }
            reader.documentName("assessmentDiff")
                    .variable("beforeId", a.publishedInF1())
                    .variable("afterId", a.draftInF1())
                    .execute()
                    .path("assessmentDiff.before.id")
                    .entity(String.class)
                    .isEqualTo(a.publishedInF1());
        }
        b.admin()
                .documentName("assessmentDiff")
                .variable("beforeId", b.publishedInF1())
                .variable("afterId", b.draftInF1())
                .execute()
                .path("assessmentDiff.after.id")
                .entity(String.class)
                .isEqualTo(b.draftInF1());
    }

    @Test
    void everyAssessmentMutationWithAnotherFirmsIdAnswersNotFoundLikeAnIdOfNothing() {
        for (String assessment : b.assessments()) {
            long version = versionOf(b.admin(), assessment);
            String evidence = firstEvidenceOf(b.admin(), assessment);
            Map<String, Map<String, Object>> inputs = new LinkedHashMap<>();
            inputs.put(
                    "updateAssessmentContext",
                    input(
                            "id",
                            assessment,
                            "expectedVersion",
                            version,
                            "context",
                            Map.of("modelsInProduction", true, "euAiActTier", "MINIMAL")));
            inputs.put(
                    "scoreCriterion",
                    input(
                            "assessmentId",
                            assessment,
                            "expectedVersion",
                            version,
                            "criterion",
                            "C2.1",
                            "state",
                            "SCORED",
                            "level",
                            2,
                            "confidence",
                            "HIGH"));
            inputs.put(
                    "addEvidence",
                    input(
                            "assessmentId",
                            assessment,
                            "expectedVersion",
                            version,
                            "criterion",
                            "C2.1",
                            "kind",
                            "LINK",
                            "value",
                            "https://example.com/smuggled"));
            inputs.put(
                    "removeEvidence",
                    input("assessmentId", assessment, "expectedVersion", version, "evidenceId", evidence));
            inputs.put("submitAssessment", input("id", assessment, "expectedVersion", version));
            inputs.put(
                    "requestAssessmentChanges",
                    input("id", assessment, "expectedVersion", version, "comment", "Redo it"));
            inputs.put("publishAssessment", input("id", assessment, "expectedVersion", version));
            inputs.put(
                    "retractAssessment", input("id", assessment, "expectedVersion", version, "reason", "Taken over"));
            inputs.put(
                    "raiseFinding",
                    input(
                            "assessmentId",
                            assessment,
                            "criterion",
                            "C4.2",
                            "title",
                            "Smuggled",
                            "description",
                            "",
                            "severity",
                            "LOW"));
            inputs.forEach((mutation, input) -> {
                String field = input.containsKey("assessmentId") ? "assessmentId" : "id";
                assertNotFoundLikeNothing(mutation, input, field, "Assessment");
            });
        }
        for (String company : b.companies()) {
            assertNotFoundLikeNothing(
                    "createAssessment",
                    input("companyId", company, "context", Map.of("euAiActTier", "MINIMAL")),
                    "companyId",
                    "Company");
            assertNotFoundLikeNothing("startAssessmentFromLatest", input("companyId", company), "companyId", "Company");
        }
    }

    @Test
    void everyFindingMutationWithAnotherFirmsIdAnswersNotFoundLikeAnIdOfNothing() {
        for (String finding : b.findings()) {
            long version = versionOf(b.admin(), finding);
            assertNotFoundLikeNothing(
                    "updateFinding",
                    input(
                            "id",
                            finding,
                            "expectedVersion",
                            version,
                            "owner",
                            "intruder",
                            "remediationPlan",
                            "Take over"),
                    "id",
                    "Finding");
            assertNotFoundLikeNothing(
                    "startFindingRemediation", input("id", finding, "expectedVersion", version), "id", "Finding");
            assertNotFoundLikeNothing(
                    "resolveFinding",
                    input("id", finding, "expectedVersion", version, "resolutionNote", "Done"),
                    "id",
                    "Finding");
            assertNotFoundLikeNothing(
                    "acceptFindingRisk",
                    input("id", finding, "expectedVersion", version, "justification", "Fine"),
                    "id",
                    "Finding");
            assertNotFoundLikeNothing(
                    "reopenFinding", input("id", finding, "expectedVersion", version), "id", "Finding");
        }
    }

    @Test
    void aFundManagerSeesTheAssessmentsAndFindingsOfCompaniesHeldByAGrantedFundOnly() {
        GraphQlTester manager = a.manager();
        for (String visible : List.of(a.publishedInF1(), a.draftInF1())) {
            manager.documentName("assessment")
                    .variable("id", visible)
                    .execute()
                    .path("assessment.id")
                    .entity(String.class)
                    .isEqualTo(visible);
            manager.documentName("assessmentNode")
                    .variable("id", visible)
                    .execute()
                    .path("node.id")
                    .entity(String.class)
                    .isEqualTo(visible);
        }
        for (String finding : a.findingsInF1()) {
            manager.documentName("assessmentNode")
                    .variable("id", finding)
                    .execute()
                    .path("node.id")
                    .entity(String.class)
                    .isEqualTo(finding);
        }
        for (String hidden : List.of(a.draftOnlyInF2(), a.draftInNoFund())) {
            for (String document : List.of("assessment", "assessmentScore", "assessmentNode")) {
                Map<String, Object> answer = answer(manager, document, Map.of("id", hidden));
                assertThat(answer)
                        .as("%s of %s", document, hidden)
                        .isEqualTo(answer(manager, document, Map.of("id", randomId("Assessment"))));
                assertThat(data(answer).values()).containsOnlyNulls();
            }
            a.admin()
                    .documentName("assessment")
                    .variable("id", hidden)
                    .execute()
                    .path("assessment.id")
                    .entity(String.class)
                    .isEqualTo(hidden);
        }
        for (String hidden :
                List.of(a.findingOnlyInF2(), a.ruleFindingOnlyInF2(), a.findingInNoFund(), a.ruleFindingInNoFund())) {
            Map<String, Object> answer = answer(manager, "assessmentNode", Map.of("id", hidden));
            assertThat(answer).isEqualTo(answer(manager, "assessmentNode", Map.of("id", randomId("Finding"))));
            assertThat(data(answer)).containsEntry("node", null);
        }
    }

    @Test
    @FundScopeProof({ApiOperation.FINDINGS})
    void aFundManagersFindingListAndCountsCoverOnlyTheGrantedFund() {
        GraphQlTester manager = a.manager();
        Page all = findings(manager, null);
        assertThat(all.ids()).containsExactlyInAnyOrderElementsOf(a.findingsInF1());
        assertThat(all.totalCount()).isEqualTo(a.findingsInF1().size());
        assertThat(all.countsBySeverity())
                .isEqualTo(countsOf(all.severities()))
                .isNotEqualTo(findings(a.admin(), null).countsBySeverity());
        assertThat(findings(manager, Map.of("fundId", a.f1())).ids())
                .containsExactlyInAnyOrderElementsOf(a.findingsInF1());
        assertThat(findings(manager, Map.of("companyId", a.inF1())).ids())
                .containsExactlyInAnyOrderElementsOf(a.findingsInF1());
        assertThat(findings(manager, Map.of("assessmentId", a.draftInF1())).ids())
                .containsExactlyInAnyOrder(a.findingInF1(), a.ruleFindingInF1());

        for (Map<String, Object> filter : List.<Map<String, Object>>of(
                Map.of("fundId", a.f2()),
                Map.of("companyId", a.onlyInF2()),
                Map.of("companyId", a.inNoFund()),
                Map.of("assessmentId", a.draftOnlyInF2()),
                Map.of("assessmentId", a.draftInNoFund()))) {
            Map<String, Object> answer = answer(manager, "findings", Map.of("filter", filter, "first", PAGE));
            assertThat(answer)
                    .as("findings matching %s", filter)
                    .isEqualTo(answer(manager, "findings", Map.of("filter", withRandomIds(filter), "first", PAGE)));
            assertThat(Page.of(answer).totalCount()).isZero();
            assertThat(findings(a.admin(), filter).ids())
                    .as("the admin's findings matching %s", filter)
                    .isNotEmpty();
        }
    }

    @Test
    void aFundManagerReadsCompanyAssessmentsOnlyOfCompaniesHeldByAGrantedFund() {
        GraphQlTester.Response visible = a.manager()
                .documentName("companyAssessments")
                .variable("id", a.inF1())
                .execute();
        assertThat(visible.path("company.assessments[*].id")
                        .entityList(String.class)
                        .get())
                .containsExactlyInAnyOrder(a.draftInF1(), a.publishedInF1());
        assertThat(visible.path("company.assessmentHistory.nodes[*].id")
                        .entityList(String.class)
                        .get())
                .containsExactlyInAnyOrder(a.draftInF1(), a.publishedInF1());
        visible.path("company.assessmentHistory.totalCount").entity(Long.class).isEqualTo(2L);
        // through the list of companies, the fund manager reaches the history of the granted fund's company only
        a.manager()
                .document(
                        "{ companies(first: 10) { nodes { id assessmentHistory(first: 10) { totalCount nodes { id } } } } }")
                .execute()
                .path("companies.nodes[*].id")
                .entityList(String.class)
                .containsExactly(a.inF1())
                .path("companies.nodes[0].assessmentHistory.totalCount")
                .entity(Long.class)
                .isEqualTo(2L)
                .path("companies.nodes[0].assessmentHistory.nodes[*].id")
                .entityList(String.class)
                .contains(a.draftInF1(), a.publishedInF1());
        visible.path("company.latestAssessment.id").entity(String.class).isEqualTo(a.publishedInF1());
        for (String hidden : List.of(a.onlyInF2(), a.inNoFund())) {
            Map<String, Object> answer = answer(a.manager(), "companyAssessments", Map.of("id", hidden));
            assertThat(answer).isEqualTo(answer(a.manager(), "companyAssessments", Map.of("id", randomId("Company"))));
            assertThat(data(answer)).containsEntry("company", null);
            a.admin()
                    .documentName("companyAssessments")
                    .variable("id", hidden)
                    .execute()
                    .path("company.assessments")
                    .entityList(Object.class)
                    .hasSize(1)
                    .path("company.assessmentHistory.totalCount")
                    .entity(Long.class)
                    .isEqualTo(1L);
        }
    }

    /**
     * Runs {@code mutation} with firm B's ID (input as given) and with a random ID of {@code type}
     * in {@code field}, as firm A's admin and assessor: the answers are equal, and are the NOT_FOUND
     * user error on {@code field} (or FORBIDDEN, for the assessor, where the role may not run it).
     */
    @SuppressWarnings("unchecked")
    private void assertNotFoundLikeNothing(String mutation, Map<String, Object> input, String field, String type) {
        Map<String, Object> nothing = new HashMap<>(input);
        nothing.put(field, randomId(type));
        for (GraphQlTester caller : List.of(a.admin(), a.assessor())) {
            Map<String, Object> answer = answer(caller, mutation, Map.of("input", input));
            assertThat(answer)
                    .as("%s with firm B's %s", mutation, input.get(field))
                    .isEqualTo(answer(caller, mutation, Map.of("input", nothing)));
            boolean assessorRefused = caller == a.assessor()
                    && Set.of("requestAssessmentChanges", "publishAssessment", "retractAssessment", "acceptFindingRisk")
                            .contains(mutation);
            if (assessorRefused) {
                assertThat(answer.get("errors"))
                        .as("%s by the assessor", mutation)
                        .asString()
                        .contains("FORBIDDEN");
            } else {
                assertThat(answer)
                        .as("%s with firm B's %s", mutation, input.get(field))
                        .doesNotContainKey("errors");
                Map<String, Object> payload = (Map<String, Object>) data(answer).get(mutation);
                assertThat((List<Map<String, Object>>) payload.get("userErrors"))
                        .as("%s with firm B's %s", mutation, input.get(field))
                        .singleElement()
                        .satisfies(error -> {
                            assertThat(error)
                                    .containsEntry("field", List.of(field))
                                    .containsEntry("code", "NOT_FOUND");
                        });
                payload.entrySet().stream()
                        .filter(entry -> !entry.getKey().equals("userErrors"))
                        .forEach(entry -> assertThat(entry.getValue())
                                .as("%s.%s", mutation, entry.getKey())
                                .isNull());
            }
        }
    }

    /** What one firm's admin reads of its assessments, findings and companies, and its audit trail's length. */
    private Map<String, Object> snapshotOf(Firm firm) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        for (String id : firm.assessments()) {
            snapshot.put(id, answer(firm.admin(), "assessment", Map.of("id", id)));
            snapshot.put(id + " version", versionOf(firm.admin(), id));
        }
        for (String id : firm.findings()) {
            snapshot.put(
                    id,
                    CallerBudget.withoutCurrentBudget(firm.admin()
                            .document("""
                    query($id: ID!) { node(id: $id) { ... on Finding { id title description severity status owner dueDate remediationPlan
                      references { standard clause } closedAt closingNote version } } }""")
                            .variable("id", id)
                            .execute()
                            .returnResponse()
                            .toMap()));
        }
        for (String id : firm.companies()) {
            snapshot.put(id, answer(firm.admin(), "companyAssessments", Map.of("id", id)));
        }
        snapshot.put("findings", answer(firm.admin(), "findings", Map.of("first", PAGE)));
        snapshot.put(
                "audit trail",
                firm.admin()
                        .document("{ auditEvents(first: 0) { totalCount } }")
                        .execute()
                        .path("auditEvents.totalCount")
                        .entity(Long.class)
                        .get());
        return snapshot;
    }

    private Firm firm(String tenant) {
        TenantUsers users = usersOf(tenant);
        GraphQlTester admin = graphQl(users.tenantAdmin());
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        String f1 = CompanyFixtures.createFund(admin, "F1 of " + tenant);
        String f2 = CompanyFixtures.createFund(admin, "F2 of " + tenant);
        String inF1 = CompanyFixtures.createCompany(admin, "In F1 of " + tenant);
        String onlyInF2 = CompanyFixtures.createCompany(admin, "Only in F2 of " + tenant);
        String inNoFund = CompanyFixtures.createCompany(admin, "In no fund of " + tenant);
        CompanyFixtures.addHolding(admin, f1, inF1, "INVESTED");
        CompanyFixtures.addHolding(admin, f2, onlyInF2, "DILIGENCE");
        admin.document(
                        "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { userErrors { code } } }")
                .variable("f", f1)
                .variable("s", "fund-manager@" + tenant)
                .execute()
                .path("grantFundAccess.userErrors")
                .entityList(Object.class)
                .hasSize(0);

        String published = createAssessment(assessor, inF1, null);
        score(assessor, published, "C1.1", 3, "HIGH");
        addEvidence(assessor, published, "C1.1");
        String findingOnPublished = raise(assessor, published, "Registry kept by hand", "MEDIUM");
        move(assessor, assessor, "submitAssessment", published);
        move(reviewer, reviewer, "publishAssessment", published);

        String draftInF1 = highRiskDraft(assessor, inF1);
        String draftOnlyInF2 = highRiskDraft(assessor, onlyInF2);
        String draftInNoFund = highRiskDraft(assessor, inNoFund);
        return new Firm(
                tenant,
                admin,
                assessor,
                reviewer,
                graphQl(users.fundManager()),
                f1,
                f2,
                inF1,
                onlyInF2,
                inNoFund,
                published,
                draftInF1,
                draftOnlyInF2,
                draftInNoFund,
                findingOnPublished,
                raise(assessor, draftInF1, "Bias untested", "HIGH"),
                ruleFinding(admin, draftInF1),
                raise(assessor, draftOnlyInF2, "Bias untested", "LOW"),
                ruleFinding(admin, draftOnlyInF2),
                raise(assessor, draftInNoFund, "Bias untested", "INFO"),
                ruleFinding(admin, draftInNoFund));
    }

    /** A draft whose context (EU AI Act tier HIGH) and C4.2 score of 1 fire red flag RF3; with evidence on C1.1. */
    private static String highRiskDraft(GraphQlTester assessor, String company) {
        String id = createAssessment(assessor, company, Map.of("modelsInProduction", true, "euAiActTier", "HIGH"));
        score(assessor, id, "C4.2", 1, "HIGH");
        addEvidence(assessor, id, "C1.1");
        return id;
    }

    /** The ID of the assessment's RF3 rule finding. */
    private static String ruleFinding(GraphQlTester reader, String assessment) {
        GraphQlTester.Response response =
                reader.documentName("assessment").variable("id", assessment).execute();
        List<String> ids = response.path("assessment.findings[*].id")
                .entityList(String.class)
                .get();
        List<String> rules = response.path("assessment.findings[*].source")
                .entityList(String.class)
                .get();
        List<String> ruleFindings = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (rules.get(i).equals("RULE")) {
                ruleFindings.add(ids.get(i));
            }
        }
        response.path("assessment.findings[?(@.source == 'RULE')].ruleId")
                .entityList(String.class)
                .containsExactly("RF3");
        assertThat(ruleFindings).as("rule findings of %s", assessment).hasSize(1);
        return ruleFindings.get(0);
    }

    private static String raise(GraphQlTester assessor, String assessment, String title, String severity) {
        GraphQlTester.Response response = assessor.documentName("raiseFinding")
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
                                "Found during diligence",
                                "severity",
                                severity))
                .execute();
        response.path("raiseFinding.userErrors").entityList(Object.class).hasSize(0);
        return response.path("raiseFinding.finding.id").entity(String.class).get();
    }

    private static long versionOf(GraphQlTester admin, String id) {
        return admin.document(
                        "query($id: ID!) { node(id: $id) { ... on Assessment { version } ... on Finding { version } } }")
                .variable("id", id)
                .execute()
                .path("node.version")
                .entity(Long.class)
                .get();
    }

    private static String firstEvidenceOf(GraphQlTester admin, String assessment) {
        return admin.documentName("assessment")
                .variable("id", assessment)
                .execute()
                .path("assessment.criteria[0].evidence[0].id")
                .entity(String.class)
                .get();
    }

    /** A findings page: its IDs and severities, total and counts by severity. */
    private record Page(
            List<String> ids, List<String> severities, long totalCount, Map<String, Long> countsBySeverity) {

        @SuppressWarnings("unchecked")
        static Page of(Map<String, Object> answer) {
            assertThat(answer).doesNotContainKey("errors");
            Map<String, Object> findings = (Map<String, Object>) data(answer).get("findings");
            List<Map<String, Object>> nodes = (List<Map<String, Object>>) findings.get("nodes");
            assertThat((Map<String, Object>) findings.get("pageInfo")).containsEntry("hasNextPage", false);
            Map<String, Long> counts = new TreeMap<>();
            ((Map<String, Object>) findings.get("countsBySeverity"))
                    .forEach((severity, count) -> counts.put(severity, ((Number) count).longValue()));
            return new Page(
                    nodes.stream().map(node -> (String) node.get("id")).toList(),
                    nodes.stream().map(node -> (String) node.get("severity")).toList(),
                    ((Number) findings.get("totalCount")).longValue(),
                    counts);
        }
    }

    private Page findings(GraphQlTester reader, Map<String, Object> filter) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", PAGE);
        if (filter != null) {
            variables.put("filter", filter);
        }
        return Page.of(answer(reader, "findings", variables));
    }

    /** The counts by severity that the given severities make, as {@code countsBySeverity} reports them. */
    private static Map<String, Long> countsOf(List<String> severities) {
        Map<String, Long> counts = new TreeMap<>();
        for (String severity : List.of("critical", "high", "medium", "low", "info")) {
            counts.put(
                    severity,
                    severities.stream()
                            .filter(s -> s.equalsIgnoreCase(severity))
                            .count());
        }
        return counts;
    }

    /** The filter with every ID replaced by a random ID of the same type. */
    private static Map<String, Object> withRandomIds(Map<String, Object> filter) {
        Map<String, Function<Object, Object>> random = Map.of(
                "fundId",
                id -> randomId("Fund"),
                "companyId",
                id -> randomId("Company"),
                "assessmentId",
                id -> randomId("Assessment"));
        return filter.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        entry -> random.getOrDefault(entry.getKey(), Function.identity())
                                .apply(entry.getValue())));
    }

    /** The whole response map (data, errors, extensions) without the caller's current rate-limit budget. */
    private static Map<String, Object> answer(GraphQlTester caller, String document, Map<String, Object> variables) {
        GraphQlTester.Request<?> request = caller.documentName(document);
        variables.forEach(request::variable);
        return CallerBudget.withoutCurrentBudget(
                request.execute().returnResponse().toMap());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> answer) {
        return (Map<String, Object>) answer.get("data");
    }

    private static Map<String, Object> input(Object... keysAndValues) {
        return CompanyFixtures.input(keysAndValues);
    }

    private static String randomId(String type) {
        return GlobalId.encode(type, UUID.randomUUID());
    }
}
