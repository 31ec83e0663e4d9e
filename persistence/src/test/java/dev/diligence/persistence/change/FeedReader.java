package dev.diligence.persistence.change;

import static dev.diligence.persistence.testing.AppRoleSql.setTenant;

import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A client of the change feed as the application role: polls {@code position > cursor order by
 * position}, pages of a given size, moves its cursor to the last position it read, and remembers
 * everything it read and the cursor after each poll.
 */
final class FeedReader implements AutoCloseable {

    /** A change as the reader saw it. */
    record Read(long position, UUID entity) {}

    private final Connection connection;
    private final UUID tenant;
    private final List<Read> reads = new ArrayList<>();
    private long cursor;

    FeedReader(TestDatabase db, UUID tenant) throws SQLException {
        this.connection = db.connectAsApp();
        this.connection.setAutoCommit(false);
        this.tenant = tenant;
    }

    /** One poll of at most {@code limit} changes after the cursor; returns what it read. */
    List<Read> poll(int limit) throws SQLException {
        List<Read> page = new ArrayList<>();
        setTenant(connection, tenant);
        try (PreparedStatement query = connection.prepareStatement(
                "select position, entity_id from changes where tenant_id = ? and position > ? order by position limit ?")) {
            query.setObject(1, tenant);
            query.setLong(2, cursor);
            query.setInt(3, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    page.add(new Read(rows.getLong(1), rows.getObject(2, UUID.class)));
                }
            }
        }
        connection.commit();
        if (!page.isEmpty()) {
            cursor = page.get(page.size() - 1).position();
        }
        reads.addAll(page);
        return page;
    }

    /** Polls until a poll comes back empty. */
    void drain() throws SQLException {
        while (!poll(7).isEmpty()) {
            // keep paging
        }
    }

    long cursor() {
        return cursor;
    }

    List<Read> reads() {
        return List.copyOf(reads);
    }

    List<UUID> entitiesRead() {
        return reads.stream().map(Read::entity).toList();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
