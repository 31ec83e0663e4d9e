package dev.diligence.persistence.tenancy;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires both tenancy layers: Hibernate's {@code @TenantId} and the database's row-level security. */
@Configuration(proxyBeanMethods = false)
public class TenancyConfiguration {

    @Bean
    HibernatePropertiesCustomizer tenantIdentifierResolverCustomizer(CurrentTenant currentTenant) {
        TenantIdentifierResolver resolver = new TenantIdentifierResolver(currentTenant);
        return properties -> properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, resolver);
    }

    @Bean
    PlatformTransactionManager transactionManager(
            EntityManagerFactory entityManagerFactory, CurrentTenant currentTenant, CurrentFundScope currentFundScope) {
        return new TenantTransactionManager(entityManagerFactory, currentTenant, currentFundScope);
    }
}
