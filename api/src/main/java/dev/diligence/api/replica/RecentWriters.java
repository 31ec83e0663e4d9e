package dev.diligence.api.replica;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.diligence.api.security.Caller;
import dev.diligence.persistence.replica.ReplicaConfigured;
import dev.diligence.persistence.replica.ReplicaProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The callers who wrote through this process within {@code diligence.datasource.replica.primary-after-write}:
 * their reads stay on the primary meanwhile, for clients that do not send back the commit
 * position. Per process: a write through another instance is not known here.
 */
@Component
@Conditional(ReplicaConfigured.class)
class RecentWriters {

    /** More callers than write within a few seconds; beyond it the oldest are forgotten early. */
    private static final long MAX_WRITERS = 100_000;

    private final Cache<String, Boolean> writers;

    RecentWriters(ReplicaProperties replica) {
        this.writers = Caffeine.newBuilder()
                .expireAfterWrite(replica.primaryAfterWrite())
                .maximumSize(MAX_WRITERS)
                .build();
    }

    /** The key of {@code caller} among writers: its firm and subject. */
    static String keyOf(Caller caller) {
        return caller.tenantKey().orElse("") + " " + caller.subject();
    }

    void wrote(String writer) {
        writers.put(writer, Boolean.TRUE);
    }

    boolean wroteRecently(String writer) {
        return writers.getIfPresent(writer) != null;
    }
}
