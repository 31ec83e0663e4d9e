package dev.diligence.persistence.tenant;

import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.InvalidCursorException;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantCursors;
import dev.diligence.domain.tenant.TenantId;
import dev.diligence.domain.tenant.TenantKey;
import dev.diligence.domain.tenant.TenantStatus;
import dev.diligence.domain.tenant.Tenants;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Stores tenants in the platform table {@code tenants}. Callers provide the transaction. */
@Component
class TenantPersistenceAdapter implements Tenants {

    private final TenantJpaRepository repository;

    @PersistenceContext
    private EntityManager em;

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
        return repository.findAllByOrderByKeyAsc().stream()
                .map(TenantPersistenceAdapter::toDomain)
                .toList();
    }

    /** Keyset pages over the unique key (bytewise, V004): {@code key > :after} forwards, {@code key < :before} backwards. */
    @Override
    public Slice<Tenant> page(PageQuery page) {
        if (page.limit() == 0) {
            return new Slice<>(List.of(), false);
        }
        String direction = page.backward() ? "desc" : "asc";
        String after = page.from()
                .map(cursor -> " where t.key " + (page.backward() ? "<" : ">") + " :key")
                .orElse("");
        TypedQuery<TenantJpaEntity> query = em.createQuery(
                "select t from TenantJpaEntity t" + after + " order by t.key " + direction, TenantJpaEntity.class);
        page.from().ifPresent(cursor -> query.setParameter("key", key(cursor)));
        List<TenantJpaEntity> rows = query.setMaxResults(page.limit() + 1).getResultList();
        boolean hasMore = rows.size() > page.limit();
        List<Tenant> tenants = new ArrayList<>(rows.subList(0, Math.min(rows.size(), page.limit())).stream()
                .map(TenantPersistenceAdapter::toDomain)
                .toList());
        if (page.backward()) {
            Collections.reverse(tenants);
        }
        return new Slice<>(tenants, hasMore);
    }

    @Override
    public long count() {
        return repository.count();
    }

    private static String key(Cursor cursor) {
        if (!cursor.ordering().equals(TenantCursors.ORDERING)) {
            throw new InvalidCursorException("the cursor belongs to another list");
        }
        return cursor.sortValue();
    }

    @Override
    public boolean keyExists(TenantKey key) {
        return repository.existsByKey(key.value());
    }

    @Override
    public void add(Tenant tenant) {
        Instant createdAt = tenant.createdAt().truncatedTo(ChronoUnit.MICROS);
        repository.saveAndFlush(new TenantJpaEntity(
                tenant.id().value(),
                tenant.key().value(),
                tenant.name(),
                tenant.status().name(),
                createdAt,
                createdAt));
    }

    @Override
    public void update(Tenant tenant) {
        TenantJpaEntity entity = repository
                .findById(tenant.id().value())
                .orElseThrow(() -> new IllegalStateException("tenant " + tenant.id() + " does not exist"));
        entity.changeStatus(tenant.status().name(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        repository.flush();
    }

    private static Tenant toDomain(TenantJpaEntity entity) {
        return new Tenant(
                new TenantId(entity.getId()),
                new TenantKey(entity.getKey()),
                entity.getName(),
                TenantStatus.valueOf(entity.getStatus()),
                entity.getCreatedAt());
    }
}
