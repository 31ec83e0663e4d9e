package dev.diligence.persistence.company;

import dev.diligence.domain.company.Companies;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyFilter;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.company.CompanyProfile;
import dev.diligence.domain.company.ExternalReference;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.ListOrder;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.persistence.batch.BatchedFlush;
import dev.diligence.persistence.paging.KeysetQuery;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Companies of the current tenant in {@code companies}, with their external references. Every
 * method runs inside the caller's transaction, which sets the tenant on the connection. Writes go
 * through the entity and are flushed before they return; companies by id are read in one plain SQL
 * statement ({@link CompanyReader}); filtered pages load the references of a whole page in one more query.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class CompanyPersistenceAdapter implements Companies {

    @PersistenceContext
    private EntityManager em;

    private final CompanyReferenceStore references;
    private final CompanyReader reader;

    CompanyPersistenceAdapter(CompanyReferenceStore references, CompanyReader reader) {
        this.references = references;
        this.reader = reader;
    }

    @Override
    public Optional<Company> find(CompanyId id) {
        return reader.findAll(List.of(id)).stream().findFirst();
    }

    @Override
    public List<Company> findAll(Collection<CompanyId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return reader.findAll(ids);
    }

    @Override
    public Slice<Company> page(CompanyFilter filter, ListOrder order, PageQuery page) {
        if (page.limit() == 0) {
            return new Slice<>(List.of(), false);
        }
        List<CompanyJpaEntity> rows = query(filter).page(em, order, page).getResultList();
        boolean hasMore = rows.size() > page.limit();
        List<Company> companies = new ArrayList<>(withReferences(rows.subList(0, Math.min(rows.size(), page.limit()))));
        if (page.backward()) {
            Collections.reverse(companies);
        }
        return new Slice<>(companies, hasMore);
    }

    @Override
    public long count(CompanyFilter filter) {
        return query(filter).count(em).getSingleResult();
    }

    @Override
    public Optional<CompanyId> findByReference(String source, String externalId) {
        return references.ownerOf(source, externalId).map(CompanyId::new);
    }

    @Override
    public Map<String, CompanyId> findByReferences(String source, Collection<String> externalIds) {
        Map<String, CompanyId> owners = new HashMap<>();
        references
                .ownersOf(source, externalIds)
                .forEach((externalId, company) -> owners.put(externalId, new CompanyId(company)));
        return owners;
    }

    @Override
    public Company add(Company company) {
        return insert(List.of(company), em::flush).get(0);
    }

    @Override
    public Company update(Company company) {
        return change(List.of(company), em::flush).get(0);
    }

    @Override
    public List<Company> addAll(List<Company> companies) {
        if (companies.isEmpty()) {
            return List.of();
        }
        return insert(companies, () -> BatchedFlush.flush(em));
    }

    @Override
    public List<Company> updateAll(List<Company> companies) {
        if (companies.isEmpty()) {
            return List.of();
        }
        return change(companies, () -> BatchedFlush.flush(em));
    }

    /** One flush for all rows, then one batch of their references. */
    private List<Company> insert(List<Company> companies, Runnable flush) {
        List<CompanyJpaEntity> rows = new ArrayList<>();
        for (Company company : companies) {
            CompanyJpaEntity row = new CompanyJpaEntity(company.id().value());
            copy(company, row);
            em.persist(row);
            rows.add(row);
        }
        flush.run();
        references.addAll(referencesOf(companies));
        return stored(rows, companies);
    }

    /**
     * Checks every version before changing anything, then one flush and one replacement of all their
     * references. The rows are read in one query ({@link CompanyReader} reads around the persistence
     * context, so a batch read before does not leave them there).
     */
    private List<Company> change(List<Company> companies, Runnable flush) {
        if (companies.size() > 1) {
            // one query puts every row in the persistence context, so the finds below read none again
            // (a single row is one find either way)
            em.createQuery("select e from CompanyJpaEntity e where e.id in :ids", CompanyJpaEntity.class)
                    .setParameter(
                            "ids",
                            companies.stream()
                                    .map(company -> company.id().value())
                                    .toList())
                    .getResultList();
        }
        List<CompanyJpaEntity> rows = new ArrayList<>();
        for (Company company : companies) {
            CompanyJpaEntity row = em.find(CompanyJpaEntity.class, company.id().value());
            if (row == null || row.getVersion() != company.version()) {
                throw new RuleViolationException(Violation.of(
                        "expectedVersion",
                        ViolationCode.STALE_VERSION,
                        "the company was changed concurrently; read it again"));
            }
            rows.add(row);
        }
        for (int i = 0; i < companies.size(); i++) {
            copy(companies.get(i), rows.get(i));
        }
        flush.run();
        references.replaceAll(referencesOf(companies));
        return stored(rows, companies);
    }

    private static Map<UUID, List<ExternalReference>> referencesOf(List<Company> companies) {
        Map<UUID, List<ExternalReference>> byCompany = new LinkedHashMap<>();
        companies.forEach(company -> byCompany.put(company.id().value(), company.externalReferences()));
        return byCompany;
    }

    private static List<Company> stored(List<CompanyJpaEntity> rows, List<Company> companies) {
        List<Company> stored = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            stored.add(toDomain(rows.get(i), companies.get(i).externalReferences()));
        }
        return stored;
    }

    private List<Company> withReferences(List<CompanyJpaEntity> rows) {
        Map<UUID, List<ExternalReference>> byCompany = references.referencesOf(
                rows.stream().map(CompanyJpaEntity::getId).toList());
        return rows.stream()
                .map(row -> toDomain(row, byCompany.getOrDefault(row.getId(), List.of())))
                .toList();
    }

    private static KeysetQuery<CompanyJpaEntity> query(CompanyFilter filter) {
        KeysetQuery<CompanyJpaEntity> query = new KeysetQuery<>(CompanyJpaEntity.class);
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            query.andContains("name", "nameContains", filter.nameContains());
        }
        if (filter.sector() != null) {
            query.and("e.sector = :sector", "sector", filter.sector());
        }
        if (filter.stage() != null) {
            query.and("e.stage = :stage", "stage", filter.stage());
        }
        if (filter.headquartersCountry() != null) {
            query.and(
                    "e.headquartersCountry = :country",
                    "country",
                    filter.headquartersCountry().strip().toUpperCase(Locale.ROOT));
        }
        if (filter.archived() != null) {
            query.and("e.archived = :archived", "archived", filter.archived());
        }
        if (filter.fund() != null || filter.dealStage() != null) {
            StringBuilder held = new StringBuilder("exists (select 1 from HoldingJpaEntity h where h.companyId = e.id");
            Map<String, Object> values = new HashMap<>();
            if (filter.fund() != null) {
                held.append(" and h.fundId = :fund");
                values.put("fund", filter.fund().value());
            }
            if (filter.dealStage() != null) {
                held.append(" and h.dealStage = :dealStage");
                values.put("dealStage", filter.dealStage());
            }
            query.and(held.append(")").toString(), values);
        }
        return query;
    }

    private static void copy(Company company, CompanyJpaEntity row) {
        CompanyProfile profile = company.profile();
        row.assign(
                profile.name(),
                profile.website(),
                profile.sector(),
                profile.headquartersCountry(),
                profile.stage(),
                profile.employeeCount(),
                profile.description(),
                company.archived(),
                company.createdAt().truncatedTo(ChronoUnit.MICROS),
                company.updatedAt().truncatedTo(ChronoUnit.MICROS));
    }

    private static Company toDomain(CompanyJpaEntity row, List<ExternalReference> references) {
        CompanyProfile profile = new CompanyProfile(
                row.getName(),
                row.getWebsite(),
                row.getSector(),
                row.getHeadquartersCountry(),
                row.getStage(),
                row.getEmployeeCount(),
                row.getDescription());
        return new Company(
                new CompanyId(row.getId()),
                profile,
                references,
                row.isArchived(),
                row.getVersion(),
                row.getCreatedAt(),
                row.getUpdatedAt());
    }
}
