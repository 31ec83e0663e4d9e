package dev.diligence.api.security;

import dev.diligence.api.operation.ApiOperation;
import java.util.Set;

/**
 * A case of a role-matrix test: the registered operation it calls, whose callers come from the
 * registry ({@link ApiOperation#access()}). {@link RoleMatrixEnrolmentTest} finds every enum that
 * implements this interface and fails when an operation of the registry is tried by none.
 */
interface MatrixOperation {

    /** The operation of the registry this case calls. */
    ApiOperation operation();

    /** The callers the registry admits to it. */
    default Set<MatrixCaller> allowed() {
        return MatrixCaller.allowedBy(operation().access());
    }
}
