package dev.diligence.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;

/** Assertions on rule violations, compared by field path and code (messages are free text). */
public final class ViolationAssertions {

    private ViolationAssertions() {}

    /** The field paths and codes of {@code violations}, to compare with {@link #violation} tuples. */
    public static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertThatViolations(
            List<Violation> violations) {
        return assertThat(violations).extracting(Violation::field, Violation::code);
    }

    /** Runs {@code call}, expects a {@link RuleViolationException} and returns its violations' paths and codes. */
    public static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertThatRuleViolation(
            ThrowingCallable call) {
        RuleViolationException thrown = catchThrowableOfType(RuleViolationException.class, call);
        assertThat(thrown).as("expected a RuleViolationException").isNotNull();
        return assertThatViolations(thrown.violations());
    }

    /** A violation of the rules of one input field. */
    public static Tuple violation(String field, ViolationCode code) {
        return tuple(List.of(field), code);
    }

    /** A violation concerning the whole object rather than one field. */
    public static Tuple generalViolation(ViolationCode code) {
        return tuple(List.of(), code);
    }
}
