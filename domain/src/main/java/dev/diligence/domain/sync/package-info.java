/**
 * Deal-data sync: the identities of funds and holdings in other systems (CRMs), keyed by
 * (source, external id), the stored results of idempotent sync requests, and the locks that
 * serialize syncs. Companies keep their identities in other systems as
 * {@link dev.diligence.domain.company.ExternalReference}s instead.
 */
@NullMarked
package dev.diligence.domain.sync;

import org.jspecify.annotations.NullMarked;
