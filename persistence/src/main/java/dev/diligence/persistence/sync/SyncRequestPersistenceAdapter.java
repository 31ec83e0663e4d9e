package dev.diligence.persistence.sync;

import dev.diligence.domain.sync.StoredSync;
import dev.diligence.domain.sync.SyncRequests;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored results of sync requests in {@code sync_requests} (V018), by tenant and idempotency key.
 * Plain SQL naming the current tenant explicitly; row-level security checks it again.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class SyncRequestPersistenceAdapter implements SyncRequests {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    SyncRequestPersistenceAdapter(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    @Override
    public Optional<StoredSync> find(String idempotencyKey) {
        return jdbc
                .query(
                        """
                select idempotency_key, source, payload_hash, result::text as result, actor, created_at from sync_requests
                where tenant_id = :tenant and idempotency_key = :key""",
                        new MapSqlParameterSource("tenant", tenant()).addValue("key", idempotencyKey),
                        (row, n) -> new StoredSync(
                                row.getString("idempotency_key"),
                                row.getString("source"),
                                row.getString("payload_hash"),
                                row.getString("result"),
                                row.getString("actor"),
                                row.getTimestamp("created_at").toInstant()))
                .stream()
                .findFirst();
    }

    @Override
    public void add(StoredSync sync) {
        jdbc.update(
                """
                insert into sync_requests (tenant_id, idempotency_key, source, payload_hash, result, actor, created_at)
                values (:tenant, :key, :source, :hash, cast(:result as jsonb), :actor, :createdAt)""",
                new MapSqlParameterSource("tenant", tenant())
                        .addValue("key", sync.idempotencyKey())
                        .addValue("source", sync.source())
                        .addValue("hash", sync.payloadHash())
                        .addValue("result", sync.result())
                        .addValue("actor", sync.actor())
                        .addValue("createdAt", Timestamp.from(sync.createdAt().truncatedTo(ChronoUnit.MICROS))));
    }

    @Override
    public int removeStoredBefore(Instant threshold) {
        return jdbc.update(
                "delete from sync_requests where tenant_id = :tenant and created_at < :threshold",
                new MapSqlParameterSource("tenant", tenant()).addValue("threshold", Timestamp.from(threshold)));
    }

    private UUID tenant() {
        return currentTenant.required();
    }
}
