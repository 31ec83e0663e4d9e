package dev.diligence.persistence.sync;

import dev.diligence.domain.sync.SyncLocks;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sync locks as PostgreSQL transaction-level advisory locks, released when the transaction ends
 * (commit or rollback), so a crashed request never leaves a key locked. Each lock is named by a
 * 64-bit hash of a namespace, the tenant and the key or source:
 * {@code hashtextextended('sync-key:' || tenant || ':' || key, 0)} and
 * {@code hashtextextended('sync-source:' || tenant || ':' || source, 0)}, computed in the database
 * so that anyone (an operator, a test) can name the same lock. A hash collision only makes two
 * unrelated requests wait for each other or report a key in flight; it never mixes their data.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class SyncLockAdapter implements SyncLocks {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    SyncLockAdapter(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    @Override
    public boolean tryLockRequest(String idempotencyKey) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select pg_try_advisory_xact_lock(hashtextextended('sync-key:' || :tenant || ':' || :key, 0))",
                new MapSqlParameterSource("tenant", tenant()).addValue("key", idempotencyKey),
                Boolean.class));
    }

    @Override
    public void lockSource(String source) {
        jdbc.queryForList(
                "select pg_advisory_xact_lock(hashtextextended('sync-source:' || :tenant || ':' || :source, 0))",
                new MapSqlParameterSource("tenant", tenant()).addValue("source", source));
    }

    private String tenant() {
        UUID tenant = currentTenant.required();
        return tenant.toString();
    }
}
