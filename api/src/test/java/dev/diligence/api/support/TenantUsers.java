package dev.diligence.api.support;

/** Tokens for users of one tenant, one per role. */
public record TenantUsers(TestIssuer issuer, String tenantKey) {

    public String tenantAdmin() {
        return withRole("tenant-admin");
    }

    public String fundManager() {
        return withRole("fund-manager");
    }

    public String assessor() {
        return withRole("assessor");
    }

    public String reviewer() {
        return withRole("reviewer");
    }

    public String integration() {
        return withRole("integration");
    }

    /** A token of a user of this tenant holding one realm role. */
    public String withRole(String role) {
        return issuer.token(role + "@" + tenantKey, tenantKey, role);
    }
}
