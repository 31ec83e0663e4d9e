package dev.diligence.api.security;

import static dev.diligence.api.support.ApiIntegrationTest.platformAdminToken;
import static dev.diligence.api.support.ApiIntegrationTest.usersOf;

import dev.diligence.api.support.TestIssuer;
import java.util.EnumSet;
import java.util.Set;

/** Who calls in a role matrix: a role of the firm under test, or a platform administrator with or without a tenant claim. */
enum MatrixCaller {
    PLATFORM_ADMIN("platform-admin", Role.PLATFORM_ADMIN),
    PLATFORM_ADMIN_IN_TENANT("platform-admin with a tenant claim", Role.PLATFORM_ADMIN),
    TENANT_ADMIN("tenant-admin", Role.TENANT_ADMIN),
    FUND_MANAGER("fund-manager", Role.FUND_MANAGER),
    ASSESSOR("assessor", Role.ASSESSOR),
    REVIEWER("reviewer", Role.REVIEWER),
    INTEGRATION("integration", Role.INTEGRATION);

    /** The business roles of a firm. */
    static final Set<MatrixCaller> TENANT_ROLES =
            EnumSet.of(TENANT_ADMIN, FUND_MANAGER, ASSESSOR, REVIEWER, INTEGRATION);

    private final String label;
    private final Role role;

    MatrixCaller(String label, Role role) {
        this.label = label;
        this.role = role;
    }

    /**
     * The callers that {@code access} admits: those with one of its roles. A platform administrator
     * with a tenant claim has no role in the firm, so it passes exactly the rules a platform
     * administrator passes.
     */
    static Set<MatrixCaller> allowedBy(Access access) {
        Set<MatrixCaller> allowed = EnumSet.noneOf(MatrixCaller.class);
        for (MatrixCaller caller : values()) {
            if (access.roles().contains(caller.role)) {
                allowed.add(caller);
            }
        }
        return allowed;
    }

    /** A token of this caller for the firm {@code tenantKey}. */
    String token(String tenantKey) {
        return switch (this) {
            case PLATFORM_ADMIN -> platformAdminToken();
            case PLATFORM_ADMIN_IN_TENANT ->
                TestIssuer.get().token("platform-admin@" + tenantKey, tenantKey, "platform-admin");
            default -> usersOf(tenantKey).withRole(label);
        };
    }

    /**
     * A token of a user of the firm {@code tenantKey} whose roles are all unknown to this API, some
     * of them near misses of real role names: not one of the callers above, since it is refused
     * before any operation (see {@code MatrixAssertions#assertRefusedForWantOfARole}).
     */
    static String withoutKnownRole(String tenantKey) {
        return TestIssuer.get()
                .token("roleless@" + tenantKey, tenantKey, "auditor", "Tenant-Admin", "fund_manager", "ROLE_ASSESSOR");
    }

    @Override
    public String toString() {
        return label;
    }
}
