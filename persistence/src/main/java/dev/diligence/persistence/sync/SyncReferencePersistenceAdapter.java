package dev.diligence.persistence.sync;

import dev.diligence.domain.sync.SyncReferences;
import dev.diligence.domain.sync.SyncedType;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Identities of funds and holdings in other systems, in {@code sync_references} (V018). Plain SQL
 * naming the current tenant explicitly; row-level security checks it again. Runs inside the
 * caller's transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class SyncReferencePersistenceAdapter implements SyncReferences {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    SyncReferencePersistenceAdapter(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    @Override
    public Map<String, UUID> findAll(SyncedType type, String source, Collection<String> externalIds) {
        Map<String, UUID> found = new HashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        // One primary-key lookup per external ID (the lateral limit keeps the plan a nested loop):
        // during a bulk sync the table grows faster than its statistics, and a plain "in (...)" then
        // tends to scan all of the tenant's references of the source for every call.
        jdbc.query(
                """
                select wanted.external_id, reference.entity_id
                from unnest(cast(:externalIds as text[])) as wanted (external_id)
                cross join lateral (
                    select coalesce(fund_id, holding_id) as entity_id from sync_references
                    where tenant_id = :tenant and entity_type = :type and source = :source and external_id = wanted.external_id
                    limit 1) as reference""",
                key(type, source)
                        .addValue("externalIds", Set.copyOf(externalIds).toArray(String[]::new)),
                row -> {
                    found.put(row.getString("external_id"), row.getObject("entity_id", UUID.class));
                });
        return found;
    }

    @Override
    public void addAll(SyncedType type, String source, Map<String, UUID> entityByExternalId) {
        if (entityByExternalId.isEmpty()) {
            return;
        }
        MapSqlParameterSource[] rows = entityByExternalId.entrySet().stream()
                .map(reference -> key(type, source)
                        .addValue("externalId", reference.getKey())
                        .addValue("fund", type == SyncedType.FUND ? reference.getValue() : null)
                        .addValue("holding", type == SyncedType.HOLDING ? reference.getValue() : null))
                .toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into sync_references (tenant_id, entity_type, source, external_id, fund_id, holding_id, created_at)
                values (:tenant, :type, :source, :externalId, :fund, :holding, now())""", rows);
    }

    private MapSqlParameterSource key(SyncedType type, String source) {
        return new MapSqlParameterSource("tenant", tenant())
                .addValue("type", type.name())
                .addValue("source", source);
    }

    private UUID tenant() {
        return currentTenant.required();
    }
}
