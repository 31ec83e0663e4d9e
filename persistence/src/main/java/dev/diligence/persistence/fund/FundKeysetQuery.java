package dev.diligence.persistence.fund;

import dev.diligence.domain.fund.FundFilter;
import dev.diligence.domain.fund.FundOrder;
import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.InvalidCursorException;
import dev.diligence.domain.shared.paging.PageQuery;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the HQL of fund lists: filters, one total ordering per {@link FundOrder}, and keyset
 * positions compared as row values {@code (sortKey, id) > (:key, :id)} so every page is one index
 * range scan. Only constant fragments enter the query text; every value is a parameter.
 */
final class FundKeysetQuery {

    private final StringBuilder where = new StringBuilder(" where 1 = 1");
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    FundKeysetQuery(FundFilter filter) {
        if (filter.status() != null) {
            where.append(" and f.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            where.append(" and lower(f.name) like :namePattern escape '\\'");
            parameters.put("namePattern", "%" + escapeLike(filter.nameContains().strip().toLowerCase(Locale.ROOT)) + "%");
        }
    }

    TypedQuery<FundJpaEntity> page(EntityManager em, FundOrder order, PageQuery page) {
        String column = sortColumn(order);
        boolean ascending = order.ascending() != page.backward();
        StringBuilder hql = new StringBuilder("select f from FundJpaEntity f").append(where);
        Map<String, Object> values = new LinkedHashMap<>(parameters);
        page.from().ifPresent(cursor -> {
            hql.append(" and (f.").append(column).append(", f.id) ").append(ascending ? ">" : "<").append(" (:sortValue, :sortId)");
            values.put("sortValue", sortValue(order, cursor));
            values.put("sortId", cursor.id());
        });
        String direction = ascending ? " asc" : " desc";
        hql.append(" order by f.").append(column).append(direction).append(", f.id").append(direction);
        TypedQuery<FundJpaEntity> query = em.createQuery(hql.toString(), FundJpaEntity.class);
        values.forEach(query::setParameter);
        return query.setMaxResults(page.limit() + 1);
    }

    TypedQuery<Long> count(EntityManager em) {
        TypedQuery<Long> query = em.createQuery("select count(f) from FundJpaEntity f" + where, Long.class);
        parameters.forEach(query::setParameter);
        return query;
    }

    private static String sortColumn(FundOrder order) {
        return switch (order.key()) {
            case NAME -> "name";
            case CREATED_AT -> "createdAt";
            case UPDATED_AT -> "updatedAt";
        };
    }

    private static Object sortValue(FundOrder order, Cursor cursor) {
        if (!cursor.ordering().equals(order.name())) {
            throw new InvalidCursorException("the cursor belongs to another ordering");
        }
        if (order.key() == FundOrder.SortKey.NAME) {
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
