package dev.diligence.api.security;

import static dev.diligence.api.security.MatrixAssertions.assertForbidden;
import static dev.diligence.api.security.MatrixAssertions.assertNoData;
import static dev.diligence.api.security.MatrixAssertions.naming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.operation.ApiOperation;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import dev.diligence.persistence.testing.TenantRows;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The role matrix of assessments and findings, proven both ways: every operation answers FORBIDDEN
 * (and writes nothing) to each role that must not call it, and works for each role that may.
 * Every business role reads; tenant admins and assessors write drafts and findings; tenant admins
 * and reviewers publish or send back; only tenant admins retract assessments and accept risks;
 * platform administrators do nothing inside a firm. Every case runs in a firm of its own with one
 * company, and only the state its operation needs (a draft, a submitted or published assessment, a
 * finding), built by the firm's assessor and published by its reviewer, so that neither a tenant
 * admin nor a reviewer calling is stopped by four eyes. In the cases of the fund manager, the
 * company is held by a fund granted to them, so that an allowed read returns data.
 */
class AssessmentRoleMatrixIT extends ApiIntegrationTest {

    /** What a case's firm holds besides its company. */
    enum Setup {
        /** Nothing more. */
        NONE,
        /** A draft, nothing recorded. */
        DRAFT,
        /** Two drafts of the company. */
        TWO_DRAFTS,
        /** A draft with one evidence item on C1.1. */
        DRAFT_WITH_EVIDENCE,
        /** A draft scored on C1.1. */
        SCORED_DRAFT,
        /** An assessment scored on C1.1 and submitted by the assessor. */
        IN_REVIEW,
        /** An assessment scored and submitted by the assessor and published by the reviewer. */
        PUBLISHED,
        /** A draft with an OPEN finding raised by the assessor. */
        FINDING,
        /** A draft with a finding raised and resolved by the assessor. */
        RESOLVED_FINDING
    }

    /** The cases: the registered operation each calls (who may call it is the registry's) and what it needs. */
    enum Operation implements MatrixOperation {
        ASSESSMENT("assessment(id)", ApiOperation.ASSESSMENT, Setup.DRAFT),
        ASSESSMENT_NODE("node(id) of an assessment", ApiOperation.NODE, Setup.DRAFT),
        FINDING_NODE("node(id) of a finding", ApiOperation.NODE, Setup.FINDING),
        ASSESSMENT_DIFF("assessmentDiff", ApiOperation.ASSESSMENT_DIFF, Setup.TWO_DRAFTS),
        FINDINGS("findings", ApiOperation.FINDINGS, Setup.FINDING),
        COMPANY_ASSESSMENTS(
                "company(id).assessments, assessmentHistory and latestAssessment",
                ApiOperation.COMPANY,
                Setup.PUBLISHED),
        CREATE_ASSESSMENT("createAssessment", ApiOperation.CREATE_ASSESSMENT, Setup.NONE),
        START_ASSESSMENT_FROM_LATEST(
                "startAssessmentFromLatest", ApiOperation.START_ASSESSMENT_FROM_LATEST, Setup.PUBLISHED),
        UPDATE_ASSESSMENT_CONTEXT("updateAssessmentContext", ApiOperation.UPDATE_ASSESSMENT_CONTEXT, Setup.DRAFT),
        SCORE_CRITERION("scoreCriterion", ApiOperation.SCORE_CRITERION, Setup.DRAFT),
        ADD_EVIDENCE("addEvidence", ApiOperation.ADD_EVIDENCE, Setup.DRAFT),
        REMOVE_EVIDENCE("removeEvidence", ApiOperation.REMOVE_EVIDENCE, Setup.DRAFT_WITH_EVIDENCE),
        SUBMIT_ASSESSMENT("submitAssessment", ApiOperation.SUBMIT_ASSESSMENT, Setup.SCORED_DRAFT),
        REQUEST_ASSESSMENT_CHANGES(
                "requestAssessmentChanges", ApiOperation.REQUEST_ASSESSMENT_CHANGES, Setup.IN_REVIEW),
        PUBLISH_ASSESSMENT("publishAssessment", ApiOperation.PUBLISH_ASSESSMENT, Setup.IN_REVIEW),
        RETRACT_ASSESSMENT("retractAssessment", ApiOperation.RETRACT_ASSESSMENT, Setup.PUBLISHED),
        RAISE_FINDING("raiseFinding", ApiOperation.RAISE_FINDING, Setup.DRAFT),
        UPDATE_FINDING("updateFinding", ApiOperation.UPDATE_FINDING, Setup.FINDING),
        START_FINDING_REMEDIATION("startFindingRemediation", ApiOperation.START_FINDING_REMEDIATION, Setup.FINDING),
        RESOLVE_FINDING("resolveFinding", ApiOperation.RESOLVE_FINDING, Setup.FINDING),
        REOPEN_FINDING("reopenFinding", ApiOperation.REOPEN_FINDING, Setup.RESOLVED_FINDING),
        ACCEPT_FINDING_RISK("acceptFindingRisk", ApiOperation.ACCEPT_FINDING_RISK, Setup.FINDING);

