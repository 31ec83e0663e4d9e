package dev.diligence.api.oracle;

import dev.diligence.api.operation.ApiOperation;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One place where an operation takes a global ID: every query and mutation argument, filter field
 * or input field of type ID. The variables around the ID are otherwise valid, so that with an ID
 * the caller could see, the operation would succeed (the sanity probes prove it): the only thing a
 * probe varies is whose ID it sends.
 */
enum OracleSlot {
    NODE("oracleNode", "node", null, null),
    FUND("oracleFund", "fund", "Fund", null),
    COMPANY("oracleCompany", "company", "Company", null),
    COMPANIES_FILTER_FUND_ID("oracleCompanies", "companies", "Fund", null),
    AUDIT_EVENTS_FILTER_ENTITY_ID("oracleAuditEvents", "auditEvents", null, null),
    FUND_ACCESS_GRANTS_FUND_ID("oracleFundAccessGrants", "fundAccessGrants", "Fund", null),
    UPDATE_FUND("oracleUpdateFund", "updateFund", "Fund", "id"),
    ARCHIVE_FUND("oracleArchiveFund", "archiveFund", "Fund", "id"),
    UPDATE_COMPANY("oracleUpdateCompany", "updateCompany", "Company", "id"),
    ARCHIVE_COMPANY("oracleArchiveCompany", "archiveCompany", "Company", "id"),
    ADD_HOLDING_FUND_ID("oracleAddHolding", "addHolding", "Fund", "fundId"),
    ADD_HOLDING_COMPANY_ID("oracleAddHolding", "addHolding", "Company", "companyId"),
    UPDATE_HOLDING("oracleUpdateHolding", "updateHolding", "Holding", "id"),
    REMOVE_HOLDING("oracleRemoveHolding", "removeHolding", "Holding", "id"),
    GRANT_FUND_ACCESS("oracleGrantFundAccess", "grantFundAccess", "Fund", "fundId"),
    REVOKE_FUND_ACCESS("oracleRevokeFundAccess", "revokeFundAccess", "Fund", "fundId"),

    // Assessments and findings. Probed with the targets of their own type and one of another type (see OracleProbe).
    ASSESSMENT("oracleAssessment", "assessment", "Assessment", null, "Finding"),
    FINDINGS_FILTER_ASSESSMENT_ID("oracleFindings", "findings", "Assessment", null, "Finding"),
    FINDINGS_FILTER_COMPANY_ID("oracleFindings", "findings", "Company", null, "Assessment"),
    FINDINGS_FILTER_FUND_ID("oracleFindings", "findings", "Fund", null, "Company"),
    ASSESSMENT_DIFF_BEFORE_ID("oracleAssessmentDiff", "assessmentDiff", "Assessment", null, "Finding"),
    ASSESSMENT_DIFF_AFTER_ID("oracleAssessmentDiff", "assessmentDiff", "Assessment", null, "Finding"),
    CREATE_ASSESSMENT("oracleCreateAssessment", "createAssessment", "Company", "companyId", "Assessment"),
    START_ASSESSMENT_FROM_LATEST(
            "oracleStartAssessmentFromLatest", "startAssessmentFromLatest", "Company", "companyId", "Assessment"),
    UPDATE_ASSESSMENT_CONTEXT(
            "oracleUpdateAssessmentContext", "updateAssessmentContext", "Assessment", "id", "Finding"),
    SCORE_CRITERION("oracleScoreCriterion", "scoreCriterion", "Assessment", "assessmentId", "Finding"),
    ADD_EVIDENCE("oracleAddEvidence", "addEvidence", "Assessment", "assessmentId", "Finding"),
    REMOVE_EVIDENCE("oracleRemoveEvidence", "removeEvidence", "Assessment", "assessmentId", "Finding"),
    SUBMIT_ASSESSMENT("oracleSubmitAssessment", "submitAssessment", "Assessment", "id", "Finding"),
    REQUEST_ASSESSMENT_CHANGES(
            "oracleRequestAssessmentChanges", "requestAssessmentChanges", "Assessment", "id", "Finding"),
    PUBLISH_ASSESSMENT("oraclePublishAssessment", "publishAssessment", "Assessment", "id", "Finding"),
    RETRACT_ASSESSMENT("oracleRetractAssessment", "retractAssessment", "Assessment", "id", "Finding"),
    RAISE_FINDING("oracleRaiseFinding", "raiseFinding", "Assessment", "assessmentId", "Finding"),
    UPDATE_FINDING("oracleUpdateFinding", "updateFinding", "Finding", "id", "Assessment"),
    START_FINDING_REMEDIATION(
            "oracleStartFindingRemediation", "startFindingRemediation", "Finding", "id", "Assessment"),
    RESOLVE_FINDING("oracleResolveFinding", "resolveFinding", "Finding", "id", "Assessment"),
    ACCEPT_FINDING_RISK("oracleAcceptFindingRisk", "acceptFindingRisk", "Finding", "id", "Assessment"),
    REOPEN_FINDING("oracleReopenFinding", "reopenFinding", "Finding", "id", "Assessment"),

