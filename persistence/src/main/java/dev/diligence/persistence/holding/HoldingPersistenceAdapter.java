package dev.diligence.persistence.holding;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.Holding;
import dev.diligence.domain.holding.HoldingId;
import dev.diligence.domain.holding.HoldingPage;
import dev.diligence.domain.holding.HoldingReads;
import dev.diligence.domain.holding.HoldingTerms;
import dev.diligence.domain.holding.Holdings;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.persistence.batch.BatchedFlush;
import dev.diligence.persistence.holding.HoldingPages.Parent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holdings of the current tenant in {@code holdings}: single holdings through JPA, pages for many
 * funds or companies at once through {@link HoldingPages}. Runs inside the caller's transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class HoldingPersistenceAdapter implements Holdings {

    @PersistenceContext
    private EntityManager em;

    private final HoldingPages pages;

    HoldingPersistenceAdapter(HoldingPages pages) {
        this.pages = pages;
    }

    @Override
    public Optional<Holding> find(HoldingId id) {
        return Optional.ofNullable(em.find(HoldingJpaEntity.class, id.value()))
                .map(HoldingPersistenceAdapter::toDomain);
    }

    @Override
    public List<Holding> findAll(Collection<HoldingId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery("select h from HoldingJpaEntity h where h.id in :ids", HoldingJpaEntity.class)
                .setParameter(
                        "ids", ids.stream().map(HoldingId::value).distinct().toList())
                .getResultList()
                .stream()
                .map(HoldingPersistenceAdapter::toDomain)
                .toList();
    }

    @Override
    public boolean exists(FundId fund, CompanyId company) {
        return em.createQuery(
                                "select count(h) from HoldingJpaEntity h where h.fundId = :fund and h.companyId = :company",
                                Long.class)
                        .setParameter("fund", fund.value())
                        .setParameter("company", company.value())
                        .getSingleResult()
                > 0;
    }

    @Override
    public Map<FundId, HoldingPage> pageByFund(Collection<FundId> funds, PageQuery page, HoldingReads along) {
        return pages.page(
                Parent.FUND, funds.stream().map(FundId::value).distinct().toList(), page, along, FundId::new);
    }

    @Override
    public Map<CompanyId, HoldingPage> pageByCompany(
            Collection<CompanyId> companies, PageQuery page, HoldingReads along) {
        return pages.page(
                Parent.COMPANY,
                companies.stream().map(CompanyId::value).distinct().toList(),
                page,
                along,
                CompanyId::new);
    }

    @Override
    public Map<FundId, Set<CompanyId>> companiesHeld(Collection<FundId> funds, Collection<CompanyId> companies) {
        em.flush(); // plain SQL: holdings persisted in this transaction must be visible to it
        return pages.companiesHeld(funds, companies);
    }

    @Override
    public Holding add(Holding holding) {
        HoldingJpaEntity row = persist(holding);
        em.flush();
        return toDomain(row);
    }

    @Override
    public List<Holding> addAll(List<Holding> holdings) {
        if (holdings.isEmpty()) {
            return List.of();
        }
        List<HoldingJpaEntity> rows = holdings.stream().map(this::persist).toList();
        BatchedFlush.flush(em);
        return rows.stream().map(HoldingPersistenceAdapter::toDomain).toList();
    }

    @Override
    public Holding update(Holding holding) {
        HoldingJpaEntity row = current(holding);
        copy(holding, row);
        em.flush();
        return toDomain(row);
    }

    /** Checks every version before changing anything, then one batched flush. */
    @Override
    public List<Holding> updateAll(List<Holding> holdings) {
        if (holdings.isEmpty()) {
            return List.of();
        }
        List<HoldingJpaEntity> rows = holdings.stream().map(this::current).toList();
        for (int i = 0; i < holdings.size(); i++) {
            copy(holdings.get(i), rows.get(i));
        }
        BatchedFlush.flush(em);
        return rows.stream().map(HoldingPersistenceAdapter::toDomain).toList();
    }

    private HoldingJpaEntity persist(Holding holding) {
        HoldingJpaEntity row = new HoldingJpaEntity(
                holding.id().value(), holding.fund().value(), holding.company().value());
        copy(holding, row);
        em.persist(row);
        return row;
    }

    @Override
    public void remove(Holding holding) {
        em.remove(current(holding));
        em.flush();
    }

    private HoldingJpaEntity current(Holding holding) {
        HoldingJpaEntity row = em.find(HoldingJpaEntity.class, holding.id().value());
        if (row == null || row.getVersion() != holding.version()) {
            throw new RuleViolationException(Violation.of(
                    "expectedVersion",
                    ViolationCode.STALE_VERSION,
                    "the holding was changed or removed concurrently; read it again"));
        }
        return row;
    }

    private static void copy(Holding holding, HoldingJpaEntity row) {
        HoldingTerms terms = holding.terms();
        row.assign(
                terms.dealStage(),
                terms.ownershipPercentage(),
                terms.entryDate(),
                terms.exitDate(),
                terms.dealLead(),
                holding.createdAt().truncatedTo(ChronoUnit.MICROS),
                holding.updatedAt().truncatedTo(ChronoUnit.MICROS));
    }

    private static Holding toDomain(HoldingJpaEntity row) {
        HoldingTerms terms = new HoldingTerms(
                row.getDealStage(),
                row.getOwnershipPercentage(),
                row.getEntryDate(),
                row.getExitDate(),
                row.getDealLead());
        return new Holding(
                new HoldingId(row.getId()),
                new FundId(row.getFundId()),
                new CompanyId(row.getCompanyId()),
                terms,
                row.getVersion(),
                row.getCreatedAt(),
                row.getUpdatedAt());
    }
}
