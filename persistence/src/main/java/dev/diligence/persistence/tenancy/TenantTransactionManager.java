package dev.diligence.persistence.tenancy;

import dev.diligence.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;

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
 */
public class TenantTransactionManager extends DataSourceTransactionManager {

    private static final String SET_TENANT_AND_SCOPE =
            "select set_config('app.tenant_id', ?, true), set_config('app.fund_scoped', ?, true),"
                    + " set_config('app.fund_scope_subject', ?, true)";

    private final transient CurrentTenant currentTenant;
    private final transient CurrentFundScope currentFundScope;

    public TenantTransactionManager(
            DataSource dataSource, CurrentTenant currentTenant, CurrentFundScope currentFundScope) {
        super(dataSource);
        this.currentTenant = currentTenant;
        this.currentFundScope = currentFundScope;
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
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
}
