package dev.diligence.persistence.tenancy;

import java.util.Optional;

/**
 * Tells the persistence layer whether the current unit of work reads only the funds granted to
 * one person. Implemented by the application from the caller's roles.
 */
@FunctionalInterface
public interface CurrentFundScope {

    /** The token subject whose fund grants narrow every read; empty when reads are tenant-wide. */
    Optional<String> restrictedTo();
}
