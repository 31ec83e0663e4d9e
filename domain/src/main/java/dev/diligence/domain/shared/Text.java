package dev.diligence.domain.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Checks shared by every free-text attribute: present, not blank, not too long. */
public final class Text {

    private Text() {}

    /** Adds a violation to {@code out} unless {@code value} is non-blank and at most {@code maxLength} characters. */
    public static void requireName(@Nullable String value, String field, int maxLength, List<Violation> out) {
        if (value == null || value.isBlank()) {
            out.add(Violation.of(field, ViolationCode.REQUIRED, field + " must not be blank"));
        } else if (value.strip().length() > maxLength) {
            out.add(Violation.of(
                    field, ViolationCode.TOO_LONG, field + " must be at most " + maxLength + " characters"));
        }
    }

    /** Trims surrounding white space; the stored form of every name. */
    public static @Nullable String normalize(@Nullable String value) {
        return value == null ? null : value.strip();
    }
}