        private final String label;
        private final ApiOperation operation;
        private final Setup setup;

        Operation(String label, ApiOperation operation, Setup setup) {
            this.label = label;
            this.operation = operation;
            this.setup = setup;
        }

        /** Whether the top-level field is nullable, so that a refusal leaves {@code data.<field>: null}. */
        boolean nullableField() {
            return this == ASSESSMENT
                    || this == ASSESSMENT_NODE
                    || this == FINDING_NODE
                    || this == ASSESSMENT_DIFF
                    || this == COMPANY_ASSESSMENTS;
        }

        /** Whether the operation changes a finding (as opposed to an assessment, or nothing). */
        boolean changesFinding() {
            return this == UPDATE_FINDING
                    || this == START_FINDING_REMEDIATION
                    || this == RESOLVE_FINDING
                    || this == REOPEN_FINDING
                    || this == ACCEPT_FINDING_RISK;
        }

        @Override
        public String toString() {
            return label;
        }

        @Override
        public ApiOperation operation() {
            return operation;
        }
    }

    /**
     * A fresh firm with one company and what the operation needs: an assessment at a version and in a
     * status, a second assessment, an evidence item, a finding at a version and in a status.
     */
    private record Fixture(
            String tenantKey,
            String companyId,
            String companyName,
            @Nullable String assessmentId,
            long assessmentVersion,
            @Nullable String assessmentStatus,
            @Nullable String otherAssessmentId,
            @Nullable String evidenceId,
            @Nullable String findingId,
            long findingVersion,
            @Nullable String findingStatus) {

        /** The token subject of {@code caller} in this firm. */
        String subjectOf(MatrixCaller caller) {
            return caller + "@" + tenantKey;
        }
    }

    static Stream<Arguments> forbiddenCalls() {
        return MatrixOperation.forbiddenCalls(Operation.values());
    }

    static Stream<Arguments> allowedCalls() {
        return MatrixOperation.allowedCalls(Operation.values());
    }

    @ParameterizedTest(name = "{1} may not call {0}")
    @MethodSource("forbiddenCalls")
    void callerWithoutTheRoleIsForbiddenAndChangesNothing(Operation operation, MatrixCaller caller) {
        Fixture fixture = newFixture(operation, caller);

        GraphQlTester.Response response = call(operation, caller.token(fixture.tenantKey()), fixture);

        naming(caller + " calling " + operation, () -> {
            assertForbidden(response, operation.field());
            assertNoData(response, operation.field(), operation.nullableField());
            assertNothingChanged(operation, fixture);
        });
    }

    @ParameterizedTest(name = "{1} may call {0}")
    @MethodSource("allowedCalls")
    void callerWithTheRoleGetsData(Operation operation, MatrixCaller caller) {
        Fixture fixture = newFixture(operation, caller);

        GraphQlTester.Response response = call(operation, caller.token(fixture.tenantKey()), fixture);

        naming(caller + " calling " + operation, () -> {
            response.errors().verify();
            assertSucceeded(operation, caller, response, fixture);
        });
    }

