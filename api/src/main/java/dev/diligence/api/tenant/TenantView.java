package dev.diligence.api.tenant;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** GraphQL {@code Tenant}. */
public record TenantView(String id, String key, String name, TenantStatus status, OffsetDateTime createdAt) {

    public static TenantView of(Tenant tenant) {
        return new TenantView(
                GlobalId.encode("Tenant", tenant.id().value()),
                tenant.key().value(),
                tenant.name(),
                tenant.status(),
                tenant.createdAt().atOffset(ZoneOffset.UTC));
    }
}
