package dev.diligence.api.security;

import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantId;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The current tenant is the tenant of the authenticated caller of the current thread. */
@Component
class SecurityContextCurrentTenant implements CurrentTenant {

    @Override
    public Optional<TenantId> get() {
        return currentCaller().flatMap(Caller::tenant).map(Tenant::id);
    }

    static Optional<Caller> currentCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication callerAuthentication
                ? Optional.of(callerAuthentication.caller())
                : Optional.empty();
    }
}
