package dev.diligence.domain.shared.paging;

import java.util.Objects;
import java.util.UUID;

/**
 * A keyset position: the sort value and id of the last row a client saw. {@code ordering} names the
 * ordering the cursor was made for; a cursor is only valid with that same ordering.
 */
public record Cursor(String ordering, String sortValue, UUID id) {

    public Cursor {
        Objects.requireNonNull(ordering, "ordering");
        Objects.requireNonNull(sortValue, "sortValue");
        Objects.requireNonNull(id, "id");
    }
}
