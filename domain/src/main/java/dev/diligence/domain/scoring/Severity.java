package dev.diligence.domain.scoring;

/** How serious a finding is, most serious first. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW
}
