package dev.diligence.domain.finding;

/**
 * How serious a finding is, most serious first. A type of its own rather than
 * {@link dev.diligence.domain.scoring.Severity}: findings also know {@code INFO} (an observation
 * without a risk), which no red-flag rule raises.
 */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO;

    /** The finding severity of a red flag's severity (same name). */
    public static Severity of(dev.diligence.domain.scoring.Severity redFlagSeverity) {
        return valueOf(redFlagSeverity.name());
    }
}
