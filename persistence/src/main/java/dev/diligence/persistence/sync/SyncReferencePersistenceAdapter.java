package dev.diligence.persistence.sync;

import dev.diligence.domain.sync.SyncReferences;
import dev.diligence.domain.sync.SyncedType;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.Optional;
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
    public Optional<UUID> find(SyncedType type, String source, String externalId) {
        return jdbc.queryForList("""
                select coalesce(fund_id, holding_id) from sync_references
                where tenant_id = :tenant and entity_type = :type and source = :source and external_id = :externalId""",
                key(type, source, externalId), UUID.class).stream().findFirst();
    }

    @Override
    public void add(SyncedType type, String source, String externalId, UUID entityId) {
        jdbc.update("""
                insert into sync_references (tenant_id, entity_type, source, external_id, fund_id, holding_id, created_at)
                values (:tenant, :type, :source, :externalId, :fund, :holding, now())""",
                key(type, source, externalId)
                        .addValue("fund", type == SyncedType.FUND ? entityId : null)
                        .addValue("holding", type == SyncedType.HOLDING ? entityId : null));
    }

    private MapSqlParameterSource key(SyncedType type, String source, String externalId) {
        return new MapSqlParameterSource("tenant", tenant())
                .addValue("type", type.name())
                .addValue("source", source)
                .addValue("externalId", externalId);
    }

    private UUID tenant() {
        return currentTenant.get().orElseThrow(() -> new IllegalStateException("sync references need a current tenant")).value();
    }
}