    private GraphQlTester.Response call(Operation operation, String token, Fixture fixture) {
        GraphQlTester tester = graphQl(token);
        return switch (operation) {
            case ASSESSMENT ->
                tester.documentName("assessment")
                        .variable("id", fixture.assessmentId())
                        .execute();
            case ASSESSMENT_NODE ->
                tester.documentName("assessmentNode")
                        .variable("id", fixture.assessmentId())
                        .execute();
            case FINDING_NODE ->
                tester.documentName("assessmentNode")
                        .variable("id", fixture.findingId())
                        .execute();
            case ASSESSMENT_DIFF ->
                tester.documentName("assessmentDiff")
                        .variable("beforeId", fixture.assessmentId())
                        .variable("afterId", fixture.otherAssessmentId())
                        .execute();
            case FINDINGS -> tester.documentName("findings").execute();
            case COMPANY_ASSESSMENTS ->
                tester.documentName("companyAssessments")
                        .variable("id", fixture.companyId())
                        .execute();
            case CREATE_ASSESSMENT ->
                tester.documentName("createAssessment")
                        .variable("input", Map.of("companyId", fixture.companyId()))
                        .execute();
            case START_ASSESSMENT_FROM_LATEST ->
                tester.documentName("startAssessmentFromLatest")
                        .variable("input", Map.of("companyId", fixture.companyId()))
                        .execute();
            case UPDATE_ASSESSMENT_CONTEXT ->
                tester.documentName("updateAssessmentContext")
                        .variable(
                                "input",
                                Map.of(
                                        "id",
                                        fixture.assessmentId(),
                                        "expectedVersion",
                                        fixture.assessmentVersion(),
                                        "context",
                                        Map.of("modelsInProduction", true, "euAiActTier", "LIMITED")))
                        .execute();
            case SCORE_CRITERION ->
                tester.documentName("scoreCriterion")
                        .variable(
                                "input",
                                Map.of(
                                        "assessmentId",
                                        fixture.assessmentId(),
                                        "expectedVersion",
                                        fixture.assessmentVersion(),
                                        "criterion",
                                        "C2.1",
                                        "state",
                                        "SCORED",
                                        "level",
                                        2,
                                        "confidence",
                                        "MEDIUM"))
                        .execute();
            case ADD_EVIDENCE ->
                tester.documentName("addEvidence")
                        .variable(
                                "input",
                                Map.of(
                                        "assessmentId",
                                        fixture.assessmentId(),
                                        "expectedVersion",
                                        fixture.assessmentVersion(),
                                        "criterion",
                                        "C2.1",
                                        "kind",
                                        "NOTE",
                                        "value",
                                        "Matrix interview note"))
                        .execute();
            case REMOVE_EVIDENCE ->
                tester.documentName("removeEvidence")
                        .variable(
                                "input",
                                Map.of(
                                        "assessmentId",
                                        fixture.assessmentId(),
                                        "expectedVersion",
                                        fixture.assessmentVersion(),
                                        "evidenceId",
                                        fixture.evidenceId()))
                        .execute();
            case SUBMIT_ASSESSMENT ->
                tester.documentName("submitAssessment")
                        .variable(
                                "input",
                                Map.of("id", fixture.assessmentId(), "expectedVersion", fixture.assessmentVersion()))
                        .execute();
            case REQUEST_ASSESSMENT_CHANGES ->
                tester.documentName("requestAssessmentChanges")
                        .variable(
                                "input",
                                Map.of(
                                        "id",
                                        fixture.assessmentId(),
                                        "expectedVersion",
                                        fixture.assessmentVersion(),
                                        "comment",
                                        "Matrix: please score more criteria."))
                        .execute();
            case PUBLISH_ASSESSMENT ->
                tester.documentName("publishAssessment")
                        .variable(
                                "input",
                                Map.of("id", fixture.assessmentId(), "expectedVersion", fixture.assessmentVersion()))
                        .execute();
            case RETRACT_ASSESSMENT ->
                tester.documentName("retractAssessment")
                        .variable(
                                "input",
                                Map.of(
                                        "id",
                                        fixture.assessmentId(),
                                        "expectedVersion",
                                        fixture.assessmentVersion(),
                                        "reason",
                                        "Matrix: scored the wrong entity."))
                        .execute();
            case RAISE_FINDING ->
                tester.documentName("raiseFinding")
                        .variable(
                                "input",
                                Map.of(
                                        "assessmentId",
                                        fixture.assessmentId(),
                                        "criterion",
                                        "C1.1",
                                        "title",
                                        "Matrix raised finding",
                                        "description",
                                        "No model registry.",
                                        "severity",
                                        "HIGH"))
                        .execute();
            case UPDATE_FINDING ->
                tester.documentName("updateFinding")
                        .variable(
                                "input",
                                Map.of(
                                        "id",
                                        fixture.findingId(),
                                        "expectedVersion",
                                        fixture.findingVersion(),
                                        "title",
                                        "Matrix renamed finding"))
                        .execute();
            case START_FINDING_REMEDIATION ->
                tester.documentName("startFindingRemediation")
                        .variable(
                                "input", Map.of("id", fixture.findingId(), "expectedVersion", fixture.findingVersion()))
                        .execute();
            case RESOLVE_FINDING ->
                tester.documentName("resolveFinding")
                        .variable(
                                "input",
                                Map.of(
                                        "id",
                                        fixture.findingId(),
                                        "expectedVersion",
                                        fixture.findingVersion(),
                                        "resolutionNote",
                                        "Matrix: registry in place."))
                        .execute();
            case REOPEN_FINDING ->
                tester.documentName("reopenFinding")
                        .variable(
                                "input", Map.of("id", fixture.findingId(), "expectedVersion", fixture.findingVersion()))
                        .execute();
            case ACCEPT_FINDING_RISK ->
                tester.documentName("acceptFindingRisk")
                        .variable(
                                "input",
                                Map.of(
                                        "id",
                                        fixture.findingId(),
                                        "expectedVersion",
                                        fixture.findingVersion(),
                                        "justification",
                                        "Matrix: exit within the year."))
                        .execute();
        };
    }

