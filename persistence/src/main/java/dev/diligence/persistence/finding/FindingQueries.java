package dev.diligence.persistence.finding;

import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingFilter;
import dev.diligence.domain.finding.FindingOrder;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.persistence.sql.Pages;
import dev.diligence.persistence.sql.Timestamps;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The filtered lists and counts of live findings, in one statement each. Plain SQL stating
 * {@code tenant_id} explicitly; row-level security (tenant and fund scope) checks every row again.
 * Called only from {@link FindingPersistenceAdapter}, so it runs in that adapter's mandatory transaction.
 */
@Component
class FindingQueries {

    /** Rows a streaming read fetches per round trip: memory holds this many findings at most. */
    static final int STREAM_FETCH_SIZE = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final CurrentTenant currentTenant;

    FindingQueries(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        // inside a transaction (autocommit off) the driver reads through a cursor, this many rows at a time
        fetching.setFetchSize(STREAM_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.currentTenant = currentTenant;
    }

    /** Every live finding of {@code filter} in the order raised, in one statement read a batch at a time. */
    void forEach(FindingFilter filter, Consumer<Finding> action) {
        MapSqlParameterSource values = FindingRows.tenant(currentTenant);
        streaming.query("select f.* " + where(filter, values) + " order by f.opened_at, f.id", values, rs -> {
            action.accept(FindingRows.of(rs));
        });
    }

    /** A keyset page in the order raised: {@code (opened_at, id)} ascending, or descending when paging backwards. */
    Slice<Finding> page(FindingFilter filter, PageQuery page) {
        if (page.limit() == 0) {
            return new Slice<>(List.of(), false);
        }
        MapSqlParameterSource values = FindingRows.tenant(currentTenant).addValue("window", page.limit() + 1);
        StringBuilder where = where(filter, values);
        if (page.from().isPresent()) {
            Cursor cursor = page.from().get();
            where.append(" and (f.opened_at, f.id) ")
                    .append(page.backward() ? "<" : ">")
                    .append(" (:afterAt, :afterId)");
            values.addValue("afterAt", Timestamps.of(openedAt(cursor))).addValue("afterId", cursor.id());
        }
        String direction = page.backward() ? "desc" : "asc";
        List<Finding> rows = new ArrayList<>(jdbc.query(
                "select f.* " + where + " order by f.opened_at " + direction + ", f.id " + direction + " limit :window",
                values,
                (rs, index) -> FindingRows.of(rs)));
        return Pages.slice(rows, page);
    }

    long count(FindingFilter filter) {
        MapSqlParameterSource values = FindingRows.tenant(currentTenant);
        Long count = jdbc.queryForObject("select count(*) " + where(filter, values), values, Long.class);
        return count == null ? 0 : count;
    }

    Map<Severity, Long> countBySeverity(FindingFilter filter) {
        Map<Severity, Long> counts = zeroPerSeverity();
        MapSqlParameterSource values = FindingRows.tenant(currentTenant);
        jdbc.query(
                "select f.severity, count(*) as findings " + where(filter, values) + " group by f.severity",
                values,
                rs -> {
                    counts.put(Severity.valueOf(rs.getString("severity")), rs.getLong("findings"));
                });
        return counts;
    }

    private static Map<Severity, Long> zeroPerSeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0L);
        }
        return counts;
    }

    /** {@code from ... where ...} of the live findings matching {@code filter}; adds the parameters it names to {@code values}. */
    private static StringBuilder where(FindingFilter filter, MapSqlParameterSource values) {
        StringBuilder sql = new StringBuilder("""
                from findings f
                join assessments a on a.tenant_id = f.tenant_id and a.id = f.assessment_id
                where f.tenant_id = :tenant and f.retired_at is null""");
        if (filter.assessment() != null) {
            sql.append(" and f.assessment_id = :assessment");
            values.addValue("assessment", filter.assessment().value());
        }
        if (filter.company() != null) {
            sql.append(" and a.company_id = :company");
            values.addValue("company", filter.company().value());
        }
        if (filter.fund() != null) {
            sql.append(
                    " and a.company_id in (select h.company_id from holdings h where h.tenant_id = :tenant and h.fund_id = :fund)");
            values.addValue("fund", filter.fund().value());
        }
        if (!filter.severities().isEmpty()) {
            sql.append(" and f.severity in (:severities)");
            values.addValue(
                    "severities",
                    filter.severities().stream().map(Enum::name).sorted().toList());
        }
        if (!filter.statuses().isEmpty()) {
            sql.append(" and f.status in (:statuses)");
            values.addValue(
                    "statuses",
                    filter.statuses().stream().map(Enum::name).sorted().toList());
        }
        filter.criterionPrefix().ifPresent(prefix -> {
            sql.append(" and starts_with(f.criterion_code, :prefix)");
            values.addValue("prefix", prefix);
        });
        if (filter.source() != null) {
            sql.append(" and f.source_kind = :source");
            values.addValue("source", filter.source().name());
        }
        return sql;
    }

    private static Instant openedAt(Cursor cursor) {
        return Pages.instant(cursor, FindingOrder.RAISED);
    }
}
