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
 */
public record PortfolioQuery(FundId fund, Instant asOf, Set<DealStage> dealStages, int frameworkVersion) {

    public PortfolioQuery {
        Objects.requireNonNull(fund, "fund");
        Objects.requireNonNull(asOf, "asOf");
        dealStages = Set.copyOf(dealStages);
    }
}
