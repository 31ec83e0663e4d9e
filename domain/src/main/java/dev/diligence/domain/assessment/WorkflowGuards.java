package dev.diligence.domain.assessment;

import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Text;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The refusals the assessment workflow shares: wrong status, missing text, the wrong framework version. */
final class WorkflowGuards {

    private WorkflowGuards() {}

    /** Refuses with {@code INVALID_STATE} unless the assessment is in {@code required} status. */
    static void requireStatus(Assessment assessment, AssessmentStatus required, String operation) {
        if (assessment.status() != required) {
            throw new RuleViolationException(Violation.general(
                    ViolationCode.INVALID_STATE,
                    "an assessment can only " + operation + " when it is " + required + "; this one is "
                            + assessment.status()));
        }
    }

    /** Refuses unless the assessment is a draft and has criterion {@code code}. */
    static void requireEditable(Assessment assessment, String code) {
        requireStatus(assessment, AssessmentStatus.DRAFT, "be edited");
        if (assessment.criteria().find(code).isEmpty()) {
            throw new RuleViolationException(new Violation(
                    List.of("criteria", code),
                    ViolationCode.NOT_FOUND,
                    "framework version " + assessment.frameworkVersion() + " has no criterion " + code));
        }
    }

    /** Refuses unless {@code value} is non-blank and at most {@code maxLength} characters; returns it stripped. */
    static String requireText(@Nullable String value, String field, int maxLength) {
        List<Violation> violations = new ArrayList<>();
        Text.requireName(value, field, maxLength, violations);
        RuleViolationException.throwIfAny(violations);
        return value.strip();
    }

    /** A programming error, not a user's: callers must score with the version the assessment is under. */
    static void requireVersion(Assessment assessment, FrameworkVersion version) {
        if (version.number() != assessment.frameworkVersion()) {
            throw new IllegalArgumentException("assessment " + assessment.id().value() + " is under framework version "
                    + assessment.frameworkVersion() + ", not " + version.number());
        }
    }
}
