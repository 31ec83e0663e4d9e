package dev.diligence.domain.portfolio;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Companies side by side, each with the stored scores of its latest assessment as of {@code asOf},
 * measured against a fund's medians (under {@code frameworkVersion}, as of the same instant) when a fund
 * was named. Only companies the caller can see are listed.
 *
 * @param medians absent when no fund was named
 */
public record CompanyComparison(
        int frameworkVersion,
        Instant asOf,
        List<ComparedCompany> companies,
        @Nullable FundMedians medians) {

    /** The fewest companies compared. */
    public static final int MIN_COMPANIES = 2;

    /** The most companies compared. */
    public static final int MAX_COMPANIES = 10;

    public CompanyComparison {
        companies = List.copyOf(companies);
    }
}
