package dev.diligence.domain.portfolio;

import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.util.Collection;
import java.util.Map;

/**
 * Port to the portfolio comparison of the current tenant's funds, aggregated from stored scores.
 * Implementations see only what the caller may see (tenant, and fund scope); statistics always cover
 * the whole fund, whichever page is asked for.
 */
public interface Portfolios {

    PortfolioSummary summary(PortfolioQuery query);

    /** A page of the cohort's companies in {@code order}, with the companies themselves when {@code withCompanies}, in one statement. */
    PortfolioPage companies(PortfolioQuery query, PortfolioOrder order, PageQuery page, boolean withCompanies);

    /** A page of the cohort's criteria below target, highest priority first (then company id, then framework order). */
    Slice<RemediationItem> remediation(PortfolioQuery query, PageQuery page);

    /** The number of the cohort's companies, the whole list {@link #companies} pages through. */
    long countCompanies(PortfolioQuery query);

    /** The number of the cohort's criteria below target, the whole ranking {@link #remediation} pages through. */
    long countRemediation(PortfolioQuery query);

    /** A page of the held companies without a published assessment (as of the date), by name ({@link PortfolioMember#ORDER}). */
    Slice<PortfolioMember> unassessed(PortfolioQuery query, PageQuery page);

    /** The number of held companies without a published assessment (as of the date). */
    long countUnassessed(PortfolioQuery query);

    /**
     * A page of the held companies whose latest assessment is under each of {@code versions} (not the
     * compared one), by name ({@link PortfolioMember#ORDER}), in one statement; every version given is a
     * key, with an empty slice when no company is under it.
     */
    Map<Integer, Slice<PortfolioMember>> otherVersion(
            PortfolioQuery query, Collection<Integer> versions, PageQuery page);

    /** The number of held companies whose latest assessment is under each of {@code versions}; every version given is a key. */
    Map<Integer, Long> countOtherVersion(PortfolioQuery query, Collection<Integer> versions);
}
