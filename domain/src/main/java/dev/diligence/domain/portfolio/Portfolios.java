package dev.diligence.domain.portfolio;

import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;

/**
 * Port to the portfolio comparison of the current tenant's funds, aggregated from stored scores.
 * Implementations see only what the caller may see (tenant, and fund scope); statistics always cover
 * the whole fund, whichever page is asked for.
 */
public interface Portfolios {

    PortfolioSummary summary(PortfolioQuery query);

    /** A page of the cohort's companies in {@code order}. */
    Slice<PortfolioRow> companies(PortfolioQuery query, PortfolioOrder order, PageQuery page);

    /** A page of the cohort's criteria below target, highest priority first (then company id, then framework order). */
    Slice<RemediationItem> remediation(PortfolioQuery query, PageQuery page);
}
