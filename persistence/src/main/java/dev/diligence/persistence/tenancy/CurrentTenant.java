package dev.diligence.persistence.tenancy;

import dev.diligence.domain.tenant.TenantId;
import java.util.Optional;

/**
 * Tells the persistence layer which tenant the current unit of work acts for. Implemented by the
 * application (from the caller's security context); empty for platform work outside any tenant.
 */
@FunctionalInterface
public interface CurrentTenant {

    Optional<TenantId> get();
}
