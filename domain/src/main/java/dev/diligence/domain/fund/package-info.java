/** Funds: the investment vehicles of a firm that hold target companies. */
@NullMarked
package dev.diligence.domain.fund;

import org.jspecify.annotations.NullMarked;
