package dev.diligence.api.portfolio;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.portfolio.CompanyComparison;
import dev.diligence.domain.portfolio.ComparedCompany;
import dev.diligence.domain.portfolio.ComparedCriterion;
import dev.diligence.domain.portfolio.FundMedians;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** GraphQL {@code CompanyComparison}, with the IDs asked for that named no visible company. */
record CompanyComparisonView(
        int frameworkVersion,
        OffsetDateTime asOf,
        MediansView fundMedians,
        List<ComparedCompanyView> companies,
        List<String> missing) {

    /** GraphQL {@code FundMedians}; the fund is resolved from its id. */
    record MediansView(FundId fundKey, int cohortSize, BigDecimal overall, List<DimensionMedianView> dimensions) {}

    /** GraphQL {@code DimensionMedian}. */
    record DimensionMedianView(String dimension, BigDecimal median) {}

    /** GraphQL {@code ComparedCompany}; the company and the assessment are resolved in batches from their ids. */
    record ComparedCompanyView(
            CompanyId companyKey,
            AssessmentId assessmentKey,
            OffsetDateTime publishedAt,
            Integer frameworkVersion,
            boolean comparable,
            BigDecimal overall,
            BigDecimal percentage,
            Integer level,
            boolean levelSuppressed,
            BigDecimal overallDifferenceFromMedian,
            List<ComparedDimensionView> dimensions,
            List<ComparedCriterion> criteria) {}

    /** GraphQL {@code ComparedDimension}. */
    record ComparedDimensionView(
            String dimension, BigDecimal score, BigDecimal fundMedian, BigDecimal differenceFromMedian) {}

    static CompanyComparisonView of(CompanyComparison comparison, FrameworkVersion version, List<String> missing) {
        FundMedians medians = comparison.medians();
        MediansView mediansView = medians == null
                ? null
                : new MediansView(
                        medians.fund(),
                        medians.cohortSize(),
                        medians.overall(),
                        version.dimensions().stream()
                                .map(Dimension::code)
                                .map(code -> new DimensionMedianView(
                                        code, medians.dimensions().get(code)))
                                .toList());
        return new CompanyComparisonView(
                comparison.frameworkVersion(),
                comparison.asOf().atOffset(ZoneOffset.UTC),
                mediansView,
                comparison.companies().stream()
                        .map(c -> company(c, comparison.frameworkVersion(), medians))
                        .toList(),
                missing);
    }

    private static ComparedCompanyView company(ComparedCompany company, int version, FundMedians medians) {
        return new ComparedCompanyView(
                company.company(),
                company.assessment(),
                company.publishedAt() == null ? null : company.publishedAt().atOffset(ZoneOffset.UTC),
                company.frameworkVersion(),
                company.scoredUnder(version),
                company.overall(),
                company.percentage(),
                company.level(),
                company.levelSuppressed(),
                medians == null ? null : medians.overallDifference(company),
                company.dimensions().stream()
                        .map(d -> new ComparedDimensionView(
                                d.dimension(),
                                d.score(),
                                medians == null ? null : medians.dimensions().get(d.dimension()),
                                medians == null ? null : medians.difference(company, d)))
                        .toList(),
                company.criteria());
    }
}
