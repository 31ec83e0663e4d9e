package dev.diligence.api.tenant;

import dev.diligence.api.audit.AuditRecorder;
import dev.diligence.api.security.Authorities;
import dev.diligence.api.security.TenantDirectory;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantKey;
import dev.diligence.domain.tenant.Tenants;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform operations on firms. Only platform administrators may call them. Every successful change
 * is recorded in the audit trail of the firm it changed, in the same transaction.
 */
@Service
@Transactional
@PreAuthorize(Authorities.PLATFORM_ADMIN)
public class TenantService {

    /** The GraphQL type of tenants, as audit events name it. */
    private static final String AUDITED_TYPE = "Tenant";

    private final Tenants tenants;
    private final TenantDirectory directory;
    private final AuditRecorder audit;
    private final Clock clock;

    TenantService(Tenants tenants, TenantDirectory directory, AuditRecorder audit, Clock clock) {
        this.tenants = tenants;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public Tenant create(String key, String name) {
        Tenant tenant = Tenant.register(key, name, clock.instant());
        if (tenants.keyExists(tenant.key())) {
            throw new RuleViolationException(
                    Violation.of("key", ViolationCode.ALREADY_EXISTS, "a tenant with this key already exists"));
        }
        tenants.add(tenant);
        audit.recordFor(tenant.id(), "createTenant", AUDITED_TYPE, tenant.id().value(), null, TenantView.of(tenant));
        directory.evict(tenant.key());
        return tenant;
    }

    public Tenant archive(String key) {
        Tenant tenant = TenantKey.parse(key)
                .flatMap(tenants::findByKey)
                .orElseThrow(() -> new RuleViolationException(
                        Violation.of("key", ViolationCode.NOT_FOUND, "no tenant has this key")));
        Tenant archived = tenant.archive();
        tenants.update(archived);
        audit.recordFor(
                archived.id(),
                "archiveTenant",
                AUDITED_TYPE,
                archived.id().value(),
                TenantView.of(tenant),
                TenantView.of(archived));
        directory.evict(archived.key());
        return archived;
    }

    @Transactional(readOnly = true)
    public List<Tenant> all() {
        return tenants.all();
    }

    @Transactional(readOnly = true)
    public Slice<Tenant> page(PageQuery page) {
        return tenants.page(page);
    }

    @Transactional(readOnly = true)
    public long count() {
        return tenants.count();
    }
}
