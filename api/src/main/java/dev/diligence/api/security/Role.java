package dev.diligence.api.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * Roles of callers, named in tokens as Keycloak role names ({@code tenant-admin}) and mapped to
 * Spring authorities ({@code ROLE_TENANT_ADMIN}).
 */
public enum Role {
    PLATFORM_ADMIN("platform-admin"),
    TENANT_ADMIN("tenant-admin"),
    ASSESSOR("assessor"),
    REVIEWER("reviewer"),
    FUND_MANAGER("fund-manager"),
    INTEGRATION("integration");

    private final String claimName;

    Role(String claimName) {
        this.claimName = claimName;
    }

    public String claimName() {
        return claimName;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromClaimName(String claimName) {
        return Arrays.stream(values())
                .filter(role -> role.claimName.equals(claimName))
                .findFirst();
    }
}
