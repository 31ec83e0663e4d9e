/** Fund-scoped access: which funds a fund manager may read. */
@NullMarked
package dev.diligence.domain.access;

import org.jspecify.annotations.NullMarked;
