package dev.diligence.api.oracle;

import dev.diligence.api.security.Role;
import java.util.EnumSet;
import java.util.Set;

/** Who probes: users of firm A. Tenant-wide callers probe firm B's objects; the fund-scoped manager also A's outside its grant. */
enum OracleCaller {
    TENANT_ADMIN("tenant-admin", Role.TENANT_ADMIN, EnumSet.of(OracleTarget.Kind.FOREIGN)),
    ASSESSOR("assessor", Role.ASSESSOR, EnumSet.of(OracleTarget.Kind.FOREIGN)),
    FUND_MANAGER("fund-manager (fund-scoped)", Role.FUND_MANAGER, EnumSet.allOf(OracleTarget.Kind.class));

    private final String label;
    private final Role role;
    private final Set<OracleTarget.Kind> probedKinds;

    OracleCaller(String label, Role role, Set<OracleTarget.Kind> probedKinds) {
        this.label = label;
        this.role = role;
        this.probedKinds = probedKinds;
    }

    /** Whether the caller's role may call the slot's operation, as the operation registry says. */
    boolean mayCall(OracleSlot slot) {
        return slot.operation().access().roles().contains(role);
    }

    /** Whether the caller must not see {@code target}. */
    boolean probes(OracleTarget target) {
        return probedKinds.contains(target.kind());
    }

    @Override
    public String toString() {
        return label;
    }
}