    // Portfolio comparison. Probed with the fund targets and one company per kind, as findings(filter: {fundId}) is,
    // and
    // compareCompanies(ids) with the company targets and one assessment per kind, as the company slots of findings are.
    PORTFOLIO_FUND_ID("oraclePortfolio", "portfolio", "Fund", null, "Company"),
    PORTFOLIO_TREND_FUND_ID("oraclePortfolioTrend", "portfolioTrend", "Fund", null, "Company"),
    COMPARE_COMPANIES_IDS("oracleCompareCompanies", "compareCompanies", "Company", null, "Assessment"),
    COMPARE_COMPANIES_FUND_ID("oracleCompareCompanies", "compareCompanies", "Fund", null, "Company");

    /**
     * What surrounds the probed ID in a request: the expected version of the object the ID names (the
     * target's real version, sent unchanged with the random control ID), the subject to revoke (the
     * target fund's real grantee), a fund and a company the caller can see for the other half of
     * {@code addHolding}, a subject with no grant yet, a text unique to the probe, an assessment the
     * caller can see (the other side of {@code assessmentDiff}, of the same company as the visible
     * assessment of the sanity probes), an evidence item of the assessment the ID names (a random
     * evidence ID when it names none), and a second company the caller can see (compared next to the
     * visible one when the probed ID is the fund's).
     */
    record Inputs(
            long expectedVersion,
            String grantee,
            String visibleFund,
            String visibleCompany,
            String newcomer,
            String nonce,
            String visibleAssessment,
            String evidenceId,
            String otherVisibleCompany) {}

    private final String document;
    private final String field;
    private final String expectedType;
    private final String inputField;
    private final String otherType;

    OracleSlot(String document, String field, String expectedType, String inputField) {
        this(document, field, expectedType, inputField, null);
    }

    OracleSlot(String document, String field, String expectedType, String inputField, String otherType) {
        this.document = document;
        this.field = field;
        this.expectedType = expectedType;
        this.inputField = inputField;
        this.otherType = otherType;
    }

    /** Name of the document under {@code graphql-test/}. */
    String document() {
        return document;
    }

    /** The root field the document selects. */
    String field() {
        return field;
    }

    /** The registered operation the slot is an argument of; who may call it is the registry's. */
    ApiOperation operation() {
        return Arrays.stream(ApiOperation.values())
                .filter(operation -> operation.field().equals(field))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no registered operation " + field));
    }

    boolean isMutation() {
        return inputField != null;
    }

    /** The field of {@code input} that carries the ID, as a user error names it; null for queries. */
    String inputField() {
        return inputField;
    }

    /**
     * For a slot probed with a subset of the targets: the type of the one target of another type
     * that it is probed with besides the targets of its own type (per kind of target); null for a
     * slot probed with every target.
     */
    String otherType() {
        return otherType;
    }

    /** Whether the slot answers "no such object" with a null field (else with an empty list or connection, or a user error). */
    boolean answersNull() {
        return switch (this) {
            case NODE,
                    FUND,
                    COMPANY,
                    ASSESSMENT,
                    ASSESSMENT_DIFF_BEFORE_ID,
                    ASSESSMENT_DIFF_AFTER_ID,
                    PORTFOLIO_FUND_ID,
                    PORTFOLIO_TREND_FUND_ID,
                    COMPARE_COMPANIES_FUND_ID -> true;
            default -> false;
        };
    }

    /**
     * Whether the slot answers "no such object" by echoing the ID, as given, in the answer: compareCompanies
     * lists the IDs that name no company the caller can see in {@code missing}. The echo is the one place
     * where the answers to a hidden and to a random ID may differ (see {@link OracleHttp.Answer#withEchoReplaced}).
     */
    boolean echoesId() {
        return this == COMPARE_COMPANIES_IDS;
    }

    /** Whether an ID of {@code typeName} is of the type this slot asks for (node and auditEvents take any type). */
    boolean takesType(String typeName) {
        return expectedType == null || expectedType.equals(typeName);
    }

