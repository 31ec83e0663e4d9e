package dev.diligence.api.access;

import dev.diligence.api.operation.ApiOperation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test that proves a fund-scoped fund manager gets of these operations only what the funds
 * granted to them reach. {@code oracle.FundScopeEnrolmentTest} counts the marks: every operation the
 * registry narrows to granted funds must be proven, by the existence oracle for the IDs it takes and
 * by a marked test for what it lists.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FundScopeProof {

    ApiOperation[] value();
}
