package dev.diligence.persistence.replica;

import java.sql.SQLException;
import java.util.Optional;

/** Where the replica's replay stands now. The application polls it ({@link ReplayedPosition}). */
@FunctionalInterface
public interface ReplayPosition {

    /**
     * The position up to which the replica has replayed the primary's WAL; empty when the server is
     * no replica (PostgreSQL's {@code pg_last_wal_replay_lsn()} is {@code NULL} outside recovery).
     *
     * @throws SQLException when the replica cannot be asked
     */
    Optional<WalPosition> read() throws SQLException;
}
