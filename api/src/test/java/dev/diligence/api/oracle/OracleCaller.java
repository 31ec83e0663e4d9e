package dev.diligence.api.oracle;

import java.util.EnumSet;
import java.util.Set;

/** Who probes: users of firm A. Tenant-wide callers probe firm B's objects; the fund-scoped manager also A's outside its grant. */
enum OracleCaller {
    TENANT_ADMIN("tenant-admin", EnumSet.allOf(OracleSlot.Access.class), EnumSet.of(OracleTarget.Kind.FOREIGN)),
    ASSESSOR(
            "assessor",
            EnumSet.of(OracleSlot.Access.READER, OracleSlot.Access.COMPANY_WRITER, OracleSlot.Access.ASSESSMENT_WRITER),
            EnumSet.of(OracleTarget.Kind.FOREIGN)),
    FUND_MANAGER(
            "fund-manager (fund-scoped)", EnumSet.of(OracleSlot.Access.READER), EnumSet.allOf(OracleTarget.Kind.class));

    private final String label;
    private final Set<OracleSlot.Access> granted;
    private final Set<OracleTarget.Kind> probedKinds;

    OracleCaller(String label, Set<OracleSlot.Access> granted, Set<OracleTarget.Kind> probedKinds) {
        this.label = label;
        this.granted = granted;
        this.probedKinds = probedKinds;
    }

    /** Whether the caller's role passes the operation's {@code @PreAuthorize} rule. */
    boolean mayCall(OracleSlot slot) {
        return granted.contains(slot.access());
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
