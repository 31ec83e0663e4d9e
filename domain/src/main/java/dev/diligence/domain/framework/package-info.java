/**
 * The versioned maturity framework (DMF): dimensions, criteria, weights, level descriptors and
 * references into external frameworks. A framework version is immutable data; a tenant may derive a
 * version of its own that changes weights only.
 */
@NullMarked
package dev.diligence.domain.framework;

import org.jspecify.annotations.NullMarked;
