package dev.diligence.domain.portfolio;

import dev.diligence.domain.company.CompanyId;
import java.time.Instant;
import java.util.List;

/**
 * Port to portfolio trends and side-by-side company comparisons, aggregated from stored scores in a
 * constant number of statements whatever the number of points, companies and publications.
 * Implementations see only what the caller may see (tenant, and fund scope).
 */
public interface PortfolioTrends {

    /** The fund's statistics at each point of the query's window, in time order. */
    List<TrendPoint> points(TrendQuery query);

    /**
     * The score changes of the fund's companies whose later publication lies in the query's window, by
     * company name, company id, then publication.
     */
    List<ScoreChange> changes(TrendQuery query);

    /**
     * Each of these companies that the caller can see, once, in the order first asked for, with its
     * latest assessment as of {@code asOf} (published by then and not retracted by then), if any.
     */
    List<ComparedCompany> compare(List<CompanyId> companies, Instant asOf);
}
