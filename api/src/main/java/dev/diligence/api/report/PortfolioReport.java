package dev.diligence.api.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.portfolio.PortfolioSummary;
import dev.diligence.domain.portfolio.RemediationItem;
import dev.diligence.domain.portfolio.ScoreStatistics;
import java.util.List;

/**
 * The investment committee's report on a fund's portfolio, A4 landscape: the cover (fund, date,
 * framework version, cohort), the heatmap of companies by dimension, the score distribution
 * (companies per maturity level, and the statistics of the overall and each dimension's score), and
 * the top of the portfolio's remediation ranking.
 */
final class PortfolioReport {

    static final String TITLE = "Portfolio AI Maturity  |  Investment Committee Report";

    private final PortfolioReportData data;
    private final FrameworkVersion framework;
    private final PortfolioSummary summary;

    private PortfolioReport(PortfolioReportData data) {
        this.data = data;
        this.framework = data.framework();
        this.summary = data.summary();
    }

    /** The report of {@code data} as a PDF. */
    static byte[] render(PortfolioReportData data) {
        PortfolioReport report = new PortfolioReport(data);
        ReportPageFrame frame = new ReportPageFrame(
                TITLE,
                data.fundName(),
                "Confidential  |  as of " + ReportStyle.instant(data.asOf()) + "  |  generated "
                        + ReportStyle.instant(data.generatedAt()) + " for " + data.generatedFor());
        return ReportDocument.write(
                PageSize.A4.rotate(),
                frame,
                "Portfolio AI maturity of " + data.fundName(),
                "Investment committee report",
                report::addTo);
    }

    private void addTo(Document document, PdfWriter writer) throws DocumentException {
        cover(document);
        heatmap(document, writer);
        distribution(document, writer);
        remediation(document, writer);
    }

    private void cover(Document document) throws DocumentException {
        document.add(new Paragraph("PORTFOLIO REPORT", ReportStyle.font(8, Font.BOLD, ReportStyle.ACCENT)));
        Paragraph fund = new Paragraph(PdfText.safe(data.fundName(), 120), ReportStyle.TITLE);
        document.add(fund);
        document.add(ReportStyle.paragraph(
                "AI maturity of the fund's companies under framework version " + framework.number()
                        + ", on the scores stored when each company's latest assessment was published",
                ReportStyle.SUBTITLE));
        PdfPTable facts = new PdfPTable(new float[] {1.2f, 2.4f, 1.2f, 2.4f});
        facts.setWidthPercentage(100);
        facts.setSpacingBefore(8);
        fact(facts, "Fund ID", data.fundId());
        fact(facts, "As of", ReportStyle.instant(data.asOf()));
        fact(facts, "Framework version", String.valueOf(framework.number()));
        fact(
                facts,
                "Deal stages",
                data.dealStages().isEmpty()
                        ? "all"
                        : String.join(
                                ", ", data.dealStages().stream().map(Enum::name).toList()));
        fact(
                facts,
                "Cohort size",
                ReportStyle.count(summary.cohortSize(), "company", "companies") + " with an overall score");
        fact(facts, "Companies compared", String.valueOf(data.totalCompanies()));
        fact(
                facts,
                "Not assessed",
                ReportStyle.count(summary.unassessed().size(), "company", "companies")
                        + " without a published assessment");
        fact(
                facts,
                "Other versions",
                ReportStyle.count(
                                summary.otherVersions().values().stream()
                                        .mapToInt(List::size)
                                        .sum(),
                                "company",
                                "companies")
                        + " assessed under another framework version");
        document.add(facts);
    }

    private static void fact(PdfPTable facts, String label, String value) {
        PdfPCell name = ReportStyle.cell(label, ReportStyle.font(8.5f, Font.BOLD, ReportStyle.MUTED));
        name.setPaddingLeft(0);
        facts.addCell(name);
        facts.addCell(ReportStyle.cell(value, ReportStyle.BODY));
    }

