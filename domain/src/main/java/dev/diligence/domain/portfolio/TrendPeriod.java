package dev.diligence.domain.portfolio;

import java.time.Instant;

/**
 * One point of a trend: the instant the fund's statistics are taken as of, with the latest-as-of
 * semantics of {@link PortfolioQuery} (published at or before it and not retracted by then).
 *
 * @param asOf      the last instant of a calendar period (its last microsecond, PostgreSQL's resolution), or the
 *                  trend's end when that is not itself the end of a period
 * @param periodEnd true for the end of a calendar period; false for the trend's end inside a period (the
 *                  period so far)
 */
public record TrendPeriod(Instant asOf, boolean periodEnd) {}
