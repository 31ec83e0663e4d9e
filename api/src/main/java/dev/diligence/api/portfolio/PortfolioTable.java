package dev.diligence.api.portfolio;

import dev.diligence.api.assessment.AssessmentView;
import dev.diligence.api.company.CompanyView;
import dev.diligence.api.export.Cell;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.portfolio.PortfolioRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A portfolio's companies as rows of an exported table: one row per company of the cohort with what
 * the portfolio query's {@code companies} gives it, IDs as the same global IDs and scores as the same
 * exact decimals, and each dimension's (capped) score in a column of its own, in framework order: the
 * heatmap of the comparison. The dimensions are the compared framework version's, so the header is
 * too; the columns and the cells of a row are written here together, so they cannot drift apart.
 */
final class PortfolioTable {

    static final String TITLE = "Companies";

    private PortfolioTable() {}

    static List<String> header(FrameworkVersion version) {
        List<String> header = new ArrayList<>(List.of(
                "Company ID",
                "Company",
                "Assessment ID",
                "Published at",
                "Overall",
                "Percentage",
                "Level",
                "Level suppressed",
                "Coverage",
                "Confidence"));
        version.dimensions().forEach(dimension -> header.add(label(dimension)));
        header.addAll(List.of("Percentile rank", "Cohort size"));
        for (Severity severity : Severity.values()) {
            header.add("Open " + severity.name().toLowerCase(Locale.ROOT) + " findings");
        }
        header.addAll(List.of("Deal-level red flag", "Red flags"));
        return header;
    }

    static List<Cell> row(PortfolioRow row, FrameworkVersion version) {
        List<Cell> cells = new ArrayList<>(List.of(
                Cell.text(GlobalId.encode(CompanyView.TYPE, row.company().value())),
                Cell.text(row.companyName()),
                Cell.text(GlobalId.encode(AssessmentView.TYPE, row.assessment().value())),
                Cell.timestamp(row.publishedAt()),
                Cell.number(row.overall()),
                Cell.number(row.percentage()),
                Cell.integer(row.level()),
                Cell.bool(row.levelSuppressed()),
                Cell.number(row.coverage()),
                Cell.number(row.confidence())));
        version.dimensions()
                .forEach(
                        dimension -> cells.add(Cell.number(row.dimensionScores().get(dimension.code()))));
        cells.add(Cell.number(row.percentileRank()));
        cells.add(Cell.number(row.cohortSize()));
        for (Severity severity : Severity.values()) {
            cells.add(Cell.integer(row.openFindings().get(severity)));
        }
        cells.add(Cell.bool(row.dealLevelRedFlag()));
        cells.add(Cell.text(String.join("; ", row.redFlags())));
        return cells;
    }

    /** A dimension as a column or a section names it: its code, then its name ({@code D2 Deployment & serving}). */
    static String label(Dimension dimension) {
        return dimension.code() + " " + dimension.name();
    }
}
