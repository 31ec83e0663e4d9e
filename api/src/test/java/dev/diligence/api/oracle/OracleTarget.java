package dev.diligence.api.oracle;

/**
 * An object a probe names by its ID although the caller must not learn that it exists: an object
 * of another firm (of every type and state), or, for a fund-scoped fund manager, an object of
 * their own firm outside the funds granted to them. {@link OracleWorld} creates one of each.
 */
enum OracleTarget {
    FOREIGN_FUND(Kind.FOREIGN, "Fund", "firm B's active fund, with holdings and a grant"),
    FOREIGN_ARCHIVED_FUND(Kind.FOREIGN, "Fund", "firm B's archived fund"),
    FOREIGN_HELD_COMPANY(Kind.FOREIGN, "Company", "firm B's company held by its fund"),
    FOREIGN_FREE_COMPANY(Kind.FOREIGN, "Company", "firm B's company in no fund"),
    FOREIGN_ARCHIVED_COMPANY(Kind.FOREIGN, "Company", "firm B's archived company"),
    FOREIGN_HOLDING(Kind.FOREIGN, "Holding", "firm B's holding"),
    FOREIGN_GRANT(Kind.FOREIGN, "FundAccessGrant", "firm B's fund access grant"),
    FOREIGN_TENANT(Kind.FOREIGN, "Tenant", "firm B itself"),
    FOREIGN_AUDIT_EVENT(Kind.FOREIGN, "AuditEvent", "an event of firm B's audit trail"),
    FOREIGN_DRAFT_ASSESSMENT(
            Kind.FOREIGN, "Assessment", "firm B's draft assessment, scored, with evidence and findings"),
    FOREIGN_PUBLISHED_ASSESSMENT(Kind.FOREIGN, "Assessment", "firm B's published assessment, with evidence"),
    FOREIGN_FINDING(Kind.FOREIGN, "Finding", "firm B's open assessor finding"),

    OTHER_FUND(Kind.OUT_OF_SCOPE, "Fund", "own firm's fund not granted to the manager"),
    COMPANY_ONLY_IN_OTHER_FUND(Kind.OUT_OF_SCOPE, "Company", "own firm's company held only by the ungranted fund"),
    COMPANY_IN_NO_FUND(Kind.OUT_OF_SCOPE, "Company", "own firm's company held by no fund"),
    HOLDING_IN_OTHER_FUND(Kind.OUT_OF_SCOPE, "Holding", "own firm's holding in the ungranted fund"),
    VISIBLE_COMPANYS_HOLDING_IN_OTHER_FUND(
            Kind.OUT_OF_SCOPE,
            "Holding",
            "own firm's holding in the ungranted fund of a company the manager sees through the granted fund"),
    GRANT_OF_OTHER_FUND(Kind.OUT_OF_SCOPE, "FundAccessGrant", "own firm's grant of the ungranted fund to someone else"),
    AUDIT_EVENT_OF_OTHER_FUND(
            Kind.OUT_OF_SCOPE, "AuditEvent", "own firm's audit event of a change of the ungranted fund"),
    ASSESSMENT_OF_COMPANY_ONLY_IN_OTHER_FUND(
            Kind.OUT_OF_SCOPE,
            "Assessment",
            "own firm's draft assessment, with evidence and findings, of a company held only by the ungranted fund"),
    FINDING_OF_COMPANY_ONLY_IN_OTHER_FUND(
            Kind.OUT_OF_SCOPE,
            "Finding",
            "own firm's open assessor finding on an assessment of a company held only by the ungranted fund");

    /** Why the caller must not see the target. */
    enum Kind {
        /** It belongs to another firm. */
        FOREIGN,
        /** It belongs to the caller's firm but lies outside the funds granted to a fund-scoped caller. */
        OUT_OF_SCOPE
    }

    private final Kind kind;
    private final String typeName;
    private final String description;

    OracleTarget(Kind kind, String typeName, String description) {
        this.kind = kind;
        this.typeName = typeName;
        this.description = description;
    }

    Kind kind() {
        return kind;
    }

    /** The GraphQL type of the target's global ID; a random ID of the same type is its control. */
    String typeName() {
        return typeName;
    }

    @Override
    public String toString() {
        return typeName + " (" + description + ")";
    }
}
