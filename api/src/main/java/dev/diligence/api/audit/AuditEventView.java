package dev.diligence.api.audit;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.domain.audit.AuditEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * GraphQL {@code AuditEvent}; its {@code actor} is resolved from {@code actorSubject} in batches.
 *
 * @param before the recorded object before the change, as maps, lists and values
 * @param after  the recorded object after the change, as maps, lists and values
 */
public record AuditEventView(
        String id,
        String actorSubject,
        String action,
        String entityType,
        String entityId,
        @Nullable Object before,
        @Nullable Object after,
        OffsetDateTime occurredAt,
        @Nullable String requestId) {

    public static final String TYPE = "AuditEvent";

    static AuditEventView of(AuditEvent event, AuditDocuments documents) {
        return new AuditEventView(
                GlobalId.encode(TYPE, event.id()),
                event.actor(),
                event.action(),
                event.entityType(),
                GlobalId.encode(event.entityType(), event.entityId()),
                documents.read(event.before()),
                documents.read(event.after()),
                event.occurredAt().atOffset(ZoneOffset.UTC),
                event.requestId());
    }
}
