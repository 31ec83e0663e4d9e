package dev.diligence.persistence.fund;

import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundFilter;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.Funds;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.ListOrder;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.persistence.paging.KeysetQuery;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Funds of the current tenant in the table {@code funds}. Writes and filtered pages go through the
 * entity, whose {@code @TenantId} scopes every query to the current tenant, and every write is
 * flushed before it returns; funds by id are read in one plain SQL statement ({@link FundReader}).
 * Row-level security scopes everything again in the database. Every method must run inside the
 * caller's transaction, which sets the tenant on the connection.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class FundPersistenceAdapter implements Funds {

    @PersistenceContext
    private EntityManager em;

    private final FundReader reader;

    FundPersistenceAdapter(FundReader reader) {
        this.reader = reader;
    }

    @Override
    public Optional<Fund> find(FundId id) {
        return reader.findAll(List.of(id)).stream().findFirst();
    }

    @Override
    public List<Fund> findAll(Collection<FundId> ids) {
        return reader.findAll(ids);
    }

    @Override
    public Slice<Fund> page(FundFilter filter, ListOrder order, PageQuery page) {
        if (page.limit() == 0) {
            return new Slice<>(List.of(), false);
        }
        List<FundJpaEntity> rows = query(filter).page(em, order, page).getResultList();
        boolean hasMore = rows.size() > page.limit();
        List<Fund> funds = new ArrayList<>(rows.subList(0, Math.min(rows.size(), page.limit())).stream()
                .map(FundMapper::toDomain)
                .toList());
        if (page.backward()) {
            Collections.reverse(funds);
        }
        return new Slice<>(funds, hasMore);
    }

    @Override
    public long count(FundFilter filter) {
        return query(filter).count(em).getSingleResult();
    }

    private static KeysetQuery<FundJpaEntity> query(FundFilter filter) {
        KeysetQuery<FundJpaEntity> query = new KeysetQuery<>(FundJpaEntity.class);
        if (filter.status() != null) {
            query.and("e.status = :status", "status", filter.status());
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            query.andContains("name", "nameContains", filter.nameContains());
        }
        return query;
    }

    @Override
    public boolean nameTaken(String name, Optional<FundId> except) {
        List<FundJpaEntity> sameName = em.createQuery(
                        "select f from FundJpaEntity f where lower(f.name) = :name", FundJpaEntity.class)
                .setParameter("name", name.strip().toLowerCase(Locale.ROOT))
                .getResultList();
        return sameName.stream()
                .anyMatch(
                        row -> except.map(id -> !id.value().equals(row.getId())).orElse(true));
    }

    @Override
    public Fund add(Fund fund) {
        FundJpaEntity row = new FundJpaEntity(fund.id().value());
        FundMapper.copy(fund, row);
        em.persist(row);
        em.flush();
        return FundMapper.toDomain(row);
    }

    @Override
    public Fund update(Fund fund) {
        FundJpaEntity row = em.find(FundJpaEntity.class, fund.id().value());
        if (row == null || row.getVersion() != fund.version()) {
            throw new RuleViolationException(Violation.of(
                    "expectedVersion",
                    ViolationCode.STALE_VERSION,
                    "the fund was changed or removed concurrently; read it again"));
        }
        FundMapper.copy(fund, row);
        em.flush();
        return FundMapper.toDomain(row);
    }
}
