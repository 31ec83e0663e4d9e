package dev.diligence.persistence.tenancy;

import dev.diligence.domain.tenant.TenantId;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.Session;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.TransactionDefinition;

/**
 * Hibernate's JPA dialect, plus the session settings row-level security reads. Right after a
 * transaction begins it sets the current tenant and the caller's fund scope on the very connection
 * the transaction uses, transaction-local ({@code set_config(..., true)}), in one statement, so a
 * pooled connection never carries them into the next transaction. Without a current tenant nothing
 * is set, and any access to tenant-owned tables in that transaction fails in the database.
 *
 * <p>The fund scope is two settings (migration V022): {@code app.fund_scoped} is {@code 'false'}
 * for a tenant-wide caller and {@code 'true'} for a restricted one, whose subject goes into
 * {@code app.fund_scope_subject}. The database treats anything but {@code 'false'} as restricted,
 * so a transaction that fails to say it is tenant-wide reads no fund-scoped row.
 *
 * <p>The settings are made here, inside {@link TenantTransactionManager}'s begin, and not after it:
 * until this method returns, nothing of the transaction is bound to the thread. When the statement
 * fails (the database restarted, the connection broke), the transaction manager rolls back, closes
 * the entity manager (returning the connection to the pool, which discards a broken one) and binds
 * nothing, so the thread's next transaction starts afresh on a good connection.
 */
final class TenantSettingsJpaDialect extends HibernateJpaDialect {

    private static final String SET_TENANT_AND_SCOPE =
            "select set_config('app.tenant_id', ?, true), set_config('app.fund_scoped', ?, true),"
                    + " set_config('app.fund_scope_subject', ?, true)";

    private final transient CurrentTenant currentTenant;
    private final transient CurrentFundScope currentFundScope;

    TenantSettingsJpaDialect(CurrentTenant currentTenant, CurrentFundScope currentFundScope) {
        this.currentTenant = currentTenant;
        this.currentFundScope = currentFundScope;
    }

    @Override
    public Object beginTransaction(EntityManager entityManager, TransactionDefinition definition) throws SQLException {
        Object transactionData = super.beginTransaction(entityManager, definition);
        Optional<TenantId> tenant = currentTenant.get();
        if (tenant.isPresent()) {
            String tenantId = tenant.get().value().toString();
            FundScope fundScope = currentFundScope.get();
            String subject = fundScope instanceof FundScope.GrantedTo granted ? granted.subject() : "";
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(SET_TENANT_AND_SCOPE)) {
                    statement.setString(1, tenantId);
                    statement.setString(2, fundScope instanceof FundScope.GrantedTo ? "true" : "false");
                    statement.setString(3, subject);
                    statement.execute();
                }
            });
        }
        return transactionData;
    }
}
