package dev.diligence.api.security;

import dev.diligence.domain.tenant.Tenant;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Runs server-side work (demo data, scheduled jobs) as a named system caller, through the same
 * services and authorization rules as requests. The previous security context is restored after.
 */
public final class SystemCaller {

    private SystemCaller() {}

    public static <T> T callAs(String subject, Optional<Tenant> tenant, Set<Role> roles, Supplier<T> work) {
        return callAs(subject, subject, tenant, roles, work);
    }

    /** Runs {@code work} as the caller {@code subject} with display name {@code name}. */
    public static <T> T callAs(
            String subject, String name, Optional<Tenant> tenant, Set<Role> roles, Supplier<T> work) {
        Jwt internal = Jwt.withTokenValue("internal:" + subject)
                .header("alg", "none")
                .subject(subject)
                .issuedAt(Instant.now())
                .build();
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(internal, new Caller(subject, name, null, tenant, roles)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
