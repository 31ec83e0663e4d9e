package dev.diligence.api.portfolio;

import dev.diligence.api.export.Cell;
import dev.diligence.api.export.LabelledValues;
import dev.diligence.api.export.Table;
import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.portfolio.PortfolioSummary;
import dev.diligence.domain.portfolio.ScoreStatistics;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A portfolio's summary as the "Summary" sheet beside its companies: what was compared (fund, as-of,
 * framework version, deal stages, cohort size), the statistics of the overall score and of each
 * dimension's score in framework order, and the level distribution, with the numbers of the
 * portfolio query's {@code overall}, {@code dimensions} and {@code levelDistribution}.
 */
final class PortfolioSummaryTable {

    static final String TITLE = "Summary";

    private static final int COMPARISON_ROWS = 6;
    private static final int STATISTICS_ROWS = 7;
    private static final int LEVEL_ROWS = 6;

    private PortfolioSummaryTable() {}

    static Table of(PortfolioService.Comparison comparison, PortfolioSummary summary) {
        LabelledValues values = new LabelledValues();
        String section = "Comparison";
        values.add(
                        section,
                        "Fund ID",
                        Cell.text(GlobalId.encode(
                                FundView.TYPE, comparison.fund().id().value())))
                .add(section, "Fund", Cell.text(comparison.fund().profile().name()))
                .add(section, "As of", Cell.timestamp(comparison.query().asOf()))
                .add(
                        section,
                        "Framework version",
                        Cell.number(comparison.version().number()))
                .add(section, "Deal stages", Cell.text(stages(comparison)))
                .add(section, "Cohort size", Cell.number(summary.cohortSize()));
        statistics(values, "Overall", summary.overall());
        for (Dimension dimension : comparison.version().dimensions()) {
            statistics(
                    values,
                    PortfolioTable.label(dimension),
                    summary.dimensions().getOrDefault(dimension.code(), ScoreStatistics.empty()));
        }
        List<Integer> levels = summary.levels();
        for (int level = 0; level < levels.size(); level++) {
            values.add("Level distribution", "Level " + level, Cell.number(levels.get(level)));
        }
        values.add("Level distribution", "Suppressed", Cell.number(summary.levelSuppressed()));
        return values.table(TITLE);
    }

    /** The rows {@link #of} gives under {@code version}, known before the summary is read: what the export is charged for. */
    static int size(FrameworkVersion version) {
        return COMPARISON_ROWS + STATISTICS_ROWS * (1 + version.dimensions().size()) + LEVEL_ROWS;
    }

    private static void statistics(LabelledValues values, String section, ScoreStatistics statistics) {
        values.add(section, "Count", Cell.number(statistics.count()))
                .add(section, "Mean", Cell.number(statistics.mean()))
                .add(section, "Median", Cell.number(statistics.median()))
                .add(section, "Min", Cell.number(statistics.min()))
                .add(section, "Max", Cell.number(statistics.max()))
                .add(section, "Lower quartile", Cell.number(statistics.lowerQuartile()))
                .add(section, "Upper quartile", Cell.number(statistics.upperQuartile()));
    }

    /** The deal stages compared, in the order the query lists them, or "all" when none were asked for. */
    private static String stages(PortfolioService.Comparison comparison) {
        return comparison.query().dealStages().isEmpty()
                ? "all"
                : comparison.query().dealStages().stream()
                        .sorted()
                        .map(DealStage::name)
                        .collect(Collectors.joining("; "));
    }
}
