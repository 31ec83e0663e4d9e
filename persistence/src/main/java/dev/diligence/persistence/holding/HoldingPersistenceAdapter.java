package dev.diligence.persistence.holding;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.Holding;
import dev.diligence.domain.holding.HoldingId;
import dev.diligence.domain.holding.HoldingPage;
import dev.diligence.domain.holding.HoldingReads;
import dev.diligence.domain.holding.Holdings;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.persistence.holding.HoldingPageQueries.Parent;
import dev.diligence.persistence.sql.Statements;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holdings of the current tenant in {@code holdings}, in plain SQL stating {@code tenant_id}
 * explicitly; row-level security checks it again. Pages for many funds or companies at once come
 * from {@link HoldingPageQueries}. Many holdings are written in one batch. Optimistic concurrency: an update
 * or removal names the version it read. Every method runs inside the caller's transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class HoldingPersistenceAdapter implements Holdings {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;
    private final HoldingPageQueries pages;

    HoldingPersistenceAdapter(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant, HoldingPageQueries pages) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
        this.pages = pages;
    }

    @Override
    public Optional<Holding> find(HoldingId id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    /** The holdings with these ids that exist, in no particular order. */
    @Override
    public List<Holding> findAll(Collection<HoldingId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "select " + HoldingRows.COLUMNS + " from holdings h where h.tenant_id = :tenant and h.id in (:ids)",
                tenant().addValue(
                                "ids",
                                ids.stream().map(HoldingId::value).distinct().toList()),
                (rs, index) -> HoldingRows.of(rs));
    }

    @Override
    public boolean exists(FundId fund, CompanyId company) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from holdings where tenant_id = :tenant and fund_id = :fund"
                        + " and company_id = :company)",
                tenant().addValue("fund", fund.value()).addValue("company", company.value()),
                Boolean.class));
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
        return pages.companiesHeld(funds, companies);
    }

    @Override
    public Holding add(Holding holding) {
        return addAll(List.of(holding)).get(0);
    }

    @Override
    public List<Holding> addAll(List<Holding> holdings) {
        Statements.forEach(jdbc, HoldingRows.INSERT, parameters(holdings));
        return holdings.stream().map(holding -> HoldingRows.stored(holding, 0)).toList();
    }

    @Override
    public Holding update(Holding holding) {
        return updateAll(List.of(holding)).get(0);
    }

    /** One batch, each row updated only at the version it was read at; one changed since fails the whole call. */
    @Override
    public List<Holding> updateAll(List<Holding> holdings) {
        requireUnchanged(Statements.forEach(jdbc, HoldingRows.UPDATE, parameters(holdings)));
        return holdings.stream()
                .map(holding -> HoldingRows.stored(holding, holding.version() + 1))
                .toList();
    }

    @Override
    public void remove(Holding holding) {
        requireUnchanged(new int[] {
            jdbc.update(
                    "delete from holdings where tenant_id = :tenant and id = :id and version = :version",
                    tenant().addValue("id", holding.id().value()).addValue("version", holding.version()))
        });
    }

    private static void requireUnchanged(int[] changed) {
        for (int rows : changed) {
            if (rows == 0) {
                throw new RuleViolationException(Violation.of(
                        "expectedVersion",
                        ViolationCode.STALE_VERSION,
                        "the holding was changed or removed concurrently; read it again"));
            }
        }
    }

    private MapSqlParameterSource[] parameters(List<Holding> holdings) {
        UUID tenant = currentTenant.required();
        return holdings.stream()
                .map(holding -> HoldingRows.parameters(tenant, holding))
                .toArray(MapSqlParameterSource[]::new);
    }

    private MapSqlParameterSource tenant() {
        return new MapSqlParameterSource("tenant", currentTenant.required());
    }
}
