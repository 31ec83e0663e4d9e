package dev.diligence.api.portfolio;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.portfolio.ScoreChange;
import dev.diligence.domain.portfolio.ScoreStatistics;
import dev.diligence.domain.portfolio.TrendInterval;
import dev.diligence.domain.portfolio.TrendPoint;
import dev.diligence.domain.portfolio.TrendQuery;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * GraphQL {@code PortfolioTrend}: the trend asked for; its points and changes are read by whichever of
 * them a request selects (and not at all otherwise).
 */
record PortfolioTrendView(TrendQuery query, FrameworkVersion version) {

    public OffsetDateTime from() {
        return query.from().atOffset(ZoneOffset.UTC);
    }

    public OffsetDateTime to() {
        return query.to().atOffset(ZoneOffset.UTC);
    }

    public TrendInterval interval() {
        return query.interval();
    }

    public int frameworkVersion() {
        return query.frameworkVersion();
    }

    public List<DealStage> dealStages() {
        return query.dealStages().stream().sorted().toList();
    }

    /** GraphQL {@code PortfolioTrendPoint}. */
    record PointView(
            OffsetDateTime asOf,
            String period,
            boolean periodEnd,
            int cohortSize,
            ScoreStatistics overall,
            List<DimensionStatisticsView> dimensions,
            LevelsView levelDistribution,
            int unassessedCount,
            int otherVersionCount) {}

    /** GraphQL {@code DimensionStatistics}. */
    record DimensionStatisticsView(String dimension, ScoreStatistics statistics) {}

    /** GraphQL {@code LevelDistribution}. */
    record LevelsView(int level0, int level1, int level2, int level3, int level4, int suppressed) {}

    /** GraphQL {@code ScoreChange}; the company and the assessments are resolved in batches from their ids. */
    record ChangeView(
            CompanyId companyKey,
            AssessmentId fromKey,
            AssessmentId toKey,
            OffsetDateTime fromPublishedAt,
            OffsetDateTime toPublishedAt,
            BigDecimal overallBefore,
            BigDecimal overallAfter,
            BigDecimal overallDelta,
            Integer levelBefore,
            Integer levelAfter,
            boolean levelSuppressedBefore,
            boolean levelSuppressedAfter,
            List<DimensionChangeView> dimensions) {

        static ChangeView of(ScoreChange change) {
            return new ChangeView(
                    change.company(),
                    change.before(),
                    change.after(),
                    change.beforePublishedAt().atOffset(ZoneOffset.UTC),
                    change.afterPublishedAt().atOffset(ZoneOffset.UTC),
                    change.overallBefore(),
                    change.overallAfter(),
                    change.overallDelta(),
                    change.levelBefore(),
                    change.levelAfter(),
                    change.levelSuppressedBefore(),
                    change.levelSuppressedAfter(),
                    change.dimensions().stream()
                            .map(d -> new DimensionChangeView(d.dimension(), d.before(), d.after(), d.delta()))
                            .toList());
        }
    }

    /** GraphQL {@code DimensionChange}. */
    record DimensionChangeView(String dimension, BigDecimal before, BigDecimal after, BigDecimal delta) {}

    /** The point with every dimension of the compared version, in framework order (empty statistics where nobody had a score). */
    PointView point(TrendPoint point) {
        List<Integer> levels = point.levels();
        OffsetDateTime asOf = point.period().asOf().atOffset(ZoneOffset.UTC);
        String period = query.interval() == TrendInterval.MONTH
                ? "%04d-%02d".formatted(asOf.getYear(), asOf.getMonthValue())
                : "%04d-Q%d".formatted(asOf.getYear(), (asOf.getMonthValue() + 2) / 3);
        return new PointView(
                asOf,
                period,
                point.period().periodEnd(),
                point.cohortSize(),
                point.overall(),
                version.dimensions().stream()
                        .map(Dimension::code)
                        .map(code -> new DimensionStatisticsView(
                                code, point.dimensions().getOrDefault(code, ScoreStatistics.empty())))
                        .toList(),
                new LevelsView(
                        levels.get(0),
                        levels.get(1),
                        levels.get(2),
                        levels.get(3),
                        levels.get(4),
                        point.levelSuppressed()),
                point.unassessed(),
                point.otherVersions());
    }
}