    private void assertNothingChanged(Operation operation, Fixture fixture) {
        GraphQlTester admin = graphQl(usersOf(fixture.tenantKey()).tenantAdmin());
        switch (operation) {
            case CREATE_ASSESSMENT ->
                admin.documentName("companyAssessments")
                        .variable("id", fixture.companyId())
                        .execute()
                        .path("company.assessments")
                        .entityList(Object.class)
                        .hasSize(0);
            case START_ASSESSMENT_FROM_LATEST ->
                assertAssessmentUnchanged(admin, fixture)
                        .path("assessment.company.assessments[*].id")
                        .entityList(String.class)
                        .containsExactly(fixture.assessmentId());
            case UPDATE_ASSESSMENT_CONTEXT,
                    SCORE_CRITERION,
                    ADD_EVIDENCE,
                    REMOVE_EVIDENCE,
                    SUBMIT_ASSESSMENT,
                    REQUEST_ASSESSMENT_CHANGES,
                    PUBLISH_ASSESSMENT,
                    RETRACT_ASSESSMENT ->
                assertAssessmentUnchanged(admin, fixture)
                        .path("assessment.company.assessments")
                        .entityList(Object.class)
                        .hasSize(1);
            case RAISE_FINDING -> {
                assertAssessmentUnchanged(admin, fixture);
                assertThat(assessorFindingCount(admin, fixture)).isZero();
            }
            case UPDATE_FINDING, START_FINDING_REMEDIATION, RESOLVE_FINDING, REOPEN_FINDING, ACCEPT_FINDING_RISK -> {
                admin.documentName("matrixFindingNode")
                        .variable("id", fixture.findingId())
                        .execute()
                        .path("node.id")
                        .entity(String.class)
                        .isEqualTo(fixture.findingId())
                        .path("node.title")
                        .entity(String.class)
                        .isEqualTo("Matrix finding")
                        .path("node.status")
                        .entity(String.class)
                        .isEqualTo(fixture.findingStatus())
                        .path("node.version")
                        .entity(Long.class)
                        .isEqualTo(fixture.findingVersion());
                assertThat(assessorFindingCount(admin, fixture)).isEqualTo(1);
            }
            case ASSESSMENT, ASSESSMENT_NODE, FINDING_NODE, ASSESSMENT_DIFF, FINDINGS, COMPANY_ASSESSMENTS -> {
                // reads change nothing; the caller was shown that nothing was returned
            }
        }
    }

