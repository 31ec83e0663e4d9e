package dev.diligence.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The change feed (V019) of a freshly loaded tenant, as its triggers would have written it had the
 * rows been inserted one by one: a {@code CREATED} change per fund, company, holding and live finding,
 * a {@code PUBLISHED} change per published assessment. Positions come from the feed's own sequence in
 * the order the changes happened (ties broken by type and id), so the visible positions of the tenant
 * form an ascending prefix as the feed's invariant requires; {@code occurred_at} is the time of the
 * change in the data rather than the time of the load.
 */
final class ChangeFeedRows {

    private ChangeFeedRows() {}

    static void append(Connection admin, UUID tenant) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement("""
                insert into changes (tenant_id, entity_type, entity_id, operation, occurred_at, position)
                select tenant_id, entity_type, entity_id, operation, occurred_at, nextval('changes_position_seq')
                from (select tenant_id, entity_type, entity_id, operation, occurred_at from (
                          select tenant_id, 'FUND' as entity_type, id as entity_id, 'CREATED' as operation, created_at as occurred_at
                          from funds where tenant_id = ?
                          union all
                          select tenant_id, 'COMPANY', id, 'CREATED', created_at from companies where tenant_id = ?
                          union all
                          select tenant_id, 'HOLDING', id, 'CREATED', created_at from holdings where tenant_id = ?
                          union all
                          select tenant_id, 'ASSESSMENT', id, status, published_at from assessments
                          where tenant_id = ? and status in ('PUBLISHED', 'RETRACTED')
                          union all
                          select tenant_id, 'FINDING', id, 'CREATED', created_at from findings
                          where tenant_id = ? and retired_at is null) as created
                      order by occurred_at, entity_type, entity_id) as ordered""")) {
            for (int i = 1; i <= 5; i++) {
                statement.setObject(i, tenant);
            }
            statement.executeUpdate();
        }
    }
}
