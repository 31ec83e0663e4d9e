package dev.diligence.api.audit;

import dev.diligence.api.request.RequestIds;
import dev.diligence.api.security.Caller;
import dev.diligence.api.security.CurrentCaller;
import dev.diligence.domain.audit.AuditEvent;
import dev.diligence.domain.audit.AuditTrail;
import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records successful changes in the audit trail: who (the current caller), what, on which object,
 * the object before and after, when, and in which request. Must be called inside the changing
 * service's transaction, after the change succeeded: the event then commits or rolls back with it.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class AuditRecorder {

    private final AuditTrail trail;
    private final AuditDocuments documents;
    private final Clock clock;

    AuditRecorder(AuditTrail trail, AuditDocuments documents, Clock clock) {
        this.trail = trail;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * Records a change in the caller's own firm.
     *
     * @param action     the GraphQL mutation that made the change, e.g. {@code createFund}
     * @param entityType the GraphQL type of the changed object, e.g. {@code Fund}
     * @param before     the object's view before the change; null when it was created
     * @param after      the object's view after the change; null when it was removed
     */
    public void record(
            String action, String entityType, UUID entityId, @Nullable Object before, @Nullable Object after) {
        TenantId tenant = CurrentCaller.get()
                .tenant()
                .map(Tenant::id)
                .orElseThrow(() -> new IllegalStateException("a change inside a firm needs a caller of that firm"));
        recordFor(tenant, action, entityType, entityId, before, after);
    }

    /** One change of an object, as {@link #record} takes it. */
    public record Change(
            String entityType,
            UUID entityId,
            @Nullable Object before,
            @Nullable Object after) {}

    /** Records many changes in the caller's own firm, in this order, with one batch of inserts. */
    public void recordAll(String action, List<Change> changes) {
        TenantId tenant = CurrentCaller.get()
                .tenant()
                .map(Tenant::id)
                .orElseThrow(() -> new IllegalStateException("a change inside a firm needs a caller of that firm"));
        Caller caller = CurrentCaller.get();
        String requestId = RequestIds.current().orElse(null);
        trail.appendAll(
                tenant,
                changes.stream()
                        .map(change -> new AuditEvent(
                                UUID.randomUUID(),
                                caller.subject(),
                                action,
                                change.entityType(),
                                change.entityId(),
                                documents.write(change.before()),
                                documents.write(change.after()),
                                clock.instant().truncatedTo(ChronoUnit.MICROS),
                                requestId))
                        .toList());
    }

    /** Records a change that a platform operation made to {@code tenant}, in that firm's trail. */
    public void recordFor(
            TenantId tenant,
            String action,
            String entityType,
            UUID entityId,
            @Nullable Object before,
            @Nullable Object after) {
        Caller caller = CurrentCaller.get();
        trail.append(
                tenant,
                new AuditEvent(
                        UUID.randomUUID(),
                        caller.subject(),
                        action,
                        entityType,
                        entityId,
                        documents.write(before),
                        documents.write(after),
                        clock.instant().truncatedTo(ChronoUnit.MICROS),
                        RequestIds.current().orElse(null)));
    }
}
