package dev.diligence.api.security;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantKey;
import dev.diligence.domain.tenant.Tenants;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves the tenant key of a token to an active tenant, caching answers for a short time so that
 * authentication costs no query on most requests. Archiving a tenant evicts it here at once; other
 * instances are told by {@link TenantChangeListener}, and forget it within
 * {@link TokenProperties#tenantCacheTtl()} even when they are not. Concurrent requests for a key that
 * is not cached share one lookup, made on the thread of the first: when the database is unreachable
 * they all fail together after one connection timeout, instead of one after another.
 */
@Component
public class TenantDirectory {

    private final Tenants tenants;
    private final TransactionTemplate readOnly;
    private final AsyncCache<TenantKey, Optional<Tenant>> cache;

    TenantDirectory(Tenants tenants, PlatformTransactionManager transactionManager, TokenProperties properties) {
        this.tenants = tenants;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.tenantCacheTtl())
                .maximumSize(10_000)
                .buildAsync();
    }

    /** The active tenant with this key; empty when it does not exist or is archived. */
    public Optional<Tenant> activeTenant(TenantKey key) {
        return lookUp(key).filter(Tenant::isActive);
    }

    /**
     * Forgets what is known of {@code key}: at once, and again when the current transaction commits,
     * so that a request that read the tenant between the change and its commit cannot keep the
     * old answer cached.
     */
    public void evict(TenantKey key) {
        evictLocally(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evictLocally(key);
                }
            });
        }
    }

    /** Forgets what is known of {@code key} now, whatever transaction is under way: for changes already committed. */
    void evictLocally(TenantKey key) {
        cache.synchronous().invalidate(key);
    }

    /** Forgets every tenant: for when changes committed meanwhile may have gone unnoticed. */
    void evictAll() {
        cache.synchronous().invalidateAll();
    }

    /**
     * The cached answer, the answer of a lookup in flight, or a lookup of this thread's (a failed one
     * is not cached). A cached answer, that of almost every request, is read without writing anything.
     */
    private Optional<Tenant> lookUp(TenantKey key) {
        CompletableFuture<Optional<Tenant>> known = cache.getIfPresent(key);
        if (known == null) {
            CompletableFuture<Optional<Tenant>> mine = new CompletableFuture<>();
            known = cache.asMap().putIfAbsent(key, mine);
            if (known == null) {
                known = mine;
                try {
                    mine.complete(load(key));
                } catch (RuntimeException | Error failure) {
                    mine.completeExceptionally(failure);
                }
            }
        }
        try {
            return known.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    private Optional<Tenant> load(TenantKey key) {
        return readOnly.execute(status -> tenants.findByKey(key));
    }
}
