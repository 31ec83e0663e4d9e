package dev.diligence.api.operation;

import static dev.diligence.api.operation.ApiOperation.Cost.HEAVY;
import static dev.diligence.api.operation.ApiOperation.Cost.LIGHT;
import static dev.diligence.api.operation.ApiOperation.FundRule.GRANTED_FUNDS;
import static dev.diligence.api.operation.ApiOperation.FundRule.NO_FUND_DATA;
import static dev.diligence.api.operation.ApiOperation.FundRule.TENANT_WIDE_ROLES;
import static dev.diligence.api.operation.ApiOperation.Kind.MUTATION;
import static dev.diligence.api.operation.ApiOperation.Kind.QUERY;
import static dev.diligence.api.operation.ApiOperation.Reads.REPLICA;

import dev.diligence.api.security.Access;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every query and mutation of the schema, declared once: who may call it ({@link Access}, which
 * also says whether it needs a firm), what a fund-scoped caller sees of it ({@link FundRule}) and
 * its cost class ({@link Cost}) and, for a query, whether it may read from the replica ({@link Reads}). The tests build from this table: {@code ApiOperationRegistryTest}
 * fails when the served schema has a root field that is missing here, or this table one the schema
 * lacks; the role-matrix tests take each operation's callers from {@link #access()}, and
 * {@code RoleMatrixEnrolmentTest} fails when an operation here is tried by no role-matrix test.
 * Adding an operation: add its line here, then its case to the role-matrix test of its feature.
 */
