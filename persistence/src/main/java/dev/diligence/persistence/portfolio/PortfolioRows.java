package dev.diligence.persistence.portfolio;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.portfolio.HeatmapCell;
import dev.diligence.domain.portfolio.PercentileRank;
import dev.diligence.domain.portfolio.PortfolioOrder;
import dev.diligence.domain.portfolio.PortfolioPage;
import dev.diligence.domain.portfolio.PortfolioQuery;
import dev.diligence.domain.portfolio.PortfolioRow;
import dev.diligence.domain.portfolio.RemediationItem;
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.InvalidCursorException;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.persistence.company.CompanyRows;
import dev.diligence.persistence.finding.OpenFindingColumns;
import dev.diligence.persistence.sql.Pages;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pages of a portfolio's companies and of its remediation ranking, one statement each. The
 * percentile rank is a window over the whole cohort, computed before the page is cut, so it does not
 * depend on the page. Called only from {@link PortfolioPersistenceAdapter}, in its mandatory transaction.
 */
@Component
class PortfolioRows {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    PortfolioRows(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    PortfolioPage page(PortfolioQuery query, PortfolioOrder order, PageQuery page, boolean withCompanies) {
        if (page.limit() == 0) {
            return new PortfolioPage(new Slice<>(List.of(), false), Map.of());
        }
        PortfolioSql.Statement statement = pageStatement(query, order, page, withCompanies);
        Map<CompanyId, Company> companies = new HashMap<>();
        List<PortfolioRow> found = new ArrayList<>(jdbc.query(statement.sql(), statement.parameters(), (rs, index) -> {
            PortfolioRow row = row(rs);
            if (withCompanies) {
                companies.put(row.company(), CompanyRows.company(rs));
            }
            return row;
        }));
        Slice<PortfolioRow> slice = Pages.slice(found, page);
        companies
                .keySet()
                .retainAll(slice.items().stream().map(PortfolioRow::company).toList());
        return new PortfolioPage(slice, companies);
    }

    /**
     * The statement of a page of companies: {@code limit + 1} rows in the paging direction, with the
     * companies ({@link CompanyRows}) joined to the rows of the page when {@code withCompanies}.
     */
    PortfolioSql.Statement pageStatement(
            PortfolioQuery query, PortfolioOrder order, PageQuery page, boolean withCompanies) {
        MapSqlParameterSource values = PortfolioSql.parameters(currentTenant, query)
                .addValue("window", page.limit() + 1)
                .addValue("dimension", order.dimension());
        boolean ascending = order.ascending() != page.backward();
        String direction = ascending ? "asc" : "desc";
        String after = "";
        if (page.from().isPresent()) {
            Cursor cursor = page.from().get();
            if (!cursor.ordering().equals(order.name())) {
                throw new InvalidCursorException("the cursor belongs to another ordering");
            }
            values.addValue(
                            "afterKey",
                            order.key() == PortfolioOrder.Key.NAME ? cursor.sortValue() : number(cursor.sortValue()))
                    .addValue("afterId", cursor.id());
            after = " where (sort_key, company_id) " + (ascending ? ">" : "<") + " (:afterKey, :afterId)";
        }
        String sql = PortfolioSql.with(query)
                + """
                , ranked as (
                    select c.*, co.name,
                        count(c.overall_score) over () as cohort_size,
                        case when c.overall_score is null then null else rank() over (order by c.overall_score) - 1 end as lower_count,
                        %s as sort_key
                    from cohort c join companies co on co.tenant_id = :tenant and co.id = c.company_id
                ),
                paged as (
                    select * from ranked%s order by sort_key %s, company_id %s limit :window
                )
                select p.*,
                    (select array_agg(d.dimension_code || '=' || coalesce(d.score::text, '') order by d.position)
                       from assessment_dimension_results d where d.tenant_id = :tenant and d.assessment_id = p.id) as dimensions,
                    (select array_agg(f.rule_id || coalesce(' ' || f.criterion_code, '') order by f.position)
                       from assessment_red_flags f where f.tenant_id = :tenant and f.assessment_id = p.id) as red_flags,
                    (select array_agg(r.criterion_code || ':' || r.state || ':' || coalesce(r.effective_level::text, '') || ':' || r.gated
                              order by r.position)
                       from assessment_criterion_results r where r.tenant_id = :tenant and r.assessment_id = p.id) as heatmap,
                    %s%s
                from paged p
                %s%s
                order by sort_key %s, company_id %s""".formatted(
                                sortKey(order),
                                after,
                                direction,
                                direction,
                                OpenFindingColumns.SELECT,
                                withCompanies ? ",\n" + CompanyRows.SELECT : "",
                                OpenFindingColumns.of("p.company_id"),
                                withCompanies
                                        ? "\njoin companies co on co.tenant_id = :tenant and co.id = p.company_id\n"
                                                + CompanyRows.REFERENCES
                                        : "",
                                direction,
                                direction);
        return new PortfolioSql.Statement(sql, values);
    }

    /**
     * Criteria below target in {@link RemediationItem#RANKING}'s order: priority and gap descending, then
     * the company's name lower-cased (compared bytewise, collation "C", whatever the database's default),
     * the criterion code (bytewise too) and the company id ascending; backwards the reverse. The keyset is
     * all five.
     */
    Slice<RemediationItem> remediation(PortfolioQuery query, PageQuery page) {
        if (page.limit() == 0) {
            return new Slice<>(List.of(), false);
        }
        PortfolioSql.Statement statement = remediationStatement(query, page);
        List<RemediationItem> found = new ArrayList<>(jdbc.query(
                statement.sql(),
                statement.parameters(),
                (rs, index) -> new RemediationItem(
                        new CompanyId(rs.getObject("company_id", UUID.class)),
                        rs.getString("name"),
                        new AssessmentId(rs.getObject("assessment_id", UUID.class)),
                        rs.getString("criterion_code"),
                        rs.getInt("position"),
                        rs.getInt("gap"),
                        rs.getBigDecimal("priority"))));
        return Pages.slice(found, page);
    }

    /** The statement of a page of the remediation ranking: {@code limit + 1} rows in the paging direction. */
    PortfolioSql.Statement remediationStatement(PortfolioQuery query, PageQuery page) {
        MapSqlParameterSource values =
                PortfolioSql.parameters(currentTenant, query).addValue("window", page.limit() + 1);
        String after = "";
        if (page.from().isPresent()) {
            Cursor cursor = page.from().get();
            String[] parts = cursor.sortValue().split("\\|", 4);
            if (!cursor.ordering().equals(RemediationItem.ORDER) || parts.length != 4) {
                throw new InvalidCursorException("the cursor belongs to another list");
            }
            values.addValue("afterPriority", number(parts[0]))
                    .addValue("afterGap", integer(parts[1]))
                    .addValue("afterCode", parts[2])
                    .addValue("afterName", parts[3])
                    .addValue("afterCompany", cursor.id());
            // a row comparison with the descending keys (priority, gap) on the other side: forwards, the rows
            // after the cursor are those with a lower priority, or an equal one and a lower gap, or equal both
            // and a greater (name, code, company)
            after =
                    " where (:afterPriority, :afterGap, lower(r.name) collate \"C\", r.criterion_code collate \"C\", r.company_id)"
                            + (page.backward() ? " < " : " > ")
                            + "(r.priority, r.gap, lower(cast(:afterName as text)) collate \"C\", cast(:afterCode as text) collate \"C\", "
                            + "cast(:afterCompany as uuid))";
        }
        String direction = page.backward() ? "asc" : "desc";
        String reverse = page.backward() ? "desc" : "asc";
        String order =
                ("r.priority %1$s, r.gap %1$s, lower(r.name) collate \"C\" %2$s, r.criterion_code collate \"C\" %2$s, "
                                + "r.company_id %2$s")
                        .formatted(direction, reverse);
        return new PortfolioSql.Statement(PortfolioSql.with(query) + """
                , ranking as (
                    select c.company_id, co.name, c.id as assessment_id, r.criterion_code, r.position, r.gap, r.priority
                    from assessment_criterion_results r
                    join cohort c on r.tenant_id = :tenant and r.assessment_id = c.id
                    join companies co on co.tenant_id = :tenant and co.id = c.company_id
                    where r.gap > 0
                )
                select * from ranking r%s
                order by %s limit :window""".formatted(after, order), values);
    }

    /** The sort key of the ordering; never taken from input beyond the validated dimension code (a parameter). */
    private static String sortKey(PortfolioOrder order) {
        return switch (order.key()) {
            case OVERALL -> "coalesce(c.overall_score, -1)";
            case LEVEL -> "coalesce(c.level, -1)::numeric";
            case NAME -> "co.name";
            case DIMENSION ->
                "coalesce((select d.score from assessment_dimension_results d where d.tenant_id = :tenant"
                        + " and d.assessment_id = c.id and d.dimension_code = :dimension), -1)";
        };
    }

    private static PortfolioRow row(ResultSet rs) throws SQLException {
        int cohortSize = rs.getInt("cohort_size");
        long lower = rs.getLong("lower_count");
        boolean ranked = !rs.wasNull();
        Map<String, BigDecimal> dimensions = new LinkedHashMap<>();
        for (String entry : strings(rs, "dimensions")) {
            String[] parts = entry.split("=", 2);
            dimensions.put(parts[0], parts[1].isEmpty() ? null : new BigDecimal(parts[1]));
        }
        List<String> flags = strings(rs, "red_flags");
        Set<String> flaggedCriteria = new HashSet<>();
        flags.stream()
                .filter(flag -> flag.contains(" "))
                .forEach(flag -> flaggedCriteria.add(flag.substring(flag.indexOf(' ') + 1)));
        List<HeatmapCell> heatmap = new ArrayList<>();
        for (String entry : strings(rs, "heatmap")) {
            String[] parts = entry.split(":", -1);
            heatmap.add(new HeatmapCell(
                    parts[0],
                    ScoreState.valueOf(parts[1]),
                    parts[2].isEmpty() ? null : Integer.valueOf(parts[2]),
                    Boolean.parseBoolean(parts[3]),
                    flaggedCriteria.contains(parts[0])));
        }
        Map<Severity, Integer> open = new EnumMap<>(Severity.class);
        OpenFindingColumns.counts(rs).forEach((severity, count) -> open.put(severity, Math.toIntExact(count)));
        int level = rs.getInt("level");
        Integer levelOrNull = rs.wasNull() ? null : level;
        return new PortfolioRow(
                new CompanyId(rs.getObject("company_id", UUID.class)),
                rs.getString("name"),
                new AssessmentId(rs.getObject("id", UUID.class)),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                rs.getBigDecimal("overall_score"),
                rs.getBigDecimal("overall_percentage"),
                levelOrNull,
                rs.getBoolean("level_suppressed"),
                rs.getBigDecimal("coverage"),
                rs.getBigDecimal("overall_confidence"),
                rs.getBoolean("deal_level_red_flag"),
                dimensions,
                flags,
                open,
                cohortSize,
                ranked ? (int) lower : 0,
                ranked ? PercentileRank.of(lower, cohortSize).orElse(null) : null,
                heatmap);
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidCursorException("the cursor is malformed");
        }
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidCursorException("the cursor is malformed");
        }
    }
}
