package dev.diligence.domain.tenant;

/** Lifecycle of a tenant. Tokens of an archived tenant are rejected. */
public enum TenantStatus {
    ACTIVE,
    ARCHIVED
}
