package dev.diligence.domain.sync;

/**
 * Locks of sync requests, held until the current transaction ends and scoped to the current tenant
 * (the same key or source in two tenants never contends).
 */
public interface SyncLocks {

    /**
     * Takes the lock of an idempotency key if nobody holds it; never waits.
     *
     * @return false when another transaction is processing a request with this key
     */
    boolean tryLockRequest(String idempotencyKey);

    /** Waits for and takes the lock of a source, so that syncs of one source apply one at a time. */
    void lockSource(String source);
}
