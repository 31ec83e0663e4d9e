package dev.diligence.persistence.tenant;

import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantId;
import dev.diligence.domain.tenant.TenantKey;
import dev.diligence.domain.tenant.TenantStatus;
import dev.diligence.domain.tenant.Tenants;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Stores tenants in the platform table {@code tenants}. Callers provide the transaction. */
@Component
class TenantPersistenceAdapter implements Tenants {

    private final TenantJpaRepository repository;

    TenantPersistenceAdapter(TenantJpaRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Tenant> findByKey(TenantKey key) {
        return repository.findByKey(key.value()).map(TenantPersistenceAdapter::toDomain);
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return repository.findById(id.value()).map(TenantPersistenceAdapter::toDomain);
    }

    @Override
    public List<Tenant> all() {
        return repository.findAllByOrderByKeyAsc().stream().map(TenantPersistenceAdapter::toDomain).toList();
    }

    @Override
    public boolean keyExists(TenantKey key) {
        return repository.existsByKey(key.value());
    }

    @Override
    public void add(Tenant tenant) {
        Instant createdAt = tenant.createdAt().truncatedTo(ChronoUnit.MICROS);
        repository.saveAndFlush(new TenantJpaEntity(tenant.id().value(), tenant.key().value(), tenant.name(),
                tenant.status().name(), createdAt, createdAt));
    }

    @Override
    public void update(Tenant tenant) {
        TenantJpaEntity entity = repository.findById(tenant.id().value())
                .orElseThrow(() -> new IllegalStateException("tenant " + tenant.id() + " does not exist"));
        entity.changeStatus(tenant.status().name(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        repository.flush();
    }

    private static Tenant toDomain(TenantJpaEntity entity) {
        return new Tenant(new TenantId(entity.getId()), new TenantKey(entity.getKey()), entity.getName(),
                TenantStatus.valueOf(entity.getStatus()), entity.getCreatedAt());
    }
}
