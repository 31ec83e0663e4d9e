package dev.diligence.domain.fund;

import dev.diligence.domain.shared.paging.Cursor;

/**
 * Orderings of fund lists. Each is total: ties on the sort key are broken by id, in the same direction.
 */
public enum FundOrder {
    NAME_ASC(SortKey.NAME, true),
    NAME_DESC(SortKey.NAME, false),
    CREATED_AT_ASC(SortKey.CREATED_AT, true),
    CREATED_AT_DESC(SortKey.CREATED_AT, false),
    UPDATED_AT_ASC(SortKey.UPDATED_AT, true),
    UPDATED_AT_DESC(SortKey.UPDATED_AT, false);

    /** What a fund list is sorted by. */
    public enum SortKey {
        NAME,
        CREATED_AT,
        UPDATED_AT
    }

    private final SortKey key;
    private final boolean ascending;

    FundOrder(SortKey key, boolean ascending) {
        this.key = key;
        this.ascending = ascending;
    }

    public SortKey key() {
        return key;
    }

    public boolean ascending() {
        return ascending;
    }

    public static FundOrder of(SortKey key, boolean ascending) {
        for (FundOrder order : values()) {
            if (order.key == key && order.ascending == ascending) {
                return order;
            }
        }
        throw new IllegalArgumentException("no ordering by " + key);
    }

    /** The keyset position of {@code fund} in this ordering; timestamps in ISO 8601. */
    public Cursor cursorOf(Fund fund) {
        String value = switch (key) {
            case NAME -> fund.profile().name();
            case CREATED_AT -> fund.createdAt().toString();
            case UPDATED_AT -> fund.updatedAt().toString();
        };
        return new Cursor(name(), value, fund.id().value());
    }
}