    private void assertSucceeded(
            Operation operation, MatrixCaller caller, GraphQlTester.Response response, Fixture fixture) {
        GraphQlTester admin = graphQl(usersOf(fixture.tenantKey()).tenantAdmin());
        String subject = fixture.subjectOf(caller);
        long next = fixture.assessmentVersion() + 1;
        switch (operation) {
            case ASSESSMENT ->
                response.path("assessment.id")
                        .entity(String.class)
                        .isEqualTo(fixture.assessmentId())
                        .path("assessment.status")
                        .entity(String.class)
                        .isEqualTo("DRAFT")
                        .path("assessment.company.name")
                        .entity(String.class)
                        .isEqualTo(fixture.companyName());
            case ASSESSMENT_NODE ->
                response.path("node.id")
                        .entity(String.class)
                        .isEqualTo(fixture.assessmentId())
                        .path("node.status")
                        .entity(String.class)
                        .isEqualTo("DRAFT")
                        .path("node.company.name")
                        .entity(String.class)
                        .isEqualTo(fixture.companyName());
            case FINDING_NODE ->
                response.path("node.id")
                        .entity(String.class)
                        .isEqualTo(fixture.findingId())
                        .path("node.title")
                        .entity(String.class)
                        .isEqualTo("Matrix finding")
                        .path("node.assessment.id")
                        .entity(String.class)
                        .isEqualTo(fixture.assessmentId());
            case ASSESSMENT_DIFF ->
                response.path("assessmentDiff.before.id")
                        .entity(String.class)
                        .isEqualTo(fixture.assessmentId())
                        .path("assessmentDiff.after.id")
                        .entity(String.class)
                        .isEqualTo(fixture.otherAssessmentId())
                        .path("assessmentDiff.changedCount")
                        .entity(Integer.class)
                        .isEqualTo(0)
                        .path("assessmentDiff.criteria[*].code")
                        .entityList(String.class)
                        .contains("C1.1", "C4.4");
            case FINDINGS ->
                response.path("findings.totalCount")
                        .entity(Integer.class)
                        .isEqualTo(1)
                        .path("findings.nodes[*].id")
                        .entityList(String.class)
                        .containsExactly(fixture.findingId())
                        .path("findings.nodes[0].assessment.id")
                        .entity(String.class)
                        .isEqualTo(fixture.assessmentId())
                        .path("findings.countsBySeverity.medium")
                        .entity(Integer.class)
                        .isEqualTo(1);
            case COMPANY_ASSESSMENTS ->
                response.path("company.id")
                        .entity(String.class)
                        .isEqualTo(fixture.companyId())
                        .path("company.assessments[*].id")
                        .entityList(String.class)
                        .containsExactly(fixture.assessmentId())
                        .path("company.assessmentHistory.totalCount")
                        .entity(Integer.class)
                        .isEqualTo(1)
                        .path("company.assessmentHistory.nodes[*].id")
                        .entityList(String.class)
                        .containsExactly(fixture.assessmentId())
                        .path("company.latestAssessment.id")
                        .entity(String.class)
                        .isEqualTo(fixture.assessmentId())
                        .path("company.latestAssessment.status")
                        .entity(String.class)
                        .isEqualTo("PUBLISHED")
                        .path("company.latestAssessment.score.stored")
                        .entity(Boolean.class)
                        .isEqualTo(true);
            case CREATE_ASSESSMENT -> {
                noUserErrors(response, operation);
                String created = response.path("createAssessment.assessment.id")
                        .entity(String.class)
                        .get();
                response.path("createAssessment.assessment.status")
                        .entity(String.class)
                        .isEqualTo("DRAFT")
                        .path("createAssessment.assessment.leadAssessor")
                        .entity(String.class)
                        .isEqualTo(subject)
                        .path("createAssessment.assessment.company.id")
                        .entity(String.class)
                        .isEqualTo(fixture.companyId());
                admin.documentName("companyAssessments")
                        .variable("id", fixture.companyId())
                        .execute()
                        .path("company.assessments[*].id")
                        .entityList(String.class)
                        .containsExactly(created);
            }
            case START_ASSESSMENT_FROM_LATEST -> {
                noUserErrors(response, operation);
                String started = response.path("startAssessmentFromLatest.assessment.id")
                        .entity(String.class)
                        .get();
                response.path("startAssessmentFromLatest.assessment.status")
                        .entity(String.class)
                        .isEqualTo("DRAFT")
                        .path("startAssessmentFromLatest.assessment.criteria[0].level")
                        .entity(Integer.class)
                        .isEqualTo(3);
                admin.documentName("companyAssessments")
                        .variable("id", fixture.companyId())
                        .execute()
                        .path("company.assessments[*].id")
                        .entityList(String.class)
                        .containsExactly(started, fixture.assessmentId())
                        .path("company.latestAssessment.id")
                        .entity(String.class)
                        .isEqualTo(fixture.assessmentId());
            }
            case UPDATE_ASSESSMENT_CONTEXT -> {
                noUserErrors(response, operation);
                response.path("updateAssessmentContext.assessment.version")
                        .entity(Long.class)
                        .isEqualTo(next)
                        .path("updateAssessmentContext.assessment.context.modelsInProduction")
                        .entity(Boolean.class)
                        .isEqualTo(true)
                        .path("updateAssessmentContext.assessment.context.euAiActTier")
                        .entity(String.class)
                        .isEqualTo("LIMITED");
                assertStoredAssessment(admin, fixture, "DRAFT", next)
                        .path("assessment.editors")
                        .entityList(String.class)
                        .contains(subject);
            }
            case SCORE_CRITERION -> {
                noUserErrors(response, operation);
                response.path("scoreCriterion.assessment.version")
                        .entity(Long.class)
                        .isEqualTo(next)
                        .path("scoreCriterion.assessment.criteria[3].code")
                        .entity(String.class)
                        .isEqualTo("C2.1")
                        .path("scoreCriterion.assessment.criteria[3].state")
                        .entity(String.class)
                        .isEqualTo("SCORED")
                        .path("scoreCriterion.assessment.criteria[3].level")
                        .entity(Integer.class)
                        .isEqualTo(2);
                assertStoredAssessment(admin, fixture, "DRAFT", next)
                        .path("assessment.criteria[3].level")
                        .entity(Integer.class)
                        .isEqualTo(2);
            }
            case ADD_EVIDENCE -> {
                noUserErrors(response, operation);
                String evidenceId = response.path("addEvidence.evidence.id")
                        .entity(String.class)
                        .get();
                response.path("addEvidence.assessment.version")
                        .entity(Long.class)
                        .isEqualTo(next)
                        .path("addEvidence.evidence.value")
                        .entity(String.class)
                        .isEqualTo("Matrix interview note")
                        .path("addEvidence.evidence.addedBy")
                        .entity(String.class)
                        .isEqualTo(subject);
                assertStoredAssessment(admin, fixture, "DRAFT", next)
                        .path("assessment.criteria[3].evidence[*].id")
                        .entityList(String.class)
                        .containsExactly(evidenceId);
            }
            case REMOVE_EVIDENCE -> {
                noUserErrors(response, operation);
                response.path("removeEvidence.assessment.version")
                        .entity(Long.class)
                        .isEqualTo(next)
                        .path("removeEvidence.assessment.criteria[0].evidence")
                        .entityList(Object.class)
                        .hasSize(0);
                assertStoredAssessment(admin, fixture, "DRAFT", next)
                        .path("assessment.criteria[0].evidence")
                        .entityList(Object.class)
                        .hasSize(0);
            }
            case SUBMIT_ASSESSMENT -> {
                noUserErrors(response, operation);
                response.path("submitAssessment.assessment.status")
                        .entity(String.class)
                        .isEqualTo("IN_REVIEW")
                        .path("submitAssessment.assessment.submitters")
                        .entityList(String.class)
                        .containsExactly(subject);
                assertStoredAssessment(admin, fixture, "IN_REVIEW", next);
            }
            case REQUEST_ASSESSMENT_CHANGES -> {
                noUserErrors(response, operation);
                response.path("requestAssessmentChanges.assessment.status")
                        .entity(String.class)
                        .isEqualTo("DRAFT")
                        .path("requestAssessmentChanges.assessment.reviewComments[0].reviewer")
                        .entity(String.class)
                        .isEqualTo(subject);
                assertStoredAssessment(admin, fixture, "DRAFT", next);
            }
            case PUBLISH_ASSESSMENT -> {
                noUserErrors(response, operation);
                response.path("publishAssessment.assessment.status")
                        .entity(String.class)
                        .isEqualTo("PUBLISHED")
                        .path("publishAssessment.assessment.publication.publishedBy")
                        .entity(String.class)
                        .isEqualTo(subject)
                        .path("publishAssessment.assessment.score.stored")
                        .entity(Boolean.class)
                        .isEqualTo(true);
                assertStoredAssessment(admin, fixture, "PUBLISHED", next);
            }
            case RETRACT_ASSESSMENT -> {
                noUserErrors(response, operation);
                response.path("retractAssessment.assessment.status")
                        .entity(String.class)
                        .isEqualTo("RETRACTED")
                        .path("retractAssessment.assessment.retraction.retractedBy")
                        .entity(String.class)
                        .isEqualTo(subject)
                        .path("retractAssessment.assessment.publication.publishedBy")
                        .entity(String.class)
                        .isEqualTo(fixture.subjectOf(MatrixCaller.REVIEWER));
                assertStoredAssessment(admin, fixture, "RETRACTED", next);
            }
            case RAISE_FINDING -> {
                noUserErrors(response, operation);
                String raised = response.path("raiseFinding.finding.id")
                        .entity(String.class)
                        .get();
                response.path("raiseFinding.finding.title")
                        .entity(String.class)
                        .isEqualTo("Matrix raised finding")
                        .path("raiseFinding.finding.status")
                        .entity(String.class)
                        .isEqualTo("OPEN")
                        .path("raiseFinding.finding.source")
                        .entity(String.class)
                        .isEqualTo("ASSESSOR")
                        .path("raiseFinding.finding.assessment.id")
                        .entity(String.class)
                        .isEqualTo(fixture.assessmentId());
                admin.documentName("matrixAssessmentState")
                        .variable("id", fixture.assessmentId())
                        .execute()
                        .path("assessment.findings[*].id")
                        .entityList(String.class)
                        .containsExactly(raised);
            }
            case UPDATE_FINDING -> {
                noUserErrors(response, operation);
                response.path("updateFinding.finding.title")
                        .entity(String.class)
                        .isEqualTo("Matrix renamed finding");
                assertStoredFinding(admin, response, operation, fixture, "OPEN")
                        .path("node.title")
                        .entity(String.class)
                        .isEqualTo("Matrix renamed finding");
            }
            case START_FINDING_REMEDIATION -> {
                noUserErrors(response, operation);
                assertStoredFinding(admin, response, operation, fixture, "IN_REMEDIATION");
            }
            case RESOLVE_FINDING -> {
                noUserErrors(response, operation);
                response.path("resolveFinding.finding.closingNote")
                        .entity(String.class)
                        .isEqualTo("Matrix: registry in place.");
                assertStoredFinding(admin, response, operation, fixture, "RESOLVED");
            }
            case REOPEN_FINDING -> {
                noUserErrors(response, operation);
                response.path("reopenFinding.finding.closedAt").valueIsNull();
                assertStoredFinding(admin, response, operation, fixture, "OPEN");
            }
            case ACCEPT_FINDING_RISK -> {
                noUserErrors(response, operation);
                response.path("acceptFindingRisk.finding.closingNote")
                        .entity(String.class)
                        .isEqualTo("Matrix: exit within the year.");
                assertStoredFinding(admin, response, operation, fixture, "ACCEPTED_RISK");
            }
        }
    }

