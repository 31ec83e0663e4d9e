package dev.diligence.domain.portfolio;

import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which portfolio to compare: the companies the fund holds (in one of {@code dealStages}, by the
 * holding's current stage; any stage when empty), each with its latest assessment published at or
 * before {@code asOf} and not retracted by then, compared under {@code frameworkVersion}.
 *
 * <p>{@code current} asks for the portfolio as it stands: each company's latest publication not
 * retracted, whatever its instant, as the store keeps it at every publication and retraction, with
 * {@code asOf} the instant of asking. It answers as {@code asOf} does because publications and
 * retractions are recorded at the instant they happen, never later than any reader's now.
 */
public record PortfolioQuery(
        FundId fund, Instant asOf, Set<DealStage> dealStages, int frameworkVersion, boolean current) {

    public PortfolioQuery {
        Objects.requireNonNull(fund, "fund");
        Objects.requireNonNull(asOf, "asOf");
        dealStages = Set.copyOf(dealStages);
    }

    /** The portfolio as of {@code asOf}, searched among the publications of that instant. */
    public PortfolioQuery(FundId fund, Instant asOf, Set<DealStage> dealStages, int frameworkVersion) {
        this(fund, asOf, dealStages, frameworkVersion, false);
    }

    /** The portfolio as it stands, asked at {@code now}. */
    public static PortfolioQuery current(FundId fund, Instant now, Set<DealStage> dealStages, int frameworkVersion) {
        return new PortfolioQuery(fund, now, dealStages, frameworkVersion, true);
    }
}