    private void distribution(Document document, PdfWriter writer) throws DocumentException {
        ReportStyle.section(document, writer, "Score distribution", 170);
        PdfPTable layout = new PdfPTable(new float[] {1, 1.9f});
        layout.setWidthPercentage(100);
        layout.setKeepTogether(true);

        PdfPTable levels = new PdfPTable(1);
        levels.setWidthPercentage(100);
        levels.addCell(
                ReportStyle.plain(new PdfPCell(new Phrase("Companies by maturity level", ReportStyle.SUBHEADING))));
        levels.addCell(LevelDistributionChart.cell(summary.levels(), summary.levelSuppressed()));
        PdfPCell left = ReportStyle.plain(new PdfPCell(levels));
        left.setPaddingRight(18);
        layout.addCell(left);

        PdfPTable statistics = ReportStyle.table(2.6f, 0.8f, 1, 1, 1, 1, 1, 1);
        statistics.setSpacingBefore(0);
        for (String head :
                List.of("Score", "Count", "Mean", "Median", "Lower quartile", "Upper quartile", "Min", "Max")) {
            PdfPCell cell = ReportStyle.head(head);
            cell.setHorizontalAlignment(head.equals("Score") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            statistics.addCell(cell);
        }
        statistic(statistics, "Overall", summary.overall(), true);
        for (Dimension dimension : framework.dimensions()) {
            statistic(
                    statistics,
                    dimension.code() + "  " + dimension.name(),
                    summary.dimensions().getOrDefault(dimension.code(), ScoreStatistics.empty()),
                    false);
        }
        PdfPTable right = new PdfPTable(1);
        right.setWidthPercentage(100);
        right.addCell(ReportStyle.plain(new PdfPCell(new Phrase("Score statistics (0 to 4)", ReportStyle.SUBHEADING))));
        PdfPCell tableCell = ReportStyle.plain(new PdfPCell(statistics));
        tableCell.setPaddingTop(4);
        right.addCell(tableCell);
        layout.addCell(ReportStyle.plain(new PdfPCell(right)));
        document.add(layout);
        document.add(ReportStyle.paragraph(
                "Median and quartiles interpolate between the nearest ranks; a company whose level a red flag"
                        + " suppressed still counts in the statistics and percentile ranks.",
                ReportStyle.SMALL_MUTED));
    }

    private static void statistic(PdfPTable table, String label, ScoreStatistics statistics, boolean bold) {
        Font font = bold ? ReportStyle.BODY_BOLD : ReportStyle.BODY;
        table.addCell(ReportStyle.cell(label, font));
        table.addCell(ReportStyle.number(String.valueOf(statistics.count()), font));
        table.addCell(ReportStyle.number(ReportStyle.score(statistics.mean()), font));
        table.addCell(ReportStyle.number(ReportStyle.score(statistics.median()), font));
        table.addCell(ReportStyle.number(ReportStyle.score(statistics.lowerQuartile()), font));
        table.addCell(ReportStyle.number(ReportStyle.score(statistics.upperQuartile()), font));
        table.addCell(ReportStyle.number(ReportStyle.score(statistics.min()), font));
        table.addCell(ReportStyle.number(ReportStyle.score(statistics.max()), font));
    }

    private void heatmap(Document document, PdfWriter writer) throws DocumentException {
        ReportStyle.section(document, writer, "Heatmap: companies by dimension", 140);
        document.add(ReportStyle.paragraph(
                "Each company's (capped) dimension scores on the 0 to 4 scale, coloured by level band, highest overall"
                        + " score first; percentile rank in the cohort (none below 5 scored companies); open"
                        + " findings over all of the company's assessments."
                        + (data.companies().size() < data.totalCompanies()
                                ? " The first " + data.companies().size() + " of " + data.totalCompanies()
                                        + " companies are shown."
                                : ""),
                ReportStyle.SMALL_MUTED));
        document.add(LevelLegend.table());
        if (data.companies().isEmpty()) {
            document.add(ReportStyle.paragraph(
                    "No company of the fund has a published assessment under this framework version.",
                    ReportStyle.BODY));
            return;
        }
        float width = document.right() - document.left();
        document.add(HeatmapTable.of(framework.dimensions(), data.companies(), width));
    }

    private void remediation(Document document, PdfWriter writer) throws DocumentException {
        ReportStyle.section(document, writer, "Remediation priorities", 120);
        if (data.remediation().isEmpty()) {
            document.add(ReportStyle.paragraph("No scored criterion is below its target.", ReportStyle.BODY));
            return;
        }
        document.add(ReportStyle.paragraph(
                "The top " + data.remediation().size() + " of " + data.totalRemediation()
                        + " criteria below target across the portfolio, by priority (gap x criterion weight x"
                        + " dimension weight), then gap.",
                ReportStyle.SMALL_MUTED));
        PdfPTable table = ReportStyle.table(0.5f, 3, 4.2f, 2.6f, 0.7f, 1);
        for (String head : List.of("#", "Company", "Criterion", "Dimension")) {
            table.addCell(ReportStyle.head(head));
        }
        table.addCell(ReportStyle.headRight("Gap"));
        table.addCell(ReportStyle.headRight("Priority"));
        int rank = 0;
        for (RemediationItem item : data.remediation()) {
            table.addCell(ReportStyle.cell(String.valueOf(++rank), ReportStyle.SMALL_MUTED));
            table.addCell(ReportStyle.cell(PdfText.safe(item.companyName(), 80), ReportStyle.BODY_BOLD));
            table.addCell(ReportStyle.cell(
                    item.criterion() + "  "
                            + framework
                                    .criterion(item.criterion())
                                    .map(Criterion::name)
                                    .orElse(""),
                    ReportStyle.BODY));
            table.addCell(ReportStyle.cell(
                    framework
                            .dimensionOf(item.criterion())
                            .map(d -> d.code() + "  " + d.name())
                            .orElse(""),
                    ReportStyle.BODY));
            table.addCell(ReportStyle.number(String.valueOf(item.gap()), ReportStyle.BODY));
            table.addCell(ReportStyle.number(priority(item), ReportStyle.BODY));
        }
        document.add(table);
    }

    /** A priority at four places: they are small products of weights. */
    private static String priority(RemediationItem item) {
        return item.priority().setScale(4, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
