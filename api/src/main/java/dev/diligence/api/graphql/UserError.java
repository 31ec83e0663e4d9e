package dev.diligence.api.graphql;

import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.util.List;

/** GraphQL {@code UserError}: an expected failure of a mutation. */
public record UserError(List<String> field, String message, ViolationCode code) {

    public static UserError of(Violation violation) {
        return new UserError(
                violation.field().isEmpty() ? null : violation.field(), violation.message(), violation.code());
    }

    public static List<UserError> of(List<Violation> violations) {
        return violations.stream().map(UserError::of).toList();
    }
}
