package dev.diligence.api.limits;

import dev.diligence.api.security.Caller;

/**
 * Whose bucket a request drains: one per tenant and subject. Platform administrators, who act in no
 * tenant, have buckets of their own under the empty tenant.
 */
record RateLimitKey(String tenant, String subject) {

    static RateLimitKey of(Caller caller) {
        return new RateLimitKey(caller.tenantKey().orElse(""), caller.subject());
    }
}
