package dev.diligence.domain.sync;

import java.util.Optional;
import java.util.UUID;

/**
 * Port to the identities of the current tenant's funds and holdings in other systems. Invariant: one
 * object per (type, source, external id) in a tenant, and one external id per object and source.
 * A reference never names an object of another tenant.
 */
public interface SyncReferences {

    /** The id of the object that {@code externalId} of {@code source} names, if any. */
    Optional<UUID> find(SyncedType type, String source, String externalId);

    /** Records that {@code externalId} of {@code source} names the object {@code entityId}. */
    void add(SyncedType type, String source, String externalId, UUID entityId);
}
