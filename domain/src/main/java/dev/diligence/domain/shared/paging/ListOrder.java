package dev.diligence.domain.shared.paging;

/**
 * Orderings of lists of {@link Listed} objects. Each is total: ties on the sort key are broken by
 * id, in the same direction.
 */
public enum ListOrder {
    NAME_ASC(SortKey.NAME, true),
    NAME_DESC(SortKey.NAME, false),
    CREATED_AT_ASC(SortKey.CREATED_AT, true),
    CREATED_AT_DESC(SortKey.CREATED_AT, false),
    UPDATED_AT_ASC(SortKey.UPDATED_AT, true),
    UPDATED_AT_DESC(SortKey.UPDATED_AT, false);

    /** What a list is sorted by. */
    public enum SortKey {
        NAME,
        CREATED_AT,
        UPDATED_AT
    }

    private final SortKey key;
    private final boolean ascending;

    ListOrder(SortKey key, boolean ascending) {
        this.key = key;
        this.ascending = ascending;
    }

    public SortKey key() {
        return key;
    }

    public boolean ascending() {
        return ascending;
    }

    public static ListOrder of(SortKey key, boolean ascending) {
        for (ListOrder order : values()) {
            if (order.key == key && order.ascending == ascending) {
                return order;
            }
        }
        throw new IllegalArgumentException("no ordering by " + key);
    }

    /** The keyset position of {@code item} in this ordering; timestamps in ISO 8601. */
    public Cursor cursorOf(Listed item) {
        String value = switch (key) {
            case NAME -> item.listName();
            case CREATED_AT -> item.createdAt().toString();
            case UPDATED_AT -> item.updatedAt().toString();
        };
        return new Cursor(name(), value, item.listId());
    }
}
