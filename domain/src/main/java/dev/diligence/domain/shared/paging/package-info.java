/** Keyset pagination, independent of any API or storage technology. */
@NullMarked
package dev.diligence.domain.shared.paging;

import org.jspecify.annotations.NullMarked;