    /** The request's variables with {@code id} in this slot. */
    Map<String, Object> variables(String id, Inputs in) {
        return switch (this) {
            case NODE, FUND, COMPANY -> Map.of("id", id);
            case COMPANIES_FILTER_FUND_ID, FUND_ACCESS_GRANTS_FUND_ID, PORTFOLIO_FUND_ID -> Map.of("fundId", id);
            case AUDIT_EVENTS_FILTER_ENTITY_ID -> Map.of("entityId", id);
            case UPDATE_FUND ->
                input(
                        "id",
                        id,
                        "expectedVersion",
                        in.expectedVersion(),
                        "name",
                        "Oracle renamed " + in.nonce(),
                        "vintageYear",
                        2022);
            case UPDATE_COMPANY ->
                input(
                        "id",
                        id,
                        "expectedVersion",
                        in.expectedVersion(),
                        "name",
                        "Oracle renamed " + in.nonce(),
                        "employeeCount",
                        42);
            case ARCHIVE_FUND, ARCHIVE_COMPANY, REMOVE_HOLDING ->
                input("id", id, "expectedVersion", in.expectedVersion());
            case UPDATE_HOLDING ->
                input("id", id, "expectedVersion", in.expectedVersion(), "ownershipPercentage", "12.5");
            case ADD_HOLDING_FUND_ID ->
                input(
                        "fundId",
                        id,
                        "companyId",
                        in.visibleCompany(),
                        "dealStage",
                        "SOURCED",
                        "ownershipPercentage",
                        "5");
            case ADD_HOLDING_COMPANY_ID ->
                input("fundId", in.visibleFund(), "companyId", id, "dealStage", "SOURCED", "ownershipPercentage", "5");
            case GRANT_FUND_ACCESS -> input("fundId", id, "subject", in.newcomer());
            case REVOKE_FUND_ACCESS -> input("fundId", id, "subject", in.grantee());
            case ASSESSMENT -> Map.of("id", id);
            case FINDINGS_FILTER_ASSESSMENT_ID -> Map.of("filter", Map.of("assessmentId", id));
            case FINDINGS_FILTER_COMPANY_ID -> Map.of("filter", Map.of("companyId", id));
            case FINDINGS_FILTER_FUND_ID -> Map.of("filter", Map.of("fundId", id));
            case ASSESSMENT_DIFF_BEFORE_ID -> Map.of("beforeId", id, "afterId", in.visibleAssessment());
            case ASSESSMENT_DIFF_AFTER_ID -> Map.of("beforeId", in.visibleAssessment(), "afterId", id);
            case PORTFOLIO_TREND_FUND_ID -> trendOf(id);
            // the probed ID next to a company the caller can see, measured against a fund the caller can see
            case COMPARE_COMPANIES_IDS ->
                Map.of("ids", List.of(id, in.visibleCompany()), "fundId", in.visibleFund(), "frameworkVersion", 1);
            case COMPARE_COMPANIES_FUND_ID ->
                Map.of(
                        "ids",
                        List.of(in.visibleCompany(), in.otherVisibleCompany()),
                        "fundId",
                        id,
                        "frameworkVersion",
                        1);
            case CREATE_ASSESSMENT -> input("companyId", id, "frameworkVersion", 1, "context", CONTEXT);
            case START_ASSESSMENT_FROM_LATEST -> input("companyId", id, "frameworkVersion", 1);
            case UPDATE_ASSESSMENT_CONTEXT ->
                input("id", id, "expectedVersion", in.expectedVersion(), "context", CONTEXT);
            case SCORE_CRITERION ->
                input(
                        "assessmentId",
                        id,
                        "expectedVersion",
                        in.expectedVersion(),
                        "criterion",
                        "C2.1",
                        "state",
                        "SCORED",
                        "level",
                        2,
                        "confidence",
                        "MEDIUM",
                        "targetLevel",
                        3,
                        "rationale",
                        "Oracle " + in.nonce());
            case ADD_EVIDENCE ->
                input(
                        "assessmentId",
                        id,
                        "expectedVersion",
                        in.expectedVersion(),
                        "criterion",
                        "C2.1",
                        "kind",
                        "LINK",
                        "value",
                        "https://example.com/oracle/" + in.nonce());
            case REMOVE_EVIDENCE ->
                input("assessmentId", id, "expectedVersion", in.expectedVersion(), "evidenceId", in.evidenceId());
            case SUBMIT_ASSESSMENT, PUBLISH_ASSESSMENT, START_FINDING_REMEDIATION, REOPEN_FINDING ->
                input("id", id, "expectedVersion", in.expectedVersion());
            case REQUEST_ASSESSMENT_CHANGES ->
                input("id", id, "expectedVersion", in.expectedVersion(), "comment", "Oracle comment " + in.nonce());
            case RETRACT_ASSESSMENT ->
                input("id", id, "expectedVersion", in.expectedVersion(), "reason", "Oracle reason " + in.nonce());
            case RAISE_FINDING ->
                input(
                        "assessmentId",
                        id,
                        "criterion",
                        "C4.2",
                        "title",
                        "Oracle finding " + in.nonce(),
                        "description",
                        "Raised by a probe",
                        "severity",
                        "HIGH",
                        "owner",
                        in.newcomer(),
                        "dueDate",
                        "2027-01-31",
                        "remediationPlan",
                        "Add a fairness test suite",
                        "references",
                        REFERENCES);
            case UPDATE_FINDING ->
                input(
                        "id",
                        id,
                        "expectedVersion",
                        in.expectedVersion(),
                        "owner",
                        in.newcomer(),
                        "dueDate",
                        "2027-02-28",
                        "remediationPlan",
                        "Oracle plan " + in.nonce(),
                        "references",
                        REFERENCES);
            case RESOLVE_FINDING ->
                input("id", id, "expectedVersion", in.expectedVersion(), "resolutionNote", "Oracle note " + in.nonce());
            case ACCEPT_FINDING_RISK ->
                input(
                        "id",
                        id,
                        "expectedVersion",
                        in.expectedVersion(),
                        "justification",
                        "Oracle justification " + in.nonce());
        };
    }

