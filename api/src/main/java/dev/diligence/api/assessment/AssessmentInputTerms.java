package dev.diligence.api.assessment;

import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import java.util.List;
import java.util.function.Supplier;

/** The field paths of an assessment mutation's refusals, restated in the terms of its input. */
final class AssessmentInputTerms {

    private AssessmentInputTerms() {}

    /**
     * Runs {@code mutation} and restates the domain's field paths in the input's terms: a criterion's
     * attribute ({@code ["criteria", code, "level"]}) is the input's {@code ["level"]}, an unknown
     * criterion ({@code ["criteria", code]}) is {@code ["criterion"]}, an evidence value is
     * {@code ["value"]}, and the four-eyes refusal ({@code ["reviewer"]}, the caller) concerns the whole input.
     */
    static <P> P restate(Supplier<P> mutation) {
        try {
            return mutation.get();
        } catch (RuleViolationException violation) {
            throw new RuleViolationException(violation.violations().stream()
                    .map(v -> new Violation(inputPath(v.field()), v.code(), v.message()))
                    .toList());
        }
    }

    private static List<String> inputPath(List<String> field) {
        if (field.size() >= 3 && field.get(0).equals("criteria")) {
            return field.subList(2, field.size());
        }
        if (field.size() == 2 && field.get(0).equals("criteria")) {
            return List.of("criterion");
        }
        if (field.equals(List.of("evidence", "value"))) {
            return List.of("value");
        }
        if (field.equals(List.of("reviewer"))) {
            return List.of();
        }
        return field;
    }
}
