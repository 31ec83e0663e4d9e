package dev.diligence.domain.sync;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Port to the identities of the current tenant's funds and holdings in other systems. Invariant: one
 * object per (type, source, external id) in a tenant, and one external id per object and source.
 * A reference never names an object of another tenant.
 */
public interface SyncReferences {

    /** The ids of the objects of {@code type} that these external IDs of {@code source} name, by external ID; one query. */
    Map<String, UUID> findAll(SyncedType type, String source, Collection<String> externalIds);

    /** Records that each external ID of {@code source} names its object (by external ID), in one batch. */
    void addAll(SyncedType type, String source, Map<String, UUID> entityByExternalId);
}
