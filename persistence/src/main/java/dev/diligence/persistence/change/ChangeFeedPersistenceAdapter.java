package dev.diligence.persistence.change;

import dev.diligence.domain.change.Change;
import dev.diligence.domain.change.ChangeFeed;
import dev.diligence.domain.change.ChangeOperation;
import dev.diligence.domain.change.ChangePage;
import dev.diligence.domain.change.ChangedEntity;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change feed in {@code changes} (V019), written by triggers and numbered at commit, in commit
 * order (the migration states and argues the invariant). Reading needs no lock: one query, whose
 * snapshot sees a prefix of the tenant's positions, and rows without a position (uncommitted, or
 * this transaction's own) are skipped. States {@code tenant_id} explicitly; row-level security checks it again.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class ChangeFeedPersistenceAdapter implements ChangeFeed {

    private final JdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    ChangeFeedPersistenceAdapter(JdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    @Override
    public ChangePage after(long after, int limit) {
        UUID tenant = currentTenant.required();
        List<Change> rows = jdbc.query(
                """
                select position, entity_type, entity_id, operation, occurred_at from changes
                where tenant_id = ? and position > ? order by position limit ?""",
                (rs, index) -> new Change(
                        rs.getLong("position"),
                        ChangedEntity.valueOf(rs.getString("entity_type")),
                        rs.getObject("entity_id", UUID.class),
                        ChangeOperation.valueOf(rs.getString("operation")),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant()),
                tenant,
                after,
                limit + 1);
        boolean hasMore = rows.size() > limit;
        return new ChangePage(hasMore ? rows.subList(0, limit) : rows, hasMore);
    }
}
