package dev.diligence.domain.tenant;

import dev.diligence.domain.shared.paging.Cursor;

/** Lists of tenants have one ordering: by key, byte by byte (keys are unique, so the id never decides). */
public final class TenantCursors {

    public static final String ORDERING = "KEY_ASC";

    private TenantCursors() {}

    public static Cursor of(Tenant tenant) {
        return new Cursor(ORDERING, tenant.key().value(), tenant.id().value());
    }
}
