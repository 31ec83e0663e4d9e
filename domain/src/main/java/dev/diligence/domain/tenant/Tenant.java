package dev.diligence.domain.tenant;

import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Text;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An investment firm using the product. Platform data: tenants are not tenant-owned rows.
 * The key never changes once the tenant exists.
 */
public record Tenant(TenantId id, TenantKey key, String name, TenantStatus status, Instant createdAt) {

    public static final int NAME_MAX_LENGTH = 200;

    /** Validates the requested key and name and returns a new active tenant. */
    public static Tenant register(@Nullable String key, @Nullable String name, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (key == null || key.isBlank()) {
            violations.add(Violation.of("key", ViolationCode.REQUIRED, "key must not be blank"));
        } else if (!TenantKey.isValid(key)) {
            violations.add(
                    Violation.of(
                            "key",
                            ViolationCode.INVALID,
                            "key must be a lowercase slug of 2 to 63 letters, digits and single hyphens, starting with a letter"));
        }
        Text.requireName(name, "name", NAME_MAX_LENGTH, violations);
        RuleViolationException.throwIfAny(violations);
        return new Tenant(TenantId.random(), new TenantKey(key), Text.normalize(name), TenantStatus.ACTIVE, now);
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    /** Returns this tenant archived; archiving twice is a state violation. */
    public Tenant archive() {
        if (!isActive()) {
            throw new RuleViolationException(
                    Violation.general(ViolationCode.INVALID_STATE, "tenant is already archived"));
        }
        return new Tenant(id, key, name, TenantStatus.ARCHIVED, createdAt);
    }
}
