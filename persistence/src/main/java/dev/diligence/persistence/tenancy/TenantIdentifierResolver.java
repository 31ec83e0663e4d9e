package dev.diligence.persistence.tenancy;

import java.util.UUID;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Gives Hibernate the tenant of every session, for {@code @TenantId} columns (filtering reads and
 * filling writes). Without a tenant it answers {@link #NO_TENANT}, which matches no row; the
 * database's row-level security then rejects the access outright.
 */
public final class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID> {

    /** Stands for "no tenant": no tenants row has this id. */
    public static final UUID NO_TENANT = new UUID(0L, 0L);

    private final CurrentTenant currentTenant;

    public TenantIdentifierResolver(CurrentTenant currentTenant) {
        this.currentTenant = currentTenant;
    }

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        return currentTenant.get().map(id -> id.value()).orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
