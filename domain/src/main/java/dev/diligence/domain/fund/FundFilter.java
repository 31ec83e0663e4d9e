package dev.diligence.domain.fund;

import org.jspecify.annotations.Nullable;

/**
 * Which funds a list shows. Null members do not filter.
 *
 * @param nameContains case-insensitive substring of the name, taken literally (no wildcards)
 */
public record FundFilter(
        @Nullable FundStatus status, @Nullable String nameContains) {

    public static FundFilter none() {
        return new FundFilter(null, null);
    }
}