public enum ApiOperation {
    // queries
    ASSESSMENT(QUERY, "assessment", Access.TENANT_READER, GRANTED_FUNDS, LIGHT),
    ASSESSMENT_DIFF(QUERY, "assessmentDiff", Access.TENANT_READER, GRANTED_FUNDS, LIGHT),
    AUDIT_EVENTS(QUERY, "auditEvents", Access.TENANT_ADMIN, TENANT_WIDE_ROLES, LIGHT),
    CHANGES(QUERY, "changes", Access.CHANGE_FEED_READER, TENANT_WIDE_ROLES, LIGHT),
    COMPANIES(QUERY, "companies", Access.TENANT_READER, GRANTED_FUNDS, LIGHT),
    COMPANY(QUERY, "company", Access.TENANT_READER, GRANTED_FUNDS, LIGHT),
    COMPARE_COMPANIES(QUERY, "compareCompanies", Access.TENANT_READER, GRANTED_FUNDS, HEAVY, REPLICA),
    FINDINGS(QUERY, "findings", Access.TENANT_READER, GRANTED_FUNDS, LIGHT),
    FIRMS(QUERY, "firms", Access.PLATFORM_ADMIN, NO_FUND_DATA, LIGHT),
    FRAMEWORK(QUERY, "framework", Access.TENANT_READER, NO_FUND_DATA, LIGHT),
    FRAMEWORKS(QUERY, "frameworks", Access.TENANT_READER, NO_FUND_DATA, LIGHT),
    FUND(QUERY, "fund", Access.TENANT_READER, GRANTED_FUNDS, LIGHT),
    FUND_ACCESS_GRANTS(QUERY, "fundAccessGrants", Access.TENANT_ADMIN, TENANT_WIDE_ROLES, LIGHT),
    FUNDS(QUERY, "funds", Access.TENANT_READER, GRANTED_FUNDS, LIGHT),
    NODE(QUERY, "node", Access.TENANT_READER, GRANTED_FUNDS, LIGHT),
    PORTFOLIO(QUERY, "portfolio", Access.TENANT_READER, GRANTED_FUNDS, HEAVY, REPLICA),
    PORTFOLIO_TREND(QUERY, "portfolioTrend", Access.TENANT_READER, GRANTED_FUNDS, HEAVY, REPLICA),
    TENANTS(QUERY, "tenants", Access.PLATFORM_ADMIN, NO_FUND_DATA, LIGHT),
    VIEWER(QUERY, "viewer", Access.ANY_ROLE, NO_FUND_DATA, LIGHT),
    // mutations
    ACCEPT_FINDING_RISK(MUTATION, "acceptFindingRisk", Access.TENANT_ADMIN, TENANT_WIDE_ROLES, LIGHT),
    ADD_EVIDENCE(MUTATION, "addEvidence", Access.ASSESSMENT_WRITER, TENANT_WIDE_ROLES, LIGHT),
    ADD_HOLDING(MUTATION, "addHolding", Access.TENANT_ADMIN, TENANT_WIDE_ROLES, LIGHT),
    ARCHIVE_COMPANY(MUTATION, "archiveCompany", Access.COMPANY_WRITER, TENANT_WIDE_ROLES, LIGHT),
    ARCHIVE_FUND(MUTATION, "archiveFund", Access.TENANT_ADMIN, TENANT_WIDE_ROLES, LIGHT),
    ARCHIVE_TENANT(MUTATION, "archiveTenant", Access.PLATFORM_ADMIN, NO_FUND_DATA, LIGHT),
    CREATE_ASSESSMENT(MUTATION, "createAssessment", Access.ASSESSMENT_WRITER, TENANT_WIDE_ROLES, LIGHT),
    CREATE_COMPANY(MUTATION, "createCompany", Access.COMPANY_WRITER, TENANT_WIDE_ROLES, LIGHT),
    CREATE_FUND(MUTATION, "createFund", Access.TENANT_ADMIN, TENANT_WIDE_ROLES, LIGHT),
    CREATE_TENANT(MUTATION, "createTenant", Access.PLATFORM_ADMIN, NO_FUND_DATA, LIGHT),
    DERIVE_FRAMEWORK_VERSION(MUTATION, "deriveFrameworkVersion", Access.TENANT_ADMIN, NO_FUND_DATA, LIGHT),
    GRANT_FUND_ACCESS(MUTATION, "grantFundAccess", Access.TENANT_ADMIN, TENANT_WIDE_ROLES, LIGHT),
    PUBLISH_ASSESSMENT(MUTATION, "publishAssessment", Access.ASSESSMENT_REVIEWER, TENANT_WIDE_ROLES, LIGHT),
    RAISE_FINDING(MUTATION, "raiseFinding", Access.ASSESSMENT_WRITER, TENANT_WIDE_ROLES, LIGHT),
    REMOVE_EVIDENCE(MUTATION, "removeEvidence", Access.ASSESSMENT_WRITER, TENANT_WIDE_ROLES, LIGHT),
    REMOVE_HOLDING(MUTATION, "removeHolding", Access.TENANT_ADMIN, TENANT_WIDE_ROLES, LIGHT),
    REOPEN_FINDING(MUTATION, "reopenFinding", Access.ASSESSMENT_WRITER, TENANT_WIDE_ROLES, LIGHT),
    REQUEST_ASSESSMENT_CHANGES(
            MUTATION, "requestAssessmentChanges", Access.ASSESSMENT_REVIEWER, TENANT_WIDE_ROLES, LIGHT),
    RESOLVE_FINDING(MUTATION, "resolveFinding", Access.ASSESSMENT_WRITER, TENANT_WIDE_ROLES, LIGHT),
    RETRACT_ASSESSMENT(MUTATION, "retractAssessment", Access.TENANT_ADMIN, TENANT_WIDE_ROLES, LIGHT),
    REVOKE_FUND_ACCESS(MUTATION, "revokeFundAccess", Access.TENANT_ADMIN, TENANT_WIDE_ROLES, LIGHT),
    SCORE_CRITERION(MUTATION, "scoreCriterion", Access.ASSESSMENT_WRITER, TENANT_WIDE_ROLES, LIGHT),
    START_ASSESSMENT_FROM_LATEST(
            MUTATION, "startAssessmentFromLatest", Access.ASSESSMENT_WRITER, TENANT_WIDE_ROLES, LIGHT),
    START_FINDING_REMEDIATION(MUTATION, "startFindingRemediation", Access.ASSESSMENT_WRITER, TENANT_WIDE_ROLES, LIGHT),
    SUBMIT_ASSESSMENT(MUTATION, "submitAssessment", Access.ASSESSMENT_WRITER, TENANT_WIDE_ROLES, LIGHT),
    SYNC_DEALS(MUTATION, "syncDeals", Access.SYNC, TENANT_WIDE_ROLES, LIGHT),
    UPDATE_ASSESSMENT_CONTEXT(MUTATION, "updateAssessmentContext", Access.ASSESSMENT_WRITER, TENANT_WIDE_ROLES, LIGHT),
    UPDATE_COMPANY(MUTATION, "updateCompany", Access.COMPANY_WRITER, TENANT_WIDE_ROLES, LIGHT),
    UPDATE_FINDING(MUTATION, "updateFinding", Access.ASSESSMENT_WRITER, TENANT_WIDE_ROLES, LIGHT),
    UPDATE_FUND(MUTATION, "updateFund", Access.TENANT_ADMIN, TENANT_WIDE_ROLES, LIGHT),
    UPDATE_HOLDING(MUTATION, "updateHolding", Access.TENANT_ADMIN, TENANT_WIDE_ROLES, LIGHT);

