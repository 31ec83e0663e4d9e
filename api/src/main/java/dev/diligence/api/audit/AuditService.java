package dev.diligence.api.audit;

import dev.diligence.api.security.Authorities;
import dev.diligence.domain.audit.AuditEvent;
import dev.diligence.domain.audit.AuditFilter;
import dev.diligence.domain.audit.AuditTrail;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the audit trail of the caller's firm. Only tenant admins may read it. */
@Service
@PreAuthorize(Authorities.TENANT_ADMIN)
@Transactional(readOnly = true)
public class AuditService {

    private final AuditTrail trail;

    AuditService(AuditTrail trail) {
        this.trail = trail;
    }

    /** A page of the events matching {@code filter}, newest first. */
    public Slice<AuditEvent> page(AuditFilter filter, PageQuery page) {
        return trail.page(filter, page);
    }

    public long count(AuditFilter filter) {
        return trail.count(filter);
    }
}
