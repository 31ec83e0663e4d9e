package dev.diligence.domain.portfolio;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.finding.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One company of a portfolio with the stored scores of its latest assessment.
 *
 * @param dimensionScores   the (capped) score of each dimension by code, in framework order; absent when unscored
 * @param redFlags          the fired red flags as rule ids ("RF3", "RF7 C2.1"), in rule order
 * @param openFindings      the company's open findings by severity, over every assessment of the company, as
 *                          a company's standing counts them ({@code CompanyStanding#openFindings}, clarification 2); every
 *                          severity is a key
 * @param cohortSize        the cohort the percentile rank is taken in
 * @param strictlyLower     companies of the cohort with a strictly lower overall score
 * @param percentileRank    {@link PercentileRank}; absent below the minimum cohort or without an overall score
 */
public record PortfolioRow(
        CompanyId company,
        String companyName,
        AssessmentId assessment,
        Instant publishedAt,
        @Nullable BigDecimal overall,
        @Nullable BigDecimal percentage,
        @Nullable Integer level,
        boolean levelSuppressed,
        @Nullable BigDecimal coverage,
        @Nullable BigDecimal confidence,
        boolean dealLevelRedFlag,
        Map<String, @Nullable BigDecimal> dimensionScores,
        List<String> redFlags,
        Map<Severity, Integer> openFindings,
        int cohortSize,
        int strictlyLower,
        @Nullable BigDecimal percentileRank,
        List<HeatmapCell> heatmap) {

    public PortfolioRow {
        redFlags = List.copyOf(redFlags);
        heatmap = List.copyOf(heatmap);
    }
}