    private static void noUserErrors(GraphQlTester.Response response, Operation operation) {
        response.path(operation.field() + ".userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    /** The tenant admin reads the fixture's assessment at its version and in its status, and no other assessment. */
    private static GraphQlTester.Response assertAssessmentUnchanged(GraphQlTester admin, Fixture fixture) {
        return assertStoredAssessment(admin, fixture, fixture.assessmentStatus(), fixture.assessmentVersion());
    }

    private static GraphQlTester.Response assertStoredAssessment(
            GraphQlTester admin, Fixture fixture, @Nullable String status, long version) {
        GraphQlTester.Response stored = admin.documentName("matrixAssessmentState")
                .variable("id", fixture.assessmentId())
                .execute();
        stored.path("assessment.id")
                .entity(String.class)
                .isEqualTo(fixture.assessmentId())
                .path("assessment.status")
                .entity(String.class)
                .isEqualTo(status)
                .path("assessment.version")
                .entity(Long.class)
                .isEqualTo(version);
        return stored;
    }

    /** The payload's finding is in {@code status} one version on, and the tenant admin reads it so. */
    private static GraphQlTester.Response assertStoredFinding(
            GraphQlTester admin, GraphQlTester.Response response, Operation operation, Fixture fixture, String status) {
        long next = fixture.findingVersion() + 1;
        response.path(operation.field() + ".finding.id")
                .entity(String.class)
                .isEqualTo(fixture.findingId())
                .path(operation.field() + ".finding.status")
                .entity(String.class)
                .isEqualTo(status)
                .path(operation.field() + ".finding.version")
                .entity(Long.class)
                .isEqualTo(next);
        GraphQlTester.Response stored = admin.documentName("matrixFindingNode")
                .variable("id", fixture.findingId())
                .execute();
        stored.path("node.status")
                .entity(String.class)
                .isEqualTo(status)
                .path("node.version")
                .entity(Long.class)
                .isEqualTo(next);
        return stored;
    }

    /** Number of findings raised by people on the fixture's assessment, as the tenant admin sees them. */
    private static int assessorFindingCount(GraphQlTester admin, Fixture fixture) {
        return admin.documentName("findings")
                .variable("filter", Map.of("assessmentId", fixture.assessmentId(), "source", "ASSESSOR"))
                .execute()
                .path("findings.totalCount")
                .entity(Integer.class)
                .get();
    }

    private Fixture newFixture(Operation operation, MatrixCaller caller) {
        String tenantKey = newTenant("as-matrix");
        TenantUsers users = usersOf(tenantKey);
        GraphQlTester admin = graphQl(users.tenantAdmin());
        String unique = TenantRows.uniqueKey("m");
        String companyName = "Matrix Co " + unique;
        String companyId = CompanyFixtures.createCompany(admin, companyName);
        if (caller == MatrixCaller.FUND_MANAGER) {
            // the fund manager may read what concerns the company: it is held by a fund granted to them
            String fundId = CompanyFixtures.createFund(admin, "Matrix Fund " + unique);
            CompanyFixtures.addHolding(admin, fundId, companyId, "DILIGENCE");
            admin.document(
                            "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { userErrors { code } } }")
                    .variable("f", fundId)
                    .variable("s", "fund-manager@" + tenantKey)
                    .execute()
                    .path("grantFundAccess.userErrors")
                    .entityList(Object.class)
                    .hasSize(0);
        }
        if (operation.setup == Setup.NONE) {
            return new Fixture(tenantKey, companyId, companyName, null, 0, null, null, null, null, 0, null);
        }
        // the assessor edits and submits; the reviewer publishes: neither tenant admin nor reviewer is stopped by four
        // eyes
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester.Response draft = succeeded(
                assessor.documentName("createAssessment")
                        .variable("input", Map.of("companyId", companyId))
                        .execute(),
                "createAssessment");
        String assessmentId = draft.path("createAssessment.assessment.id")
                .entity(String.class)
                .get();
        long version = draft.path("createAssessment.assessment.version")
                .entity(Long.class)
                .get();
        String status = "DRAFT";
        String otherAssessmentId = null;
        String evidenceId = null;
        String findingId = null;
        long findingVersion = 0;
        String findingStatus = null;
        switch (operation.setup) {
            case NONE, DRAFT -> {}
            case TWO_DRAFTS ->
                otherAssessmentId = succeeded(
                                assessor.documentName("createAssessment")
                                        .variable("input", Map.of("companyId", companyId))
                                        .execute(),
                                "createAssessment")
                        .path("createAssessment.assessment.id")
                        .entity(String.class)
                        .get();
            case DRAFT_WITH_EVIDENCE -> {
                GraphQlTester.Response added = succeeded(
                        assessor.documentName("addEvidence")
                                .variable(
                                        "input",
                                        Map.of(
                                                "assessmentId",
                                                assessmentId,
                                                "expectedVersion",
                                                version,
                                                "criterion",
                                                "C1.1",
                                                "kind",
                                                "DOCUMENT",
                                                "value",
                                                "data-room/C1.1.pdf"))
                                .execute(),
                        "addEvidence");
                evidenceId = added.path("addEvidence.evidence.id")
                        .entity(String.class)
                        .get();
                version = added.path("addEvidence.assessment.version")
                        .entity(Long.class)
                        .get();
            }
            case SCORED_DRAFT -> version = scored(assessor, assessmentId, version);
            case IN_REVIEW -> {
                version = submitted(assessor, assessmentId, scored(assessor, assessmentId, version));
                status = "IN_REVIEW";
            }
            case PUBLISHED -> {
                version = submitted(assessor, assessmentId, scored(assessor, assessmentId, version));
                version = succeeded(
                                graphQl(users.reviewer())
                                        .documentName("publishAssessment")
                                        .variable("input", Map.of("id", assessmentId, "expectedVersion", version))
                                        .execute(),
                                "publishAssessment")
                        .path("publishAssessment.assessment.version")
                        .entity(Long.class)
                        .get();
                status = "PUBLISHED";
            }
            case FINDING, RESOLVED_FINDING -> {
                GraphQlTester.Response raised = succeeded(
                        assessor.documentName("raiseFinding")
                                .variable(
                                        "input",
                                        Map.of(
                                                "assessmentId",
                                                assessmentId,
                                                "title",
                                                "Matrix finding",
                                                "description",
                                                "Models are deployed by hand.",
                                                "severity",
                                                "MEDIUM"))
                                .execute(),
                        "raiseFinding");
                findingId = raised.path("raiseFinding.finding.id")
                        .entity(String.class)
                        .get();
                findingVersion = raised.path("raiseFinding.finding.version")
                        .entity(Long.class)
                        .get();
                findingStatus = "OPEN";
                if (operation.setup == Setup.RESOLVED_FINDING) {
                    findingVersion = succeeded(
                                    assessor.documentName("resolveFinding")
                                            .variable(
                                                    "input",
                                                    Map.of(
                                                            "id",
                                                            findingId,
                                                            "expectedVersion",
                                                            findingVersion,
                                                            "resolutionNote",
                                                            "Deployment pipeline in place."))
                                            .execute(),
                                    "resolveFinding")
                            .path("resolveFinding.finding.version")
                            .entity(Long.class)
                            .get();
                    findingStatus = "RESOLVED";
                }
            }
        }
        return new Fixture(
                tenantKey,
                companyId,
                companyName,
                assessmentId,
                version,
                status,
                otherAssessmentId,
                evidenceId,
                findingId,
                findingVersion,
                findingStatus);
    }

    /** Scores C1.1 at level 3 with high confidence; returns the new version. */
    private static long scored(GraphQlTester assessor, String assessmentId, long version) {
        return succeeded(
                        assessor.documentName("scoreCriterion")
                                .variable(
                                        "input",
                                        Map.of(
                                                "assessmentId",
                                                assessmentId,
                                                "expectedVersion",
                                                version,
                                                "criterion",
                                                "C1.1",
                                                "state",
                                                "SCORED",
                                                "level",
                                                3,
                                                "confidence",
                                                "HIGH"))
                                .execute(),
                        "scoreCriterion")
                .path("scoreCriterion.assessment.version")
                .entity(Long.class)
                .get();
    }

    /** Submits for review; returns the new version. */
    private static long submitted(GraphQlTester assessor, String assessmentId, long version) {
        return succeeded(
                        assessor.documentName("submitAssessment")
                                .variable("input", Map.of("id", assessmentId, "expectedVersion", version))
                                .execute(),
                        "submitAssessment")
                .path("submitAssessment.assessment.version")
                .entity(Long.class)
                .get();
    }

    /** Fails the arrangement unless {@code mutation} answered without errors or user errors. */
    private static GraphQlTester.Response succeeded(GraphQlTester.Response response, String mutation) {
        response.errors().verify();
        response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
        return response;
    }
}
