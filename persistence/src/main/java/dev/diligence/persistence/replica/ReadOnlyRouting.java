package dev.diligence.persistence.replica;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Where a read-only transaction reads, asked when it begins ({@link PrimaryWithReplicaReads} calls it
 * for read-only transactions only). The replica when all of these hold, else the primary:
 * <ul>
 * <li>the transaction is labelled replica-eligible ({@link ReplicaReads});</li>
 * <li>the replica's replay position is known ({@link ReplayedPosition}) and the caller's
 * read-your-writes rule accepts it ({@link ReadYourWrites});</li>
 * <li>the replica has not failed to connect lately ({@link ReplicaAvailability}) and connects now.</li>
 * </ul>
 * A replica that fails to connect costs the read nothing but the wait: it reads from the primary.
 * Every connection handed out is read-only ({@code BEGIN READ ONLY}), on the primary as before.
 * Counts reads per target in {@value #METRIC} (tag {@code target}: {@code primary}, {@code replica}).
 */
public final class ReadOnlyRouting extends AbstractDataSource {

    public static final String METRIC = "diligence.datasource.reads";

    private static final Logger log = LoggerFactory.getLogger(ReadOnlyRouting.class);

    private final DataSource primary;
    private final DataSource replica;
    private final ReplayedPosition replayed;
    private final ReplicaAvailability availability;
    private final ReadYourWrites readYourWrites;
    private final Counter primaryReads;
    private final Counter replicaReads;

    ReadOnlyRouting(
            DataSource primary,
            DataSource replica,
            ReplayedPosition replayed,
            ReplicaAvailability availability,
            ReadYourWrites readYourWrites,
            MeterRegistry meters) {
        this.primary = primary;
        this.replica = replica;
        this.replayed = replayed;
        this.availability = availability;
        this.readYourWrites = readYourWrites;
        this.primaryReads = readsOn("primary", meters);
        this.replicaReads = readsOn("replica", meters);
    }

    private static Counter readsOn(String target, MeterRegistry meters) {
        return Counter.builder(METRIC)
                .description("Read-only transactions by the server they read from")
                .tag("target", target)
                .register(meters);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = ReplicaReads.beginningEligible() ? replicaIfPossible() : null;
        if (connection == null) {
            connection = primary.getConnection();
            primaryReads.increment();
        } else {
            replicaReads.increment();
        }
        try {
            connection.setReadOnly(true);
        } catch (SQLException | RuntimeException failed) {
            connection.close();
            throw failed;
        }
        return connection;
    }

    /** A replica connection when the replica may serve this read and connects; else null. */
    private Connection replicaIfPossible() {
        Optional<WalPosition> position = replayed.latest();
        if (position.isEmpty() || !readYourWrites.replicaMayServe(position.get()) || !availability.mayTry()) {
            return null;
        }
        try {
            return replica.getConnection();
        } catch (SQLException unreachable) {
            availability.failed();
            log.warn("The replica does not connect; replica-eligible reads go to the primary for a while", unreachable);
            return null;
        }
    }

    /** Not supported: the transaction manager takes connections with the pools' own credentials. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("connections of the pools' own users only");
    }
}
