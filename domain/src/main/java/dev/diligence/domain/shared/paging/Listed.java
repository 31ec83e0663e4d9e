package dev.diligence.domain.shared.paging;

import java.time.Instant;
import java.util.UUID;

/** Something shown in lists that can be ordered by name, creation or last change. */
public interface Listed {

    /** The id that breaks ties between equal sort keys. */
    UUID listId();

    /** The name lists sort by. */
    String listName();

    Instant createdAt();

    Instant updatedAt();
}
