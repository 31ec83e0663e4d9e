package dev.diligence.api.report;

import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import java.util.List;

/**
 * How many companies are at each maturity level: a horizontal bar per level 0 to 4 in its colour,
 * and one in grey for the companies whose level a red flag suppressed, each as long as its share of
 * the largest count, with the count beside it.
 */
final class LevelDistributionChart implements PdfPCellEvent {

    private static final float ROW = 16;
    private static final float LABELS = 96;
    private static final float VALUES = 30;

    private final List<Integer> levels;
    private final int suppressed;

    private LevelDistributionChart(List<Integer> levels, int suppressed) {
        this.levels = List.copyOf(levels);
        this.suppressed = suppressed;
    }

    /** A cell holding the chart of the counts at levels 0 to 4 ({@code levels}, in order) and of suppressed levels. */
    static PdfPCell cell(List<Integer> levels, int suppressed) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setFixedHeight(6 * ROW + 6);
        cell.setCellEvent(new LevelDistributionChart(levels, suppressed));
        return cell;
    }

    @Override
    public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
        PdfContentByte shapes = canvases[PdfPTable.BACKGROUNDCANVAS];
        PdfContentByte text = canvases[PdfPTable.TEXTCANVAS];
        float left = position.getLeft() + LABELS;
        float right = position.getRight() - VALUES;
        float top = position.getTop() - 3;
        int largest = Math.max(
                1,
                Math.max(
                        suppressed,
                        levels.stream().mapToInt(Integer::intValue).max().orElse(0)));
        for (int row = 0; row < 6; row++) {
            boolean suppressedRow = row == 5;
            int count = suppressedRow ? suppressed : levels.get(row);
            float middle = top - row * ROW - ROW / 2;
            String label = suppressedRow ? "Level suppressed" : ReportStyle.level(row, "");
            ChartDrawing.text(text, label, ReportStyle.SMALL, position.getLeft(), middle - 2.5f, Element.ALIGN_LEFT);
            ChartDrawing.box(shapes, left, middle - 5, right - left, 10, ReportStyle.SHADE);
            float width = (right - left) * count / largest;
            if (count > 0) {
                ChartDrawing.box(
                        shapes,
                        left,
                        middle - 5,
                        Math.max(width, 2),
                        10,
                        suppressedRow ? ReportStyle.MUTED : ReportStyle.levelColour(row));
            }
            ChartDrawing.text(
                    text, String.valueOf(count), ReportStyle.SMALL_BOLD, right + 6, middle - 2.5f, Element.ALIGN_LEFT);
        }
    }
}
