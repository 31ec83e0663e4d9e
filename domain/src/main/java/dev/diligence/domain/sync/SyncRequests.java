package dev.diligence.domain.sync;

import java.time.Instant;
import java.util.Optional;

/** Port to the stored results of the current tenant's sync requests, by idempotency key. */
public interface SyncRequests {

    Optional<StoredSync> find(String idempotencyKey);

    /** Stores the result of an applied request; fails if the key is stored already. */
    void add(StoredSync sync);

    /** Removes the current tenant's requests stored before {@code threshold}; returns how many. */
    int removeStoredBefore(Instant threshold);
}
