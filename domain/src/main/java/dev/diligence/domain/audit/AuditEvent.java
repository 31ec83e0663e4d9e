package dev.diligence.domain.audit;

import dev.diligence.domain.shared.paging.Cursor;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One successful change, as recorded in the audit trail. Never changed or removed once appended.
 *
 * @param actor      token subject of whoever made the change
 * @param action     what was done, named after the operation (e.g. {@code createFund})
 * @param entityType type of the changed object (e.g. {@code Fund})
 * @param entityId   id of the changed object
 * @param before     the object before the change as a JSON document; null when it was created
 * @param after      the object after the change as a JSON document; null when it was removed
 * @param requestId  ID of the request that made the change; null for work outside requests
 */
public record AuditEvent(
        UUID id,
        String actor,
        String action,
        String entityType,
        UUID entityId,
        @Nullable String before,
        @Nullable String after,
        Instant occurredAt,
        @Nullable String requestId) {

    /** The one ordering of audit lists: newest first, ties broken by id, descending too. */
    public static final String ORDERING = "OCCURRED_AT_DESC";

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        requireText(actor, "actor");
        requireText(action, "action");
        requireText(entityType, "entityType");
    }

    /** The keyset position of this event in {@link #ORDERING}: its time in ISO 8601 and its id. */
    public Cursor cursor() {
        return new Cursor(ORDERING, occurredAt.toString(), id);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
