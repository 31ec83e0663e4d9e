package dev.diligence.persistence.paging;

import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.InvalidCursorException;
import dev.diligence.domain.shared.paging.ListOrder;
import dev.diligence.domain.shared.paging.PageQuery;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the HQL of a keyset-paginated list of one entity: filters, one total ordering per
 * {@link ListOrder}, and keyset positions compared as row values {@code (sortKey, id) > (:key, :id)}
 * so every page is one index range scan. The entity must have the attributes {@code id},
 * {@code name}, {@code createdAt} and {@code updatedAt}, and alias {@code e}. Only constant
 * fragments enter the query text; every value is a parameter.
 */
public final class KeysetQuery<E> {

    private final Class<E> entity;
    private final StringBuilder where = new StringBuilder(" where 1 = 1");
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public KeysetQuery(Class<E> entity) {
        this.entity = entity;
    }

    /** Adds {@code and <condition>}; the condition refers to the entity as {@code e} and to {@code :name}. */
    public KeysetQuery<E> and(String condition, String name, Object value) {
        return and(condition, Map.of(name, value));
    }

    /** Adds {@code and <condition>} with several named parameters. */
    public KeysetQuery<E> and(String condition, Map<String, Object> values) {
        where.append(" and ").append(condition);
        parameters.putAll(values);
        return this;
    }

    /** Adds a case-insensitive, wildcard-free substring match of {@code text} on {@code attribute}. */
    public KeysetQuery<E> andContains(String attribute, String name, String text) {
        return and(
                "lower(e." + attribute + ") like :" + name + " escape '\\'",
                name,
                "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%");
    }

    /** The rows of {@code page}, plus one more when there are more, nearest to the cursor first. */
    public TypedQuery<E> page(EntityManager em, ListOrder order, PageQuery page) {
        String column = sortAttribute(order);
        boolean ascending = order.ascending() != page.backward();
        StringBuilder hql = new StringBuilder("select e from ")
                .append(entity.getSimpleName())
                .append(" e")
                .append(where);
        Map<String, Object> values = new LinkedHashMap<>(parameters);
        page.from().ifPresent(cursor -> {
            hql.append(" and (e.")
                    .append(column)
                    .append(", e.id) ")
                    .append(ascending ? ">" : "<")
                    .append(" (:sortValue, :sortId)");
            values.put("sortValue", sortValue(order, cursor));
            values.put("sortId", cursor.id());
        });
        String direction = ascending ? " asc" : " desc";
        hql.append(" order by e.")
                .append(column)
                .append(direction)
                .append(", e.id")
                .append(direction);
        TypedQuery<E> query = em.createQuery(hql.toString(), entity);
        values.forEach(query::setParameter);
        return query.setMaxResults(page.limit() + 1);
    }

    public TypedQuery<Long> count(EntityManager em) {
        TypedQuery<Long> query =
                em.createQuery("select count(e) from " + entity.getSimpleName() + " e" + where, Long.class);
        parameters.forEach(query::setParameter);
        return query;
    }

    private static String sortAttribute(ListOrder order) {
        return switch (order.key()) {
            case NAME -> "name";
            case CREATED_AT -> "createdAt";
            case UPDATED_AT -> "updatedAt";
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
            return Instant.parse(cursor.sortValue());
        } catch (DateTimeParseException e) {
            throw new InvalidCursorException("the cursor is malformed");
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
