package dev.diligence.domain.framework;

import dev.diligence.domain.tenant.TenantId;
import java.util.Objects;

/**
 * Where a tenant's own framework version comes from: the platform version whose criteria,
 * descriptors and red-flag rules it keeps while changing weights only.
 */
public record TenantDerivation(TenantId tenant, int baseVersion) {

    public TenantDerivation {
        Objects.requireNonNull(tenant, "tenant");
        if (baseVersion < 1) {
            throw new IllegalArgumentException("a base version number is positive");
        }
    }
}
