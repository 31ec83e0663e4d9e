package dev.diligence.domain.shared;

import java.util.List;

/**
 * One broken business rule, reported to the caller instead of being written.
 *
 * @param field   path of the offending input field (empty when the rule concerns the whole object)
 * @param code    stable machine-readable code, see {@link ViolationCode}
 * @param message human-readable explanation, safe to show to the caller
 */
public record Violation(List<String> field, ViolationCode code, String message) {

    public Violation {
        field = List.copyOf(field);
    }

    public static Violation of(String field, ViolationCode code, String message) {
        return new Violation(List.of(field), code, message);
    }

    public static Violation general(ViolationCode code, String message) {
        return new Violation(List.of(), code, message);
    }
}
