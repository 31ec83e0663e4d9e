package dev.diligence.domain.tenant;

import java.util.Objects;
import java.util.UUID;

/** Identity of a tenant (an investment firm); the value stored in every tenant-owned row. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
