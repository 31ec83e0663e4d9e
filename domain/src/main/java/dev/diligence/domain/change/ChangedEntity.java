package dev.diligence.domain.change;

/** The kinds of objects the change feed reports. */
public enum ChangedEntity {
    FUND,
    COMPANY,
    HOLDING,
    ASSESSMENT,
    FINDING
}
