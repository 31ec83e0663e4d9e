package dev.diligence.api.sync;

import dev.diligence.api.security.Role;
import dev.diligence.api.security.SystemCaller;
import dev.diligence.api.tenant.TenantService;
import dev.diligence.domain.tenant.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges idempotency keys older than {@code diligence.sync.idempotency-retention}, every
 * {@code diligence.sync.purge-interval}. The application role sees no tenant's rows outside a tenant
 * transaction (row-level security raises), so the job works tenant by tenant: it lists the firms as a
 * platform system caller through {@link TenantService}, then purges each firm's expired keys in a
 * transaction of that firm, as a system caller of the firm with the integration role.
 */
@Component
class SyncKeyPurge {

    static final String SUBJECT = "system:sync-key-purge";
    private static final Logger log = LoggerFactory.getLogger(SyncKeyPurge.class);

    private final TenantService tenants;
    private final SyncService sync;
    private final SyncProperties properties;
    private final Clock clock;

    SyncKeyPurge(TenantService tenants, SyncService sync, SyncProperties properties, Clock clock) {
        this.tenants = tenants;
        this.sync = sync;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${diligence.sync.purge-interval:PT1H}",
            fixedDelayString = "${diligence.sync.purge-interval:PT1H}")
    void purgeExpired() {
        int purged = purgeExpiredAt(clock.instant());
        log.info("purged {} expired sync idempotency keys", purged);
    }

    /** Purges the keys that are expired at {@code now}, in every firm; returns how many. */
    int purgeExpiredAt(Instant now) {
        Instant threshold = now.minus(properties.idempotencyRetention());
        List<Tenant> all = SystemCaller.callAs(SUBJECT, Optional.empty(), Set.of(Role.PLATFORM_ADMIN), tenants::all);
        int purged = 0;
        for (Tenant tenant : all) {
            purged += SystemCaller.callAs(
                    SUBJECT, Optional.of(tenant), Set.of(Role.INTEGRATION), () -> sync.purgeStoredBefore(threshold));
        }
        return purged;
    }
}
