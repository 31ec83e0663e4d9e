/** People: the users who act in a firm, known by the subject of their tokens. */
@NullMarked
package dev.diligence.domain.person;

import org.jspecify.annotations.NullMarked;
