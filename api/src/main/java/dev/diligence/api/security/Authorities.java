package dev.diligence.api.security;

/**
 * The authorization rules of application services, as {@code @PreAuthorize} expressions. One place
 * for the role matrix of architecture.md; services name a rule, never a list of roles.
 */
public final class Authorities {

    /** Platform operations on firms. */
    public static final String PLATFORM_ADMIN = "hasRole('PLATFORM_ADMIN')";

    /** Writes of firm-wide structure: funds, holdings, grants. */
    public static final String TENANT_ADMIN = "hasRole('TENANT_ADMIN')";

    /** Writes of target companies. */
    public static final String COMPANY_WRITER = "hasAnyRole('TENANT_ADMIN', 'ASSESSOR')";

    /** Drafts of assessments (scores, evidence, context, submission) and findings. */
    public static final String ASSESSMENT_WRITER = "hasAnyRole('TENANT_ADMIN', 'ASSESSOR')";

    /** Publishing submitted assessments or sending them back; a tenant admin may do what a reviewer may. */
    public static final String ASSESSMENT_REVIEWER = "hasAnyRole('TENANT_ADMIN', 'REVIEWER')";

    /** Deal-data sync (syncDeals): integration scripts, and tenant admins, who may write everything it writes. */
    public static final String SYNC = "hasAnyRole('TENANT_ADMIN', 'INTEGRATION')";

    /** Reads of a firm's data: every business role. */
    public static final String TENANT_READER =
            "hasAnyRole('TENANT_ADMIN', 'FUND_MANAGER', 'ASSESSOR', 'REVIEWER', 'INTEGRATION')";

    /**
     * The change feed: integration scripts mirroring the firm, and tenant admins. Both are tenant-wide
     * roles, so the feed is never narrowed to granted funds (row-level security shows a fund-scoped
     * transaction no changes at all).
     */
    public static final String CHANGE_FEED_READER = "hasAnyRole('TENANT_ADMIN', 'INTEGRATION')";

    private Authorities() {}
}
