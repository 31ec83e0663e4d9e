package dev.diligence.api.ops;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness's {@code db} component (it replaces Spring Boot's, by bean name): whether PostgreSQL
 * answers, within {@link #TIMEOUT_SECONDS} second, on a connection of its own. Not the pool's: a pool
 * busy with heavy requests is no reason to take the instance out of service, and a check that waits
 * for the pool would wait for its connection timeout before saying DOWN. The connection is kept and
 * checked with {@code isValid}; when it fails, one fresh connection is tried (the database may be
 * back after a restart), and if that fails too the database is DOWN. Checks run one at a time.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator, DisposableBean {

    /** Bound of each connect, login and validation of the check. */
    static final int TIMEOUT_SECONDS = 1;

    private final String url;
    private final Properties connectionProperties = new Properties();
    private @Nullable Connection connection;

    DatabaseHealthIndicator(DataSource dataSource) {
        if (!(dataSource instanceof HikariDataSource pool)) {
            throw new IllegalStateException(
                    "the database health check expects the Hikari pool, found " + dataSource.getClass());
        }
        this.url = pool.getJdbcUrl();
        connectionProperties.setProperty("user", pool.getUsername());
        if (pool.getPassword() != null) {
            connectionProperties.setProperty("password", pool.getPassword());
        }
        connectionProperties.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        connectionProperties.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        connectionProperties.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS + 1));
        connectionProperties.setProperty("ApplicationName", "diligence-readiness");
    }

    @Override
    public synchronized Health health() {
        if (valid(connection)) {
            return Health.up().build();
        }
        close();
        try {
            connection = DriverManager.getConnection(url, connectionProperties);
        } catch (SQLException unreachable) {
            return Health.down().build();
        }
        return valid(connection) ? Health.up().build() : Health.down().build();
    }

    private static boolean valid(@Nullable Connection candidate) {
        try {
            return candidate != null && candidate.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being replaced because it no longer works
            }
            connection = null;
        }
    }

    @Override
    public synchronized void destroy() {
        close();
    }
}
