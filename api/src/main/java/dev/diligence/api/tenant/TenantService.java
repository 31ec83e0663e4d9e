package dev.diligence.api.tenant;

import dev.diligence.api.security.Authorities;
import dev.diligence.api.security.TenantDirectory;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantKey;
import dev.diligence.domain.tenant.Tenants;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Platform operations on firms. Only platform administrators may call them. */
@Service
@Transactional
@PreAuthorize(Authorities.PLATFORM_ADMIN)
public class TenantService {

    private final Tenants tenants;
    private final TenantDirectory directory;
    private final Clock clock;

    TenantService(Tenants tenants, TenantDirectory directory, Clock clock) {
        this.tenants = tenants;
        this.directory = directory;
        this.clock = clock;
    }

    public Tenant create(String key, String name) {
        Tenant tenant = Tenant.register(key, name, clock.instant());
        if (tenants.keyExists(tenant.key())) {
            throw new RuleViolationException(Violation.of("key", ViolationCode.ALREADY_EXISTS, "a tenant with this key already exists"));
        }
        tenants.add(tenant);
        directory.evict(tenant.key());
        return tenant;
    }

    public Tenant archive(String key) {
        Tenant tenant = TenantKey.parse(key).flatMap(tenants::findByKey)
                .orElseThrow(() -> new RuleViolationException(Violation.of("key", ViolationCode.NOT_FOUND, "no tenant has this key")));
        Tenant archived = tenant.archive();
        tenants.update(archived);
        directory.evict(archived.key());
        return archived;
    }

    @Transactional(readOnly = true)
    public List<Tenant> all() {
        return tenants.all();
    }
}
