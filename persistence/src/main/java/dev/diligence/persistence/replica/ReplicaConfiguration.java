package dev.diligence.persistence.replica;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The replica's pool, its polled replay position and the routing of read-only transactions, when
 * a replica is configured ({@link ReplicaConfigured}); the transaction manager then begins on
 * {@link ReplicaRouting#transactionDataSource()}. None of them is a {@code DataSource} bean: the
 * application's one {@code DataSource} stays the primary pool. A {@link ReplayPosition} bean, if any, replaces asking the
 * replica (tests); a {@link ReadYourWrites} bean states the callers' rule (the API's, per request).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReplicaConfigured.class)
@EnableConfigurationProperties(ReplicaProperties.class)
public class ReplicaConfiguration {

    @Bean(destroyMethod = "close")
    ReplicaPool replicaPool(DataSource dataSource, ReplicaProperties replica, MeterRegistry meters)
            throws SQLException {
        return ReplicaPool.like(dataSource, replica, meters);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ReplayedPosition replayedPosition(
            ReplicaPool pool, ReplicaProperties replica, ObjectProvider<ReplayPosition> replayPosition) {
        return new ReplayedPosition(
                replayPosition.getIfAvailable(() -> new StandbyReplayPosition(pool.dataSource())),
                replica.pollInterval());
    }

    @Bean
    ReplicaRouting replicaRouting(
            DataSource dataSource,
            ReplicaPool pool,
            ReplayedPosition replayedPosition,
            ReplicaProperties replica,
            ObjectProvider<ReadYourWrites> readYourWrites,
            MeterRegistry meters) {
        ReadOnlyRouting readOnly = new ReadOnlyRouting(
                dataSource,
                pool.dataSource(),
                replayedPosition,
                new ReplicaAvailability(replica.retryAfter()),
                readYourWrites.getIfAvailable(() -> ReadYourWrites.NONE),
                meters);
        return new ReplicaRouting(new PrimaryWithReplicaReads(dataSource, readOnly));
    }
}
