package dev.diligence.api.sync;

import dev.diligence.api.audit.AuditRecorder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the changes of a sync in the audit trail through the ordinary {@link AuditRecorder}, as
 * action {@code syncDeals}, one batch per kind of object. The {@code after} document is the object's
 * GraphQL view (as for every other change) plus two members naming where the change came from:
 * {@code syncSource} and {@code syncExternalId}. {@code before} is the plain view (null on creation).
 */
@Component
class SyncAudit {

    static final String ACTION = "syncDeals";

    private final AuditRecorder audit;
    private final JsonMapper mapper;

    SyncAudit(AuditRecorder audit, JsonMapper mapper) {
        this.audit = audit;
        this.mapper = mapper;
    }

    /** One change a sync stored: the object's views before (null on creation) and after, and the item's external ID. */
    record SyncedChange(
            String entityType, UUID entityId, @Nullable Object before, Object after, String externalId) {}

    /** Records {@code changes}, all stored by a sync of {@code source}, in this order. */
    void recordAll(String source, List<SyncedChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        audit.recordAll(
                ACTION,
                changes.stream()
                        .map(change -> new AuditRecorder.Change(
                                change.entityType(),
                                change.entityId(),
                                change.before(),
                                document(change.after(), source, change.externalId())))
                        .toList());
    }

    private Map<String, Object> document(Object after, String source, String externalId) {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = new LinkedHashMap<>(mapper.convertValue(after, LinkedHashMap.class));
        document.put("syncSource", source);
        document.put("syncExternalId", externalId);
        return document;
    }
}
