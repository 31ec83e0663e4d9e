package dev.diligence.api.portfolio;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.diligence.api.company.CompanyView;
import dev.diligence.api.finding.SeverityCountsView;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.portfolio.HeatmapCell;
import dev.diligence.domain.portfolio.PortfolioRow;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * GraphQL {@code PortfolioCompany}; the company and assessment are resolved in batches from their
 * ids, the company from the one read along with the row when the page read it ({@code company}).
 */
record PortfolioCompanyView(
        CompanyId companyKey,
        AssessmentId assessmentKey,
        OffsetDateTime publishedAt,
        BigDecimal overall,
        BigDecimal percentage,
        Integer level,
        boolean levelSuppressed,
        BigDecimal coverage,
        BigDecimal confidence,
        boolean dealLevelRedFlag,
        List<DimensionScoreView> dimensions,
        List<String> redFlags,
        SeverityCountsView openFindings,
        int cohortSize,
        BigDecimal percentileRank,
        List<HeatmapCell> heatmap,
        @JsonIgnore @Nullable CompanyView company) {

    /**
     * Identity by company and assessment: rows are batch-loader keys, hashed for every row of a
     * page, and a company appears once per portfolio with one assessment. The record's generated
     * methods would hash every heatmap cell and score instead.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof PortfolioCompanyView row
                && companyKey.equals(row.companyKey)
                && assessmentKey.equals(row.assessmentKey);
    }

    @Override
    public int hashCode() {
        return 31 * companyKey.hashCode() + assessmentKey.hashCode();
    }

    /** GraphQL {@code PortfolioDimensionScore}. */
    record DimensionScoreView(String dimension, BigDecimal score) {}

    static PortfolioCompanyView of(PortfolioRow row, @Nullable Company company) {
        return new PortfolioCompanyView(
                row.company(),
                row.assessment(),
                row.publishedAt().atOffset(ZoneOffset.UTC),
                row.overall(),
                row.percentage(),
                row.level(),
                row.levelSuppressed(),
                row.coverage(),
                row.confidence(),
                row.dealLevelRedFlag(),
                row.dimensionScores().entrySet().stream()
                        .map(e -> new DimensionScoreView(e.getKey(), e.getValue()))
                        .toList(),
                row.redFlags(),
                SeverityCountsView.of(row.openFindings()),
                row.cohortSize(),
                row.percentileRank(),
                row.heatmap(),
                company == null ? null : CompanyView.of(company));
    }
}
