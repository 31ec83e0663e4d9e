package dev.diligence.persistence.sql;

import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.InvalidCursorException;
import dev.diligence.domain.shared.paging.ListOrder;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The SQL of a keyset-paginated, filtered list of one tenant-owned table: the tenant stated first,
 * filters, one total ordering per {@link ListOrder}, and keyset positions compared as row values
 * {@code (sortKey, id) > (:sortValue, :sortId)} so every page is one index range scan. The table has
 * the columns {@code id}, {@code name}, {@code created_at} and {@code updated_at}, under the alias
 * given. Only constant fragments enter the statement's text; every value is a parameter.
 */
public final class KeysetQuery {

    private final String alias;
    private final StringBuilder where;
    private final MapSqlParameterSource parameters;

    /** A list of the rows of {@code tenant} in the table under {@code alias}. */
    public KeysetQuery(String alias, UUID tenant) {
        this.alias = alias;
        this.where = new StringBuilder("\nwhere ").append(alias).append(".tenant_id = :tenant");
        this.parameters = new MapSqlParameterSource("tenant", tenant);
    }

    /** Adds {@code and <condition>}; the condition names the table by its alias and the value as {@code :name}. */
    public KeysetQuery and(String condition, String name, Object value) {
        return and(condition, Map.of(name, value));
    }

    /** Adds {@code and <condition>} with several named parameters. */
    public KeysetQuery and(String condition, Map<String, ?> values) {
        where.append(" and ").append(condition);
        parameters.addValues(values);
        return this;
    }

    /** Adds a case-insensitive, wildcard-free substring match of {@code text} on {@code column}. */
    public KeysetQuery andContains(String column, String name, String text) {
        return and(
                "lower(" + alias + "." + column + ") like :" + name + " escape '\\'",
                name,
                "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%");
    }

    /**
     * One page, in the list's order, whether or not it pages backwards. {@code selectFrom} is the
     * statement up to its {@code where}: the columns, the table under the alias, any joins.
     */
    public <T> Slice<T> page(
            NamedParameterJdbcTemplate jdbc, String selectFrom, ListOrder order, PageQuery page, RowMapper<T> rows) {
        if (page.limit() == 0) {
            return new Slice<>(List.of(), false);
        }
        String column = alias + "." + sortColumn(order);
        boolean ascending = order.ascending() != page.backward();
        StringBuilder sql = new StringBuilder(selectFrom).append(where);
        MapSqlParameterSource values = new MapSqlParameterSource(parameters.getValues());
        page.from().ifPresent(cursor -> {
            sql.append(" and (")
                    .append(column)
                    .append(", ")
                    .append(alias)
                    .append(".id) ")
                    .append(ascending ? ">" : "<")
                    .append(" (:sortValue, :sortId)");
            values.addValue("sortValue", sortValue(order, cursor)).addValue("sortId", cursor.id());
        });
        String direction = ascending ? " asc" : " desc";
        sql.append("\norder by ")
                .append(column)
                .append(direction)
                .append(", ")
                .append(alias)
                .append(".id")
                .append(direction)
                .append("\nlimit :window");
        values.addValue("window", page.limit() + 1);
        List<T> found = jdbc.query(sql.toString(), values, rows);
        return Pages.slice(found, page);
    }

    /** How many rows the list has over all its pages; {@code table} is the table's name. */
    public long count(NamedParameterJdbcTemplate jdbc, String table) {
        Long count = jdbc.queryForObject("select count(*) from " + table + " " + alias + where, parameters, Long.class);
        return count == null ? 0 : count;
    }

    private static String sortColumn(ListOrder order) {
        return switch (order.key()) {
            case NAME -> "name";
            case CREATED_AT -> "created_at";
            case UPDATED_AT -> "updated_at";
        };
    }

    private static Object sortValue(ListOrder order, Cursor cursor) {
        if (!cursor.ordering().equals(order.name())) {
            throw new InvalidCursorException("the cursor belongs to another ordering");
        }
        if (order.key() == ListOrder.SortKey.NAME) {
            return cursor.sortValue();
        }
        try {
            return Instant.parse(cursor.sortValue()).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidCursorException("the cursor is malformed");
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
