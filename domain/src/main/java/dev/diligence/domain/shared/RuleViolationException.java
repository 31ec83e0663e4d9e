package dev.diligence.domain.shared;

import java.util.List;

/**
 * Thrown when a command breaks business rules. Nothing has been written when it is thrown inside a
 * transaction, because the transaction rolls back; callers turn the violations into user errors.
 */
public final class RuleViolationException extends RuntimeException {

    private final List<Violation> violations;

    public RuleViolationException(List<Violation> violations) {
        super(summary(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rule violation needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public RuleViolationException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Throws when {@code violations} is not empty. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    private static String summary(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.code() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    }
}
