package dev.diligence.persistence.replica;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/** Asks the replica itself: {@code pg_last_wal_replay_lsn()}, on a connection of the replica's pool. */
final class StandbyReplayPosition implements ReplayPosition {

    private final DataSource replica;

    StandbyReplayPosition(DataSource replica) {
        this.replica = replica;
    }

    @Override
    public Optional<WalPosition> read() throws SQLException {
        try (Connection connection = replica.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select pg_last_wal_replay_lsn()::text")) {
            result.next();
            return WalPosition.parse(result.getString(1));
        }
    }
}
