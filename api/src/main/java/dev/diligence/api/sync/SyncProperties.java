package dev.diligence.api.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code syncDeals} ({@code diligence.sync.*}).
 *
 * @param idempotencyRetention how long a request's key and stored result are kept (at least 24 hours,
 *                             as the API promises); older ones are purged
 * @param purgeInterval        how often the purge runs (ISO 8601, e.g. {@code PT1H})
 */
@ConfigurationProperties("diligence.sync")
public record SyncProperties(
        @DefaultValue("24h") Duration idempotencyRetention,
        @DefaultValue("PT1H") Duration purgeInterval) {

    public static final Duration MIN_RETENTION = Duration.ofHours(24);

    public SyncProperties {
        if (idempotencyRetention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalArgumentException(
                    "diligence.sync.idempotency-retention must be at least 24h (the API promises it), not "
                            + idempotencyRetention);
        }
        if (purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("diligence.sync.purge-interval must be positive");
        }
    }
}
