/** Building blocks shared by every feature: rule violations and their codes. */
@NullMarked
package dev.diligence.domain.shared;

import org.jspecify.annotations.NullMarked;
