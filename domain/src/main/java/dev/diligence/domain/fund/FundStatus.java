package dev.diligence.domain.fund;

/** Lifecycle of a fund. An archived fund is read-only. */
public enum FundStatus {
    ACTIVE,
    ARCHIVED
}
