package dev.diligence.persistence.tenancy;

/**
 * Tells the persistence layer whether the current unit of work reads only the funds granted to
 * one person. Implemented by the application from the caller's roles.
 */
@FunctionalInterface
public interface CurrentFundScope {

    FundScope get();
}
