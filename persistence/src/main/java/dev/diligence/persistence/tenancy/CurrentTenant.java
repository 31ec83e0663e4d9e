package dev.diligence.persistence.tenancy;

import dev.diligence.domain.tenant.TenantId;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells the persistence layer which tenant the current unit of work acts for. Implemented by the
 * application (from the caller's security context); empty for platform work outside any tenant.
 */
@FunctionalInterface
public interface CurrentTenant {

    Optional<TenantId> get();

    /**
     * The tenant's id, for the {@code tenant_id = :tenant} every statement on a tenant-owned table
     * states. Reading or writing tenant-owned rows without a tenant is a programming error.
     */
    default UUID required() {
        return get().orElseThrow(() -> new IllegalStateException("tenant-owned rows need a current tenant"))
                .value();
    }
}
