package dev.diligence.domain.audit;

import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.domain.tenant.TenantId;
import java.util.List;

/**
 * Port to the append-only audit trail. Appending writes into the caller's transaction, so an event
 * exists exactly when the change it records was committed. Reads see the current tenant's events
 * only, newest first ({@link AuditEvent#ORDERING}).
 */
public interface AuditTrail {

    /**
     * Appends {@code event} to the trail of {@code tenant}, which need not be the transaction's
     * current tenant: platform operations record events of the firm they act on.
     */
    void append(TenantId tenant, AuditEvent event);

    /** Appends {@code events} to the trail of {@code tenant}, in this order, as {@link #append} does, in one batch. */
    void appendAll(TenantId tenant, List<AuditEvent> events);

    /**
     * A page of the current tenant's events matching {@code filter}, newest first.
     *
     * @throws dev.diligence.domain.shared.paging.InvalidCursorException when the page's cursor was not
     *         issued for {@link AuditEvent#ORDERING} or is malformed
     */
    Slice<AuditEvent> page(AuditFilter filter, PageQuery page);

    long count(AuditFilter filter);
}
