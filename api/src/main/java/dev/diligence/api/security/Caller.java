package dev.diligence.api.security;

import dev.diligence.domain.tenant.Tenant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as resolved from a verified token.
 *
 * @param subject the token's {@code sub}: who the caller is, never blank (it names the actor of writes
 *                and the holder of fund grants, so a blank one would name nobody, or everybody)
 * @param name   display name from the token ({@code name}, else {@code preferred_username}), if any
 * @param email  email address from the token's {@code email} claim, if any
 * @param tenant the caller's active firm; absent only for platform administrators without one
 */
public record Caller(
        String subject, @Nullable String name, @Nullable String email, Optional<Tenant> tenant, Set<Role> roles) {

    public Caller {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a caller needs a subject that is not blank");
        }
        roles = Set.copyOf(roles);
    }

    /** The key of the caller's firm, if it has one. */
    public Optional<String> tenantKey() {
        return tenant.map(firm -> firm.key().value());
    }

    /** Whether this caller's reads are narrowed to the funds granted to them (see {@link SecurityContextFundScope}). */
    public boolean fundScoped() {
        return SecurityContextFundScope.isFundScoped(this);
    }
}