    /** Which root type the operation is a field of. */
    public enum Kind {
        QUERY,
        MUTATION
    }

    /** What a fund-scoped caller (a fund manager) gets of the operation. */
    public enum FundRule {
        /** Reads narrowed to the funds granted to the caller, in the application and by row-level security. */
        GRANTED_FUNDS,
        /** Only tenant-wide roles may call it, so it is never narrowed: a fund-scoped caller is refused. */
        TENANT_WIDE_ROLES,
        /** Touches no fund's data: the framework, firms, the caller itself. */
        NO_FUND_DATA
    }

    /** The cost class: heavy operations execute in the bulkhead of heavy operations, whatever they cost. */
    public enum Cost {
        LIGHT,
        HEAVY
    }

    /**
     * Where a query reads. A query operation whose every root field may read from the replica runs in
     * a replica-eligible transaction ({@code dev.diligence.api.request.QueryTransaction}).
     */
    public enum Reads {
        /** Always the primary: what the caller reads may have to reflect every committed write. */
        PRIMARY,
        /**
         * The replica when one is configured and has replayed what the caller has seen written
         * (README "Read replica"): the portfolio comparisons, whose data changes when assessments are
         * published, and which tolerate the replica's lag.
         */
        REPLICA
    }

    private final Kind kind;
    private final String field;
    private final Access access;
    private final FundRule fundRule;
    private final Cost cost;
    private final Reads reads;

    ApiOperation(Kind kind, String field, Access access, FundRule fundRule, Cost cost) {
        this(kind, field, access, fundRule, cost, Reads.PRIMARY);
    }

    ApiOperation(Kind kind, String field, Access access, FundRule fundRule, Cost cost, Reads reads) {
        if (reads == Reads.REPLICA && kind != QUERY) {
            throw new IllegalArgumentException("only a query may read from the replica: " + field);
        }
        this.kind = kind;
        this.field = field;
        this.access = access;
        this.fundRule = fundRule;
        this.cost = cost;
        this.reads = reads;
    }

    public Kind kind() {
        return kind;
    }

    /** The root field's name in the schema. */
    public String field() {
        return field;
    }

    public Access access() {
        return access;
    }

    public FundRule fundRule() {
        return fundRule;
    }

    public Cost cost() {
        return cost;
    }

    /** The root fields of the heavy operations. */
    public static Set<String> heavyRootFields() {
        return Arrays.stream(values())
                .filter(operation -> operation.cost == HEAVY)
                .map(ApiOperation::field)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The root fields of the queries that may read from the replica. */
    public static Set<String> replicaRootFields() {
        return Arrays.stream(values())
                .filter(operation -> operation.reads == Reads.REPLICA)
                .map(ApiOperation::field)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return field;
    }
}
