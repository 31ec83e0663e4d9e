package dev.diligence.persistence.tenancy;

import dev.diligence.domain.tenant.TenantId;
import dev.diligence.persistence.replica.ReadYourWrites;
import dev.diligence.persistence.replica.ReplicaReads;
import dev.diligence.persistence.replica.WalPosition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one transaction manager of the application: plain JDBC transactions whose connection carries
 * the settings row-level security reads. Right after a transaction begins it sets the current tenant
 * and the caller's fund scope on the very connection the transaction uses, transaction-local
 * ({@code set_config(..., true)}), in one statement (the driver sends it with the {@code BEGIN}), so a
 * pooled connection never carries them into the next transaction. Without a current tenant nothing
 * is set, and any access to tenant-owned tables in that transaction fails in the database.
 *
 * <p>The fund scope is two settings (migration V022): {@code app.fund_scoped} is {@code 'false'}
 * for a tenant-wide caller and {@code 'true'} for a restricted one, whose subject goes into
 * {@code app.fund_scope_subject}. The database treats anything but {@code 'false'} as restricted,
 * so a transaction that fails to say it is tenant-wide reads no fund-scoped row.
 *
 * <p>The settings are made inside the begin ({@link #prepareTransactionalConnection}), before
 * anything of the transaction is bound to the thread. When the statement fails (the database
 * restarted, the connection broke), the begin fails: the connection goes back to the pool, which
 * discards a broken one, nothing is bound, and the thread's next transaction starts afresh.
 *
 * <p>With a replica ({@code dev.diligence.persistence.replica}), the data source hands out lazy
 * connections that take a real one from the primary, or for a read-only transaction from the
 * read routing; this manager takes the real connection at the end of every begin (as a plain pool
 * would, so a begin still fails when no connection can be had), while a replica-eligible
 * transaction ({@link ReplicaReads#eligible}) marks the thread. The tenant statement then runs on
 * whichever server the transaction reads from, so row-level security holds on the replica alike.
 * After a read-write transaction commits, when the thread's {@link ReadYourWrites} wants it, it
 * reads the primary's WAL position on the same connection and hands it over.
 */
public class TenantTransactionManager extends DataSourceTransactionManager {

    private static final String SET_TENANT_AND_SCOPE =
            "select set_config('app.tenant_id', ?, true), set_config('app.fund_scoped', ?, true),"
                    + " set_config('app.fund_scope_subject', ?, true)";

    /**
     * The insert position, not {@code pg_current_wal_lsn()} (the write position): the commit record
     * is inserted before the commit returns, also with {@code synchronous_commit = off}, so the
     * position read after the commit is at or past the commit's end either way.
     */
    private static final String POSITION_AFTER_COMMIT = "select pg_current_wal_insert_lsn()::text";

    private static final Logger log = LoggerFactory.getLogger(TenantTransactionManager.class);

    private final transient CurrentTenant currentTenant;
    private final transient CurrentFundScope currentFundScope;
    private final transient ReadYourWrites readYourWrites;

    public TenantTransactionManager(
            DataSource dataSource, CurrentTenant currentTenant, CurrentFundScope currentFundScope) {
        this(dataSource, currentTenant, currentFundScope, ReadYourWrites.NONE);
    }

    public TenantTransactionManager(
            DataSource dataSource,
            CurrentTenant currentTenant,
            CurrentFundScope currentFundScope,
            ReadYourWrites readYourWrites) {
        super(dataSource);
        this.currentTenant = currentTenant;
        this.currentFundScope = currentFundScope;
        this.readYourWrites = readYourWrites;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        if (ReplicaReads.eligible(definition)) {
            ReplicaReads.beginning(() -> super.doBegin(transaction, definition));
        } else {
            super.doBegin(transaction, definition);
        }
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        if (connection instanceof ConnectionProxy lazy) {
            lazy.getTargetConnection();
        }
        Optional<TenantId> tenant = currentTenant.get();
        if (tenant.isEmpty()) {
            return;
        }
        FundScope fundScope = currentFundScope.get();
        try (PreparedStatement statement = connection.prepareStatement(SET_TENANT_AND_SCOPE)) {
            statement.setString(1, tenant.get().value().toString());
            statement.setString(2, fundScope instanceof FundScope.GrantedTo ? "true" : "false");
            statement.setString(3, fundScope instanceof FundScope.GrantedTo granted ? granted.subject() : "");
            statement.execute();
        }
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        if (status.isReadOnly() || !readYourWrites.wantsCommitPositions()) {
            return;
        }
        ConnectionHolder holder = (ConnectionHolder) TransactionSynchronizationManager.getResource(obtainDataSource());
        try {
            Connection connection = holder.getConnection();
            // the transaction is over: read outside any, so nothing is left open
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(POSITION_AFTER_COMMIT)) {
                result.next();
                WalPosition.parse(result.getString(1)).ifPresent(readYourWrites::committed);
            }
        } catch (SQLException failed) {
            // the commit stands; the caller's next reads only lack the position to wait for
            log.warn("Cannot read the WAL position after a commit", failed);
        }
    }
}
