package dev.diligence.domain.portfolio;

import dev.diligence.domain.company.CompanyId;
import java.util.List;
import java.util.Map;

/**
 * The whole fund's statistics under one framework version, whichever page of companies is shown.
 *
 * @param cohortSize        companies whose latest assessment is under the version and has an overall score
 * @param dimensions        each dimension's statistics by code, in framework order
 * @param levels            how many companies are at each level 0-4, in order, and how many have their level suppressed
 * @param unassessed        held companies without a published assessment (as of the date), by name
 * @param otherVersions     companies whose latest assessment is under another framework version, by version; never mixed in
 */
public record PortfolioSummary(
        int frameworkVersion,
        int cohortSize,
        ScoreStatistics overall,
        Map<String, ScoreStatistics> dimensions,
        List<Integer> levels,
        int levelSuppressed,
        List<CompanyId> unassessed,
        Map<Integer, List<CompanyId>> otherVersions) {

    public PortfolioSummary {
        dimensions = Map.copyOf(dimensions);
        levels = List.copyOf(levels);
        unassessed = List.copyOf(unassessed);
        otherVersions = Map.copyOf(otherVersions);
    }
}
