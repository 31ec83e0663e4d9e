package dev.diligence.domain.assessment;

import java.time.Instant;
import java.util.Objects;

/** Why and when a published assessment was withdrawn; the reason is non-blank and stripped. */
public record Retraction(String retractedBy, String reason, Instant retractedAt) {

    public static final int REASON_MAX_LENGTH = 4000;

    public Retraction {
        Objects.requireNonNull(retractedBy, "retractedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(retractedAt, "retractedAt");
    }
}
