package dev.diligence.domain.portfolio;

import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which trend to compute: the fund's statistics at each point of the window ({@link TrendPeriods}),
 * over the companies it holds in one of {@code dealStages} (the holding's current stage; any when
 * empty), under {@code frameworkVersion}; and the score changes between consecutive publications whose
 * later publication lies in the window. {@code from} and {@code to} are kept at microsecond resolution.
 *
 * @throws dev.diligence.domain.shared.RuleViolationException when the window is invalid or too long
 */
public record TrendQuery(
        FundId fund,
        Instant from,
        Instant to,
        TrendInterval interval,
        Set<DealStage> dealStages,
        int frameworkVersion) {

    public TrendQuery {
        Objects.requireNonNull(fund, "fund");
        Objects.requireNonNull(interval, "interval");
        from = TrendPeriods.micros(from);
        to = TrendPeriods.micros(to);
        TrendPeriods.between(from, to, interval);
        dealStages = Set.copyOf(dealStages);
    }

    /** The points of the window, in time order. */
    public List<TrendPeriod> periods() {
        return TrendPeriods.between(from, to, interval);
    }

    /** The portfolio comparison as it stood at one point of the trend. */
    public PortfolioQuery at(Instant asOf) {
        return new PortfolioQuery(fund, asOf, dealStages, frameworkVersion);
    }
}
