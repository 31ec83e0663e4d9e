package dev.diligence.persistence.tenancy;

import dev.diligence.domain.tenant.TenantId;
import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.util.Optional;
import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one transaction manager of the application. At the start of every transaction it sets the
 * current tenant, and the fund scope of the caller, on the very connection the transaction uses,
 * transaction-local ({@code set_config(..., true)}), in one statement, so row-level security sees
 * them and a pooled connection never carries them into the next transaction. Without a current
 * tenant nothing is set, and any access to tenant-owned tables in that transaction fails in the
 * database.
 */
public class TenantTransactionManager extends JpaTransactionManager {

    private final transient CurrentTenant currentTenant;
    private final transient CurrentFundScope currentFundScope;

    public TenantTransactionManager(EntityManagerFactory emf, CurrentTenant currentTenant, CurrentFundScope currentFundScope) {
        super(emf);
        this.currentTenant = currentTenant;
        this.currentFundScope = currentFundScope;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        Optional<TenantId> tenant = currentTenant.get();
        if (tenant.isEmpty()) {
            return;
        }
        EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager.getResource(obtainEntityManagerFactory());
        if (holder == null) {
            throw new IllegalStateException("transaction began without an entity manager bound to it");
        }
        String tenantId = tenant.get().value().toString();
        String fundScopeSubject = currentFundScope.restrictedTo().orElse("");
        holder.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select set_config('app.tenant_id', ?, true), set_config('app.fund_scope_subject', ?, true)")) {
                statement.setString(1, tenantId);
                statement.setString(2, fundScopeSubject);
                statement.execute();
            }
        });
    }
}
