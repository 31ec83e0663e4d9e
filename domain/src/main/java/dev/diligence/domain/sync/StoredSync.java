package dev.diligence.domain.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of an applied sync request, kept under its idempotency key so that a retry with the
 * same key and payload gets the same answer without applying anything again.
 *
 * @param payloadHash hex SHA-256 of the canonical form of the request's payload
 * @param result      the result as the application serialises it (a JSON document)
 */
public record StoredSync(
        String idempotencyKey, String source, String payloadHash, String result, String actor, Instant createdAt) {

    public StoredSync {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payloadHash, "payloadHash");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
