package dev.diligence.persistence.company;

import dev.diligence.domain.company.Companies;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyFilter;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.company.ExternalReference;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.ListOrder;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.persistence.sql.KeysetQuery;
import dev.diligence.persistence.sql.Statements;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Companies of the current tenant in {@code companies}, with their external references, in plain SQL
 * stating {@code tenant_id} explicitly; row-level security checks it again. A company is read in one
 * statement with its references aggregated beside it ({@link CompanyRows}), by id or a page at a
 * time. Many companies are written in one batch, then their references in one more. Optimistic
 * concurrency: an update names the version it read and increments it. Every method runs inside the
 * caller's transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class CompanyPersistenceAdapter implements Companies {

    private static final String SELECT =
            "select " + CompanyRows.SELECT + "\nfrom companies co\n" + CompanyRows.REFERENCES;

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;
    private final CompanyReferenceQueries references;

    CompanyPersistenceAdapter(
            NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant, CompanyReferenceQueries references) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
        this.references = references;
    }

    @Override
    public Optional<Company> find(CompanyId id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    /** The companies with these ids that exist, in no particular order. */
    @Override
    public List<Company> findAll(Collection<CompanyId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                SELECT + "\nwhere co.tenant_id = :tenant and co.id in (:ids)",
                new MapSqlParameterSource("tenant", currentTenant.required())
                        .addValue(
                                "ids",
                                ids.stream().map(CompanyId::value).distinct().toList()),
                (rs, index) -> CompanyRows.company(rs));
    }

    @Override
    public Slice<Company> page(CompanyFilter filter, ListOrder order, PageQuery page) {
        return query(filter).page(jdbc, SELECT, order, page, (rs, index) -> CompanyRows.company(rs));
    }

    @Override
    public long count(CompanyFilter filter) {
        return query(filter).count(jdbc, "companies");
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
        return addAll(List.of(company)).get(0);
    }

    @Override
    public Company update(Company company) {
        return updateAll(List.of(company)).get(0);
    }

    /** One batch of rows, then one batch of their references. */
    @Override
    public List<Company> addAll(List<Company> companies) {
        if (companies.isEmpty()) {
            return List.of();
        }
        Statements.forEach(jdbc, CompanyRows.INSERT, parameters(companies));
        references.addAll(referencesOf(companies));
        return companies.stream().map(company -> CompanyRows.stored(company, 0)).toList();
    }

    /**
     * One batch of rows, each updated only at the version it was read at, then one replacement of all
     * their references. A row changed since fails the whole call (the caller's transaction rolls back).
     */
    @Override
    public List<Company> updateAll(List<Company> companies) {
        if (companies.isEmpty()) {
            return List.of();
        }
        for (int changed : Statements.forEach(jdbc, CompanyRows.UPDATE, parameters(companies))) {
            if (changed == 0) {
                throw new RuleViolationException(Violation.of(
                        "expectedVersion",
                        ViolationCode.STALE_VERSION,
                        "the company was changed concurrently; read it again"));
            }
        }
        references.replaceAll(referencesOf(companies));
        return companies.stream()
                .map(company -> CompanyRows.stored(company, company.version() + 1))
                .toList();
    }

    private KeysetQuery query(CompanyFilter filter) {
        KeysetQuery query = new KeysetQuery("co", currentTenant.required());
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            query.andContains("name", "nameContains", filter.nameContains());
        }
        if (filter.sector() != null) {
            query.and("co.sector = :sector", "sector", filter.sector().name());
        }
        if (filter.stage() != null) {
            query.and("co.stage = :stage", "stage", filter.stage().name());
        }
        if (filter.headquartersCountry() != null) {
            query.and(
                    "co.headquarters_country = :country",
                    "country",
                    filter.headquartersCountry().strip().toUpperCase(Locale.ROOT));
        }
        if (filter.archived() != null) {
            query.and("co.archived = :archived", "archived", filter.archived());
        }
        if (filter.fund() != null || filter.dealStage() != null) {
            StringBuilder held = new StringBuilder(
                    "exists (select 1 from holdings h where h.tenant_id = co.tenant_id and h.company_id = co.id");
            Map<String, Object> values = new HashMap<>();
            if (filter.fund() != null) {
                held.append(" and h.fund_id = :fund");
                values.put("fund", filter.fund().value());
            }
            if (filter.dealStage() != null) {
                held.append(" and h.deal_stage = :dealStage");
                values.put("dealStage", filter.dealStage().name());
            }
            query.and(held.append(")").toString(), values);
        }
        return query;
    }

    private MapSqlParameterSource[] parameters(List<Company> companies) {
        UUID tenant = currentTenant.required();
        return companies.stream()
                .map(company -> CompanyRows.parameters(tenant, company))
                .toArray(MapSqlParameterSource[]::new);
    }

    private static Map<UUID, List<ExternalReference>> referencesOf(List<Company> companies) {
        Map<UUID, List<ExternalReference>> byCompany = new LinkedHashMap<>();
        companies.forEach(company -> byCompany.put(company.id().value(), company.externalReferences()));
        return byCompany;
    }
}
