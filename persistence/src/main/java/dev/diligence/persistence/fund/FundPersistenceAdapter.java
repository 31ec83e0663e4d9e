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
import dev.diligence.persistence.sql.KeysetQuery;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Funds of the current tenant in {@code funds}, in plain SQL stating {@code tenant_id} explicitly;
 * row-level security checks it again. Optimistic concurrency: an update names the version it read
 * and increments it. Every method runs inside the caller's transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class FundPersistenceAdapter implements Funds {

    private static final String SELECT = "select " + FundRows.COLUMNS + "\nfrom funds f";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    FundPersistenceAdapter(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    @Override
    public Optional<Fund> find(FundId id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    /** The funds with these ids that exist, in no particular order. */
    @Override
    public List<Fund> findAll(Collection<FundId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                SELECT + " where f.tenant_id = :tenant and f.id in (:ids)",
                tenant().addValue(
                                "ids",
                                ids.stream().map(FundId::value).distinct().toList()),
                (rs, index) -> FundRows.of(rs));
    }

    @Override
    public Slice<Fund> page(FundFilter filter, ListOrder order, PageQuery page) {
        return query(filter).page(jdbc, SELECT, order, page, (rs, index) -> FundRows.of(rs));
    }

    @Override
    public long count(FundFilter filter) {
        return query(filter).count(jdbc, "funds");
    }

    private KeysetQuery query(FundFilter filter) {
        KeysetQuery query = new KeysetQuery("f", currentTenant.required());
        if (filter.status() != null) {
            query.and("f.status = :status", "status", filter.status().name());
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            query.andContains("name", "nameContains", filter.nameContains());
        }
        return query;
    }

    @Override
    public boolean nameTaken(String name, Optional<FundId> except) {
        List<UUID> sameName = jdbc.queryForList(
                "select id from funds where tenant_id = :tenant and lower(name) = :name",
                tenant().addValue("name", name.strip().toLowerCase(Locale.ROOT)),
                UUID.class);
        return sameName.stream()
                .anyMatch(id -> except.map(kept -> !kept.value().equals(id)).orElse(true));
    }

    @Override
    public Fund add(Fund fund) {
        jdbc.update(FundRows.INSERT, FundRows.parameters(currentTenant.required(), fund));
        return FundRows.stored(fund, 0);
    }

    @Override
    public Fund update(Fund fund) {
        int changed = jdbc.update(FundRows.UPDATE, FundRows.parameters(currentTenant.required(), fund));
        if (changed == 0) {
            throw new RuleViolationException(Violation.of(
                    "expectedVersion",
                    ViolationCode.STALE_VERSION,
                    "the fund was changed or removed concurrently; read it again"));
        }
        return FundRows.stored(fund, fund.version() + 1);
    }

    private MapSqlParameterSource tenant() {
        return new MapSqlParameterSource("tenant", currentTenant.required());
    }
}
