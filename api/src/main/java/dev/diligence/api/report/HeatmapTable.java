package dev.diligence.api.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.portfolio.PortfolioRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The portfolio heatmap: a row per company and a column per dimension, each cell the company's
 * (capped) dimension score filled with the colour of its level band, then the overall score (also
 * coloured), the maturity level, the percentile rank in the cohort and the company's open critical
 * and high findings. The header row repeats on every page.
 */
final class HeatmapTable {

    private static final Font HEAD_CODE = ReportStyle.font(8, Font.BOLD, ReportStyle.WHITE);
    private static final Font HEAD_NAME = ReportStyle.font(6, Font.NORMAL, ReportStyle.WHITE);
    private static final float COMPANY_WIDTH = 3.4f;

    private HeatmapTable() {}

    static PdfPTable of(List<Dimension> dimensions, List<PortfolioRow> rows, float tableWidth) {
        List<Float> widths = new ArrayList<>(List.of(COMPANY_WIDTH));
        dimensions.forEach(d -> widths.add(1.15f));
        widths.addAll(List.of(1.15f, 1.35f, 1.1f, 0.9f, 0.9f));
        float[] relative = new float[widths.size()];
        float sum = 0;
        for (int i = 0; i < relative.length; i++) {
            relative[i] = widths.get(i);
            sum += relative[i];
        }
        float companyPoints = tableWidth * COMPANY_WIDTH / sum - 8;

        PdfPTable table = ReportStyle.table(relative);
        table.addCell(ReportStyle.head("Company"));
        for (Dimension dimension : dimensions) {
            Phrase head = new Phrase();
            head.add(new Chunk(dimension.code(), HEAD_CODE));
            head.add(new Chunk("\n" + PdfText.safe(dimension.name()), HEAD_NAME));
            PdfPCell cell = ReportStyle.head("");
            cell.setPhrase(head);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(cell);
        }
        for (String head : List.of("Overall", "Level", "Percentile rank", "Open critical", "Open high")) {
            PdfPCell cell = ReportStyle.head(head);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(cell);
        }
        for (PortfolioRow row : rows) {
            table.addCell(ReportStyle.cell(
                    ChartDrawing.fit(row.companyName(), ReportStyle.BODY_BOLD, companyPoints), ReportStyle.BODY_BOLD));
            for (Dimension dimension : dimensions) {
                BigDecimal score = row.dimensionScores().get(dimension.code());
                table.addCell(ReportStyle.levelCell(
                        ReportStyle.score(score), score == null ? null : ReportStyle.band(score), ReportStyle.BODY));
            }
            table.addCell(ReportStyle.levelCell(
                    ReportStyle.score(row.overall()),
                    row.overall() == null ? null : ReportStyle.band(row.overall()),
                    ReportStyle.BODY_BOLD));
            table.addCell(ReportStyle.levelCell(
                    row.level() == null ? (row.levelSuppressed() ? "suppressed" : "n/a") : "Level " + row.level(),
                    row.level(),
                    ReportStyle.BODY_BOLD));
            table.addCell(centred(ReportStyle.percent(row.percentileRank())));
            table.addCell(centred(String.valueOf(row.openFindings().getOrDefault(Severity.CRITICAL, 0))));
            table.addCell(centred(String.valueOf(row.openFindings().getOrDefault(Severity.HIGH, 0))));
        }
        return table;
    }

    private static PdfPCell centred(String text) {
        PdfPCell cell = ReportStyle.cell(text, ReportStyle.BODY);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }
}
