package dev.diligence.domain.portfolio;

import dev.diligence.domain.fund.FundId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The medians of a fund's portfolio summary (all deal stages, one framework version, as of one instant)
 * that compared companies are measured against.
 *
 * @param overall    the median overall score; absent when the cohort is empty
 * @param dimensions the median of each dimension's score by code; dimensions nobody has a score in are absent
 */
public record FundMedians(
        FundId fund,
        int frameworkVersion,
        int cohortSize,
        @Nullable BigDecimal overall,
        Map<String, BigDecimal> dimensions) {

    public FundMedians {
        dimensions = Map.copyOf(dimensions);
    }

    public static FundMedians of(PortfolioQuery query, PortfolioSummary summary) {
        Map<String, BigDecimal> medians = new HashMap<>();
        summary.dimensions().forEach((code, statistics) -> {
            if (statistics.median() != null) {
                medians.put(code, statistics.median());
            }
        });
        return new FundMedians(
                query.fund(),
                query.frameworkVersion(),
                summary.cohortSize(),
                summary.overall().median(),
                medians);
    }

    /** The company's overall score minus the median, exactly; absent unless both exist and it was scored under this version. */
    public @Nullable BigDecimal overallDifference(ComparedCompany company) {
        return company.scoredUnder(frameworkVersion) ? ScoreChange.difference(company.overall(), overall) : null;
    }

    /** The company's score of the dimension minus its median, exactly; absent unless both exist and it was scored under this version. */
    public @Nullable BigDecimal difference(ComparedCompany company, DimensionScore score) {
        return company.scoredUnder(frameworkVersion)
                ? ScoreChange.difference(score.score(), dimensions.get(score.dimension()))
                : null;
    }
}
