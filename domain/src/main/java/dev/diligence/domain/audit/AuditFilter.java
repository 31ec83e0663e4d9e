package dev.diligence.domain.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which audit events a list shows. Null members do not filter; conditions combine with AND.
 *
 * @param entityType only events of objects of this type
 * @param entityId   only events of the object with this id
 * @param from       only events at or after this instant (inclusive)
 * @param to         only events before this instant (exclusive)
 */
public record AuditFilter(
        @Nullable String entityType,
        @Nullable UUID entityId,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }

    /** A filter that no event passes: an empty time range. */
    public static AuditFilter matchingNothing() {
        return new AuditFilter(null, null, Instant.EPOCH, Instant.EPOCH);
    }

    /** Whether the time range is empty, so that no event can pass whatever the other conditions. */
    public boolean isEmptyRange() {
        return from != null && to != null && !from.isBefore(to);
    }
}
