package dev.diligence.persistence.replica;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The replica's connection pool: small, with the primary pool's timeouts, init SQL (the statement
 * timeout) and driver properties (connect and socket timeouts). It never fails the application's
 * start: while the replica is away, its connects fail and reads go to the primary. Not a
 * {@link DataSource} bean, so the application's one {@code DataSource} stays the primary.
 */
final class ReplicaPool implements AutoCloseable {

    static final String NAME = "diligence-replica";

    private final HikariDataSource pool;

    private ReplicaPool(HikariDataSource pool) {
        this.pool = pool;
    }

    static ReplicaPool like(DataSource primaryDataSource, ReplicaProperties replica, MeterRegistry meters)
            throws SQLException {
        if (!primaryDataSource.isWrapperFor(HikariDataSource.class)) {
            throw new IllegalStateException(
                    "a replica needs the primary's Hikari pool to copy, found " + primaryDataSource.getClass());
        }
        HikariDataSource primary = primaryDataSource.unwrap(HikariDataSource.class);
        HikariConfig config = new HikariConfig();
        config.setPoolName(NAME);
        config.setJdbcUrl(replica.url());
        config.setUsername(replica.username() != null ? replica.username() : primary.getUsername());
        config.setPassword(replica.password() != null ? replica.password() : primary.getPassword());
        if (primary.getDriverClassName() != null) {
            config.setDriverClassName(primary.getDriverClassName());
        }
        config.setMaximumPoolSize(replica.maximumPoolSize());
        config.setConnectionTimeout(primary.getConnectionTimeout());
        config.setValidationTimeout(primary.getValidationTimeout());
        config.setIdleTimeout(primary.getIdleTimeout());
        config.setMaxLifetime(primary.getMaxLifetime());
        config.setKeepaliveTime(primary.getKeepaliveTime());
        config.setConnectionInitSql(primary.getConnectionInitSql());
        Properties driver = new Properties();
        driver.putAll(primary.getDataSourceProperties());
        config.setDataSourceProperties(driver);
        config.setInitializationFailTimeout(-1);
        config.setMetricRegistry(meters);
        return new ReplicaPool(new HikariDataSource(config));
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
