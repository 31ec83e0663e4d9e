package dev.diligence.api.limits;

import dev.diligence.api.security.Caller;
import dev.diligence.api.security.CallerAuthentication;
import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantKey;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whose bucket a request drains: one per tenant and subject. Platform administrators, who act in no
 * tenant, have buckets of their own under the empty tenant.
 */
record RateLimitKey(String tenant, String subject) {

    static RateLimitKey of(Caller caller) {
        return new RateLimitKey(caller.tenant().map(Tenant::key).map(TenantKey::value).orElse(""), caller.subject());
    }

    /** The key of the authenticated caller of the current thread, if any. */
    static Optional<RateLimitKey> ofCurrentCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication caller ? Optional.of(of(caller.caller())) : Optional.empty();
    }
}
