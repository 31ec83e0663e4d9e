package dev.diligence.api.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call an operation: the roles of each authorization rule, the same rules that
 * {@link Authorities} writes as {@code @PreAuthorize} expressions for the application services.
 * {@code AccessTest} holds each expression to the roles here, so the two cannot drift apart.
 */
public enum Access {
    /** Platform operations on firms. */
    PLATFORM_ADMIN(Authorities.PLATFORM_ADMIN, EnumSet.of(Role.PLATFORM_ADMIN)),
    /** Writes of firm-wide structure: funds, holdings, grants; the audit trail. */
    TENANT_ADMIN(Authorities.TENANT_ADMIN, EnumSet.of(Role.TENANT_ADMIN)),
    /** Writes of target companies. */
    COMPANY_WRITER(Authorities.COMPANY_WRITER, EnumSet.of(Role.TENANT_ADMIN, Role.ASSESSOR)),
    /** Drafts of assessments and findings. */
    ASSESSMENT_WRITER(Authorities.ASSESSMENT_WRITER, EnumSet.of(Role.TENANT_ADMIN, Role.ASSESSOR)),
    /** Publishing submitted assessments or sending them back. */
    ASSESSMENT_REVIEWER(Authorities.ASSESSMENT_REVIEWER, EnumSet.of(Role.TENANT_ADMIN, Role.REVIEWER)),
    /** Deal-data sync. */
    SYNC(Authorities.SYNC, EnumSet.of(Role.TENANT_ADMIN, Role.INTEGRATION)),
    /** Reads of a firm's data: every business role (a fund manager's narrowed to granted funds). */
    TENANT_READER(
            Authorities.TENANT_READER,
            EnumSet.of(Role.TENANT_ADMIN, Role.FUND_MANAGER, Role.ASSESSOR, Role.REVIEWER, Role.INTEGRATION)),
    /** The change feed: tenant-wide roles that mirror the firm. */
    CHANGE_FEED_READER(Authorities.CHANGE_FEED_READER, EnumSet.of(Role.TENANT_ADMIN, Role.INTEGRATION)),
    /** Any caller with a role of this API, platform administrators included: who the caller is. */
    ANY_ROLE("isAuthenticated()", EnumSet.allOf(Role.class));

    private final String expression;
    private final Set<Role> roles;

    Access(String expression, Set<Role> roles) {
        this.expression = expression;
        this.roles = Set.copyOf(roles);
    }

    /** The {@code @PreAuthorize} expression of this rule (for {@link #ANY_ROLE}, the security chain's own rule). */
    public String expression() {
        return expression;
    }

    /** The roles this rule admits. */
    public Set<Role> roles() {
        return roles;
    }

    /** Whether a caller needs a firm to pass: every rule but the platform's and {@link #ANY_ROLE}. */
    public boolean needsTenant() {
        return this != PLATFORM_ADMIN && this != ANY_ROLE;
    }
}
