package dev.diligence.domain.shared;

/** Stable codes of expected failures; clients branch on these, so codes are only ever added. */
public enum ViolationCode {
    /** A required value is missing or blank. */
    REQUIRED,
    /** A value is malformed or not one of the allowed values. */
    INVALID,
    /** A number or date lies outside its allowed range. */
    OUT_OF_RANGE,
    /** A value is longer than allowed. */
    TOO_LONG,
    /** The referenced object does not exist (or is not visible to the caller). */
    NOT_FOUND,
    /** The object changed since the caller read it; re-read and retry. */
    STALE_VERSION,
    /** A unique value is already used by another object. */
    ALREADY_EXISTS,
    /** The object's current state does not allow the operation. */
    INVALID_STATE,
    /** An idempotency key was used before with a different payload; choose a new key for a new request. */
    IDEMPOTENCY_KEY_REUSED,
    /** A request with this idempotency key is still being processed; retry later with the same key and payload. */
    IDEMPOTENCY_KEY_IN_FLIGHT
}
