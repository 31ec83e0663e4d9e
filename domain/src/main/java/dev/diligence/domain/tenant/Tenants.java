package dev.diligence.domain.tenant;

import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.util.List;
import java.util.Optional;

/** Port to the platform's tenant registry. */
public interface Tenants {

    Optional<Tenant> findByKey(TenantKey key);

    Optional<Tenant> findById(TenantId id);

    /** Every tenant, ordered by key. */
    List<Tenant> all();

    /** A page of the tenants ordered by key ({@link TenantCursors}). */
    Slice<Tenant> page(PageQuery page);

    /** The number of tenants. */
    long count();

    boolean keyExists(TenantKey key);

    /** Stores a new tenant; fails if the key is taken. */
    void add(Tenant tenant);

    /** Stores a changed status of an existing tenant (the key and id never change). */
    void update(Tenant tenant);
}
