package dev.diligence.api.security;

import dev.diligence.persistence.tenancy.CurrentFundScope;
import dev.diligence.persistence.tenancy.FundScope;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The fund scope of the caller of the current thread: a fund manager who holds no tenant-wide
 * role reads only the funds granted to their token subject (enforced by the database's restrictive
 * policies); every other caller reads tenant-wide. Without a caller there is no tenant either, so
 * nothing tenant-owned is readable whatever this answers.
 */
@Component
class SecurityContextFundScope implements CurrentFundScope {

    /** Roles that read everything in their firm, whatever else the caller holds. */
    static final Set<Role> TENANT_WIDE_READERS =
            EnumSet.of(Role.TENANT_ADMIN, Role.ASSESSOR, Role.REVIEWER, Role.INTEGRATION);

    @Override
    public FundScope get() {
        return SecurityContextCurrentTenant.currentCaller()
                .filter(SecurityContextFundScope::isFundScoped)
                .map(caller -> FundScope.grantedTo(caller.subject()))
                .orElse(FundScope.TENANT_WIDE);
    }

    /** Whether {@code caller}'s reads are narrowed to the funds granted to them. */
    static boolean isFundScoped(Caller caller) {
        return caller.roles().contains(Role.FUND_MANAGER)
                && caller.roles().stream().noneMatch(TENANT_WIDE_READERS::contains);
    }
}
