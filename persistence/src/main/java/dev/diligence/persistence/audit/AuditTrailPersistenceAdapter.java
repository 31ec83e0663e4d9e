package dev.diligence.persistence.audit;

import dev.diligence.domain.audit.AuditEvent;
import dev.diligence.domain.audit.AuditFilter;
import dev.diligence.domain.audit.AuditTrail;
import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.InvalidCursorException;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.domain.tenant.TenantId;
import dev.diligence.persistence.sql.Pages;
import dev.diligence.persistence.sql.Timestamps;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail in the append-only table {@code audit_events} (the application role may only
 * select and insert). Native SQL stating {@code tenant_id} explicitly; row-level security checks it
 * again. Every method runs inside the caller's transaction, so an event commits with its change.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class AuditTrailPersistenceAdapter implements AuditTrail {

    private static final String COLUMNS =
            "id, actor, action, entity_type, entity_id, before::text as before, after::text as after, occurred_at, request_id";

    private final JdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    AuditTrailPersistenceAdapter(JdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    @Override
    public void append(TenantId tenant, AuditEvent event) {
        appendAll(tenant, List.of(event));
    }

    /**
     * Inserts in one batch, with the transaction's tenant setting pointed at {@code tenant}, restored
     * right after, so that row-level security admits the rows also in a platform transaction without
     * a tenant (or with another one). When an insert fails, the transaction is aborted and rolls the
     * setting back with it, so it is not restored here.
     */
    @Override
    public void appendAll(TenantId tenant, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        String target = tenant.value().toString();
        String previous = jdbc.queryForObject("select current_setting('app.tenant_id', true)", String.class);
        boolean switching = !target.equals(previous);
        if (switching) {
            setTenant(target);
        }
        jdbc.batchUpdate(
                """
                insert into audit_events (tenant_id, id, actor, action, entity_type, entity_id, before, after, occurred_at, request_id)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)""",
                events.stream()
                        .map(event -> new Object[] {
                            tenant.value(),
                            event.id(),
                            event.actor(),
                            event.action(),
                            event.entityType(),
                            event.entityId(),
                            event.before(),
                            event.after(),
                            Timestamps.of(event.occurredAt()),
                            event.requestId()
                        })
                        .toList());
        if (switching) {
            setTenant(Objects.requireNonNullElse(previous, ""));
        }
    }

    @Override
    public Slice<AuditEvent> page(AuditFilter filter, PageQuery page) {
        if (page.limit() == 0 || filter.isEmptyRange()) {
            return new Slice<>(List.of(), false);
        }
        Conditions query = conditions(filter);
        page.from().ifPresent(cursor -> {
            // newest first: forwards goes to older rows, backwards to newer ones
            query.and(
                    "(occurred_at, id) " + (page.backward() ? ">" : "<") + " (?, ?)", positionOf(cursor), cursor.id());
        });
        String direction = page.backward() ? " asc" : " desc";
        query.values.add(page.limit() + 1);
        List<AuditEvent> rows = jdbc.query(
                "select " + COLUMNS + " from audit_events" + query.where + " order by occurred_at" + direction + ", id"
                        + direction + " limit ?",
                AuditTrailPersistenceAdapter::toEvent,
                query.values.toArray());
        return Pages.slice(rows, page);
    }

    @Override
    public long count(AuditFilter filter) {
        if (filter.isEmptyRange()) {
            return 0;
        }
        Conditions query = conditions(filter);
        Long count = jdbc.queryForObject(
                "select count(*) from audit_events" + query.where, Long.class, query.values.toArray());
        return count == null ? 0 : count;
    }

    private Conditions conditions(AuditFilter filter) {
        TenantId tenant = currentTenant
                .get()
                .orElseThrow(() -> new IllegalStateException("audit events are readable only inside a tenant"));
        Conditions query = new Conditions();
        query.and("tenant_id = ?", tenant.value());
        if (filter.entityType() != null) {
            query.and("entity_type = ?", filter.entityType());
        }
        if (filter.entityId() != null) {
            query.and("entity_id = ?", filter.entityId());
        }
        if (filter.from() != null) {
            query.and("occurred_at >= ?", Timestamps.of(filter.from()));
        }
        if (filter.to() != null) {
            query.and("occurred_at < ?", Timestamps.of(filter.to()));
        }
        return query;
    }

    private void setTenant(String value) {
        jdbc.queryForObject("select set_config('app.tenant_id', ?, true)", String.class, value);
    }

    private static OffsetDateTime positionOf(Cursor cursor) {
        if (!cursor.ordering().equals(AuditEvent.ORDERING)) {
            throw new InvalidCursorException("the cursor belongs to another ordering");
        }
        try {
            return Timestamps.of(Instant.parse(cursor.sortValue()));
        } catch (DateTimeParseException e) {
            throw new InvalidCursorException("the cursor is malformed");
        }
    }

    private static AuditEvent toEvent(ResultSet row, int index) throws SQLException {
        return new AuditEvent(
                row.getObject("id", UUID.class),
                row.getString("actor"),
                row.getString("action"),
                row.getString("entity_type"),
                row.getObject("entity_id", UUID.class),
                row.getString("before"),
                row.getString("after"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("request_id"));
    }

    /** A where clause of constant fragments and its parameter values, in order. */
    private static final class Conditions {

        private final StringBuilder where = new StringBuilder(" where 1 = 1");
        private final List<Object> values = new ArrayList<>();

        void and(String condition, Object... parameters) {
            where.append(" and ").append(condition);
            values.addAll(List.of(parameters));
        }
    }
}
