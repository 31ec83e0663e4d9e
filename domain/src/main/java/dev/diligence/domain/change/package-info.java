/**
 * The change feed: what changed in a firm, in commit order, for integration scripts that mirror the
 * firm's data incrementally.
 */
@NullMarked
package dev.diligence.domain.change;

import org.jspecify.annotations.NullMarked;
