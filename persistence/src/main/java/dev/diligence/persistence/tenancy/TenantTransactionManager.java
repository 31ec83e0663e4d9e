package dev.diligence.persistence.tenancy;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.orm.jpa.JpaDialect;
import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * The one transaction manager of the application: JPA's, whose every transaction sets the tenant and
 * the caller's fund scope for row-level security as it begins ({@link TenantSettingsJpaDialect}). The
 * dialect is fixed here because {@link JpaTransactionManager#afterPropertiesSet()} would replace a
 * dialect set from outside with the entity manager factory's own.
 */
public class TenantTransactionManager extends JpaTransactionManager {

    private final transient TenantSettingsJpaDialect tenantSettings;

    public TenantTransactionManager(
            EntityManagerFactory emf, CurrentTenant currentTenant, CurrentFundScope currentFundScope) {
        super(emf);
        this.tenantSettings = new TenantSettingsJpaDialect(currentTenant, currentFundScope);
    }

    @Override
    public JpaDialect getJpaDialect() {
        return tenantSettings;
    }
}
