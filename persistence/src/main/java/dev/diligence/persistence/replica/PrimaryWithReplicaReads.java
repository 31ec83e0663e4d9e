package dev.diligence.persistence.replica;

import javax.sql.DataSource;
import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The transaction manager's data source when a replica is configured: the primary, except that a
 * read-only transaction takes its connection from {@link ReadOnlyRouting}. Spring's
 * {@link LazyConnectionDataSourceProxy} makes the choice: its connection handle takes a real
 * connection only when first needed, from its read-only data source when {@code setReadOnly(true)}
 * was called before, which the transaction manager does while beginning a read-only transaction.
 * (The tenant's transaction manager fetches the real connection at the end of every begin.)
 *
 * <p>As an {@link InfrastructureProxy} it stands for the primary pool as the key a transaction's
 * connection is bound under, so data access code that gets its connections from the primary pool
 * ({@code JdbcTemplate} on the application's {@code DataSource}) finds the transaction's connection,
 * whichever server it is on.
 */
public final class PrimaryWithReplicaReads extends LazyConnectionDataSourceProxy implements InfrastructureProxy {

    public PrimaryWithReplicaReads(DataSource primary, ReadOnlyRouting readOnly) {
        super(primary);
        setReadOnlyDataSource(readOnly);
    }

    @Override
    public Object getWrappedObject() {
        return obtainTargetDataSource();
    }
}
