package dev.diligence.domain.assessment;

import java.time.Instant;
import java.util.Objects;

/** A reviewer's request for changes, kept on the assessment for good. The text is non-blank and stripped. */
public record ReviewComment(String reviewer, String text, Instant at) {

    public static final int TEXT_MAX_LENGTH = 10_000;

    public ReviewComment {
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
