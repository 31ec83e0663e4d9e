package dev.diligence.domain.portfolio;

import java.util.List;
import java.util.Map;

/**
 * A fund's statistics as they stood at one point of a trend, defined as {@link PortfolioSummary}'s
 * for a portfolio as of {@code period.asOf()}.
 *
 * @param cohortSize    companies whose latest assessment then was under the version and had an overall score
 * @param dimensions    each dimension's statistics by code; dimensions nobody had a score in are absent
 * @param levels        how many companies were at each level 0-4, in order
 * @param unassessed    held companies without a published assessment then
 * @param otherVersions held companies whose latest assessment then was under another framework version
 */
public record TrendPoint(
        TrendPeriod period,
        int cohortSize,
        ScoreStatistics overall,
        Map<String, ScoreStatistics> dimensions,
        List<Integer> levels,
        int levelSuppressed,
        int unassessed,
        int otherVersions) {

    public TrendPoint {
        dimensions = Map.copyOf(dimensions);
        levels = List.copyOf(levels);
    }
}
