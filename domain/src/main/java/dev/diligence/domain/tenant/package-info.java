/** Tenants: the investment firms that use the product, and their keys. */
@NullMarked
package dev.diligence.domain.tenant;

import org.jspecify.annotations.NullMarked;
