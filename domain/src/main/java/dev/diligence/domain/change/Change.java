package dev.diligence.domain.change;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the change feed.
 *
 * @param position   the entry's place in the firm's feed: unique, and increasing in commit order
 *                   (gaps are normal); a reader continues after the last position it read
 * @param occurredAt when the change was written; informational, not an order
 */
public record Change(
        long position, ChangedEntity entity, UUID entityId, ChangeOperation operation, Instant occurredAt) {}
