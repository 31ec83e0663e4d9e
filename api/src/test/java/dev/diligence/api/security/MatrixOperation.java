package dev.diligence.api.security;

import dev.diligence.api.operation.ApiOperation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A case of a role-matrix test: the registered operation it calls, whose callers come from the
 * registry ({@link ApiOperation#access()}). {@link RoleMatrixEnrolmentTest} finds every enum that
 * implements this interface and fails when an operation of the registry is tried by none.
 */
interface MatrixOperation {

    /** The operation of the registry this case calls. */
    ApiOperation operation();

    /** The top-level field a refusal is reported on: the operation's root field. */
    default String field() {
        return operation().field();
    }

    /** The callers the registry admits to it. */
    default Set<MatrixCaller> allowed() {
        return MatrixCaller.allowedBy(operation().access());
    }

    /** The callers this case is tried with: every one, unless the matrix narrows it. */
    default Set<MatrixCaller> tried() {
        return EnumSet.allOf(MatrixCaller.class);
    }

    /** The (case, caller) pairs that must be FORBIDDEN: the callers tried that the registry does not admit. */
    static Stream<Arguments> forbiddenCalls(MatrixOperation... cases) {
        return Arrays.stream(cases)
                .flatMap(operation -> operation.tried().stream()
                        .filter(caller -> !operation.allowed().contains(caller))
                        .map(caller -> Arguments.of(operation, caller)));
    }

    /** The (case, caller) pairs that must get data: the callers the registry admits. */
    static Stream<Arguments> allowedCalls(MatrixOperation... cases) {
        return Arrays.stream(cases)
                .flatMap(operation -> operation.allowed().stream().map(caller -> Arguments.of(operation, caller)));
    }
}
