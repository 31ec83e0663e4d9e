package dev.diligence.domain.company;

import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import org.jspecify.annotations.Nullable;

/**
 * Which companies a list shows. Null members do not filter; conditions combine with AND.
 *
 * @param nameContains case-insensitive substring of the name, taken literally
 * @param fund         only companies held by this fund
 * @param dealStage    only companies held in this deal stage (by {@code fund} when given, else by any fund)
 * @param archived     only archived (true) or only active (false) companies
 */
public record CompanyFilter(
        @Nullable String nameContains,
        @Nullable Sector sector,
        @Nullable CompanyStage stage,
        @Nullable String headquartersCountry,
        @Nullable FundId fund,
        @Nullable DealStage dealStage,
        @Nullable Boolean archived) {

    public static CompanyFilter none() {
        return new CompanyFilter(null, null, null, null, null, null, null);
    }
}
