package dev.diligence.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantKey;
import dev.diligence.domain.tenant.Tenants;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves the tenant key of a token to an active tenant, caching answers for a short time so that
 * authentication costs no query on most requests. Archiving a tenant evicts it here at once; other
 * instances notice within {@link TokenProperties#tenantCacheTtl()}.
 */
@Component
public class TenantDirectory {

    private final Tenants tenants;
    private final TransactionTemplate readOnly;
    private final Cache<TenantKey, Optional<Tenant>> cache;

    TenantDirectory(Tenants tenants, PlatformTransactionManager transactionManager, TokenProperties properties) {
        this.tenants = tenants;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.tenantCacheTtl())
                .maximumSize(10_000)
                .build();
    }

    /** The active tenant with this key; empty when it does not exist or is archived. */
    public Optional<Tenant> activeTenant(TenantKey key) {
        return cache.get(key, this::load).filter(Tenant::isActive);
    }

    /**
     * Forgets what is known of {@code key}: at once, and again when the current transaction commits,
     * so that a request that read the tenant between the change and its commit cannot keep the
     * old answer cached.
     */
    public void evict(TenantKey key) {
        cache.invalidate(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(key);
                }
            });
        }
    }

    private Optional<Tenant> load(TenantKey key) {
        return readOnly.execute(status -> tenants.findByKey(key));
    }
}
