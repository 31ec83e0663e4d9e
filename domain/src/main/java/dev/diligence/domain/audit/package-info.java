/** Audit trail: an append-only record of every successful change, per firm. */
@NullMarked
package dev.diligence.domain.audit;

import org.jspecify.annotations.NullMarked;
