/** Target companies: the businesses a firm's funds look at, invest in and assess. */
@NullMarked
package dev.diligence.domain.company;

import org.jspecify.annotations.NullMarked;
