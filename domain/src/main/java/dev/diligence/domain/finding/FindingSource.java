package dev.diligence.domain.finding;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who raised a finding. Invariant: a rule id (e.g. "RF3") is present exactly when the kind is {@code RULE}.
 */
public record FindingSource(Kind kind, @Nullable String ruleId) {

    public enum Kind {
        /** Raised by a person. */
        ASSESSOR,
        /** Raised, and retired while the assessment is a draft, by a red-flag rule. */
        RULE
    }

    public FindingSource {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.RULE) != (ruleId != null && !ruleId.isBlank())) {
            throw new IllegalArgumentException("a rule id belongs to rule findings, and every rule finding has one");
        }
    }

    public static FindingSource assessor() {
        return new FindingSource(Kind.ASSESSOR, null);
    }

    public static FindingSource rule(String ruleId) {
        return new FindingSource(Kind.RULE, ruleId);
    }

    public boolean isRule() {
        return kind == Kind.RULE;
    }
}
