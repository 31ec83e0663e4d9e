/** Holdings: a company in a fund, with its deal stage and terms. */
@NullMarked
package dev.diligence.domain.holding;

import org.jspecify.annotations.NullMarked;
