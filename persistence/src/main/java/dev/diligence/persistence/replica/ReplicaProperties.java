package dev.diligence.persistence.replica;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The streaming replica that replica-eligible reads may use ({@link ReplicaReads}); none when
 * {@code url} is absent or blank. README.md ("Read replica") describes the rules.
 *
 * @param url               JDBC URL of the replica
 * @param username          the replica's user; the primary's when absent
 * @param password          the replica's password; the primary's when absent
 * @param maximumPoolSize   most connections to the replica (its pool has the primary's timeouts and init SQL)
 * @param pollInterval      how often the replica's replay position is read
 * @param retryAfter        how long reads stay off the replica after it failed to connect
 * @param primaryAfterWrite how long a caller's reads stay on the primary after it wrote through this
 *                          process, for clients that do not send back the commit position
 */
@ConfigurationProperties("diligence.datasource.replica")
public record ReplicaProperties(
        String url,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("5") int maximumPoolSize,
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("5s") Duration primaryAfterWrite) {

    /** The property that configures a replica. */
    public static final String URL = "diligence.datasource.replica.url";
}
