/**
 * Portfolio comparison: the maturity of a fund's companies compared on the scores stored when their
 * latest assessments were published (docs/framework.md, "Portfolio comparison").
 */
@NullMarked
package dev.diligence.domain.portfolio;

import org.jspecify.annotations.NullMarked;