    /**
     * The window of the trend probes: the 36 calendar months up to the end of the current one (at most 40 points are
     * allowed), so that the publications of the run lie in it and a visible fund has a cohort and changes. Taken once,
     * so that the two requests of a probe are the same but for the ID.
     */
    private static final YearMonth TREND_END = YearMonth.now(ZoneOffset.UTC);

    private static final String TREND_FROM = TREND_END
            .minusMonths(35)
            .atDay(1)
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC)
            .toString();
    private static final String TREND_TO = TREND_END
            .plusMonths(1)
            .atDay(1)
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC)
            .minus(1, ChronoUnit.MICROS)
            .toString();

    /** A monthly trend of the fund's invested and in-diligence companies under framework version 1. */
    private static Map<String, Object> trendOf(String fundId) {
        return Map.of(
                "fundId",
                fundId,
                "from",
                TREND_FROM,
                "to",
                TREND_TO,
                "interval",
                "MONTH",
                "dealStages",
                List.of("INVESTED", "DILIGENCE"),
                "frameworkVersion",
                1);
    }

    /** A valid assessment context that differs from the default in every attribute. */
    private static final Map<String, Object> CONTEXT = Map.of(
            "modelsInProduction",
            true,
            "euAiActTier",
            "LIMITED",
            "sensitiveDomains",
            List.of("CREDIT"),
            "lowestImpactRatio",
            "0.9",
            "fairnessMitigationDocumented",
            true);

    private static final List<Map<String, Object>> REFERENCES =
            List.of(Map.of("standard", "NIST_AI_RMF", "clause", "MEASURE 2.11"));

    private static Map<String, Object> input(Object... keysAndValues) {
        Map<String, Object> input = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            input.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Map.of("input", input);
    }

    @Override
    public String toString() {
        return field
                + (inputField == null
                        ? switch (this) {
                            case COMPANIES_FILTER_FUND_ID -> "(filter: {fundId})";
                            case AUDIT_EVENTS_FILTER_ENTITY_ID -> "(filter: {entityId})";
                            case FUND_ACCESS_GRANTS_FUND_ID,
                                    PORTFOLIO_FUND_ID,
                                    PORTFOLIO_TREND_FUND_ID,
                                    COMPARE_COMPANIES_FUND_ID -> "(fundId)";
                            case COMPARE_COMPANIES_IDS -> "(ids)";
                            case FINDINGS_FILTER_ASSESSMENT_ID -> "(filter: {assessmentId})";
                            case FINDINGS_FILTER_COMPANY_ID -> "(filter: {companyId})";
                            case FINDINGS_FILTER_FUND_ID -> "(filter: {fundId})";
                            case ASSESSMENT_DIFF_BEFORE_ID -> "(beforeId)";
                            case ASSESSMENT_DIFF_AFTER_ID -> "(afterId)";
                            default -> "(id)";
                        }
                        : "(input: {" + inputField + "})");
    }
}
