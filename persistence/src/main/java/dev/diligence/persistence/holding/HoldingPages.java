package dev.diligence.persistence.holding;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.holding.Holding;
import dev.diligence.domain.holding.HoldingCursors;
import dev.diligence.domain.holding.HoldingId;
import dev.diligence.domain.holding.HoldingTerms;
import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.InvalidCursorException;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pages of holdings for many parents (funds or companies) in one statement: a window function
 * numbers each parent's holdings in the order they were added and keeps the first
 * {@code limit + 1} of each after the cursor. Plain SQL, so the tenant is stated explicitly and
 * row-level security checks it again.
 */
@Component
class HoldingPages {

    /** Which column groups holdings into parents; never taken from input. */
    enum Parent {
        FUND("fund_id"),
        COMPANY("company_id");

        private final String column;

        Parent(String column) {
            this.column = column;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    HoldingPages(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    /** A page of each parent's holdings; every requested parent is a key, with an empty slice when it has none. */
    <K> Map<K, Slice<Holding>> page(Parent parent, Collection<UUID> parents, PageQuery page, Function<Holding, UUID> parentOf,
            Function<UUID, K> key) {
        Map<UUID, List<Holding>> rows = new LinkedHashMap<>();
        parents.forEach(id -> rows.put(id, new ArrayList<>()));
        if (!parents.isEmpty() && page.limit() > 0) {
            String direction = page.backward() ? "desc" : "asc";
            MapSqlParameterSource values = new MapSqlParameterSource("tenant", tenant())
                    .addValue("parents", parents)
                    .addValue("window", page.limit() + 1);
            String after = "";
            if (page.from().isPresent()) {
                Cursor cursor = page.from().get();
                after = " and (h.created_at, h.id) " + (page.backward() ? "<" : ">") + " (:afterAt, :afterId)";
                values.addValue("afterAt", OffsetDateTime.ofInstant(addedAt(cursor), ZoneOffset.UTC)).addValue("afterId", cursor.id());
            }
            String sql = """
                    select * from (
                        select h.id, h.fund_id, h.company_id, h.deal_stage, h.ownership_percentage, h.entry_date, h.exit_date,
                               h.deal_lead, h.version, h.created_at, h.updated_at,
                               row_number() over (partition by h.%1$s order by h.created_at %2$s, h.id %2$s) as position
                        from holdings h
                        where h.tenant_id = :tenant and h.%1$s in (:parents)%3$s
                    ) numbered
                    where position <= :window
                    order by %1$s, position""".formatted(parent.column, direction, after);
            jdbc.query(sql, values, row -> {
                Holding holding = map(row);
                rows.get(parentOf.apply(holding)).add(holding);
            });
        }
        Map<K, Slice<Holding>> slices = new LinkedHashMap<>();
        rows.forEach((id, holdings) -> slices.put(key.apply(id), slice(holdings, page)));
        return slices;
    }

    /** The number of holdings of each parent; parents without holdings count 0. */
    <K> Map<K, Long> count(Parent parent, Collection<UUID> parents, Function<UUID, K> key) {
        Map<K, Long> counts = new LinkedHashMap<>();
        parents.forEach(id -> counts.put(key.apply(id), 0L));
        if (!parents.isEmpty()) {
            jdbc.query("select %1$s as parent, count(*) as holdings from holdings where tenant_id = :tenant and %1$s in (:parents) group by %1$s"
                            .formatted(parent.column),
                    new MapSqlParameterSource("tenant", tenant()).addValue("parents", parents),
                    row -> {
                        counts.put(key.apply(row.getObject("parent", UUID.class)), row.getLong("holdings"));
                    });
        }
        return counts;
    }

    /**
     * Which of {@code companies} each of {@code funds} holds. One index probe per company (the
     * lateral subquery keeps the plan a nested loop over {@code holdings_by_company}): given both
     * lists as {@code in (...)}, PostgreSQL read every holding of the funds and filtered them, 48 ms
     * a call for a 500-item sync into funds of a few thousand holdings, against ~3 ms this way.
     */
    Map<FundId, Set<CompanyId>> companiesHeld(Collection<FundId> funds, Collection<CompanyId> companies) {
        Map<FundId, Set<CompanyId>> held = new HashMap<>();
        if (funds.isEmpty() || companies.isEmpty()) {
            return held;
        }
        jdbc.query("""
                select h.fund_id, h.company_id
                from unnest(cast(:companies as uuid[])) as wanted (company_id)
                cross join lateral (
                    select fund_id, company_id from holdings
                    where tenant_id = :tenant and company_id = wanted.company_id
                    offset 0) as h
                where h.fund_id = any(cast(:funds as uuid[]))""",
                new MapSqlParameterSource("tenant", tenant())
                        .addValue("companies", companies.stream().map(CompanyId::value).distinct().toArray(UUID[]::new))
                        .addValue("funds", funds.stream().map(FundId::value).distinct().toArray(UUID[]::new)),
                row -> {
                    held.computeIfAbsent(new FundId(row.getObject("fund_id", UUID.class)), fund -> new HashSet<>())
                            .add(new CompanyId(row.getObject("company_id", UUID.class)));
                });
        return held;
    }

    private static Slice<Holding> slice(List<Holding> holdings, PageQuery page) {
        boolean hasMore = holdings.size() > page.limit();
        List<Holding> items = new ArrayList<>(holdings.subList(0, Math.min(holdings.size(), page.limit())));
        if (page.backward()) {
            Collections.reverse(items);
        }
        return new Slice<>(items, hasMore);
    }

    private static Instant addedAt(Cursor cursor) {
        if (!cursor.ordering().equals(HoldingCursors.ORDERING)) {
            throw new InvalidCursorException("the cursor belongs to another list");
        }
        try {
            return Instant.parse(cursor.sortValue());
        } catch (DateTimeParseException e) {
            throw new InvalidCursorException("the cursor is malformed");
        }
    }

    private static Holding map(ResultSet row) throws SQLException {
        HoldingTerms terms = new HoldingTerms(DealStage.valueOf(row.getString("deal_stage")), row.getBigDecimal("ownership_percentage"),
                row.getObject("entry_date", LocalDate.class), row.getObject("exit_date", LocalDate.class), row.getString("deal_lead"));
        return new Holding(new HoldingId(row.getObject("id", UUID.class)), new FundId(row.getObject("fund_id", UUID.class)),
                new CompanyId(row.getObject("company_id", UUID.class)), terms, row.getLong("version"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private UUID tenant() {
        return currentTenant.get().orElseThrow(() -> new IllegalStateException("holdings need a current tenant")).value();
    }
}
