package dev.diligence.api.report;

import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The chart of one dimension: a horizontal bar per criterion on the 0 to 4 scale, as long as its
 * effective level and in that level's colour, a navy diamond at its target, and, where the evidence
 * gate lowered a recorded 3 or 4 to 2, a dashed outline up to the recorded level. A criterion not
 * applicable or not assessed has no bar, only its state. Drawn into a table cell as the table is laid
 * out, so it flows with the text and moves to the next page whole.
 */
final class DimensionBarChart implements PdfPCellEvent {

    /** One criterion's bar: {@code effectiveLevel} and {@code recordedLevel} only when scored. */
    record Bar(
            String code,
            String name,
            String state,
            @Nullable Integer effectiveLevel,
            @Nullable Integer recordedLevel,
            boolean gated,
            int target) {}

    private static final float ROW = 17;
    private static final float AXIS = 16;
    private static final float LABELS = 200;
    private static final float VALUES = 78;

    private final List<Bar> bars;

    private DimensionBarChart(List<Bar> bars) {
        this.bars = List.copyOf(bars);
    }

    /** A cell of the table's width holding the chart of {@code bars}. */
    static PdfPCell cell(List<Bar> bars) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setFixedHeight(bars.size() * ROW + AXIS + 4);
        cell.setCellEvent(new DimensionBarChart(bars));
        return cell;
    }

    @Override
    public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
        PdfContentByte shapes = canvases[PdfPTable.BACKGROUNDCANVAS];
        PdfContentByte text = canvases[PdfPTable.TEXTCANVAS];
        float left = position.getLeft() + LABELS;
        float right = position.getRight() - VALUES;
        float top = position.getTop() - 2;
        float bottom = top - bars.size() * ROW;
        float unit = (right - left) / 4;
        ChartDrawing.box(shapes, left, bottom, right - left, top - bottom, ReportStyle.SHADE);
        for (int level = 0; level <= 4; level++) {
            float x = left + level * unit;
            ChartDrawing.line(shapes, x, bottom, x, top, 0.4f, ReportStyle.RULE);
            ChartDrawing.text(
                    text, String.valueOf(level), ReportStyle.SMALL_MUTED, x, bottom - 9, Element.ALIGN_CENTER);
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            float middle = top - i * ROW - ROW / 2;
            ChartDrawing.text(
                    text,
                    ChartDrawing.fit(bar.code() + "  " + bar.name(), ReportStyle.SMALL, LABELS - 8),
                    ReportStyle.SMALL,
                    position.getLeft(),
                    middle - 2.5f,
                    Element.ALIGN_LEFT);
            if (bar.effectiveLevel() != null) {
                int effective = bar.effectiveLevel();
                float width = Math.max(effective * unit, 2);
                ChartDrawing.box(shapes, left, middle - 5, width, 10, ReportStyle.levelColour(effective));
                if (bar.gated() && bar.recordedLevel() != null && bar.recordedLevel() > effective) {
                    ChartDrawing.dashedBox(
                            shapes,
                            left + effective * unit,
                            middle - 5,
                            (bar.recordedLevel() - effective) * unit,
                            10,
                            ReportStyle.MUTED);
                }
                ChartDrawing.text(
                        text,
                        effective + " of target " + bar.target() + (bar.gated() ? " (gated)" : ""),
                        ReportStyle.SMALL,
                        right + 6,
                        middle - 2.5f,
                        Element.ALIGN_LEFT);
            } else {
                ChartDrawing.text(
                        text, bar.state(), ReportStyle.SMALL_MUTED, left + 4, middle - 2.5f, Element.ALIGN_LEFT);
                ChartDrawing.text(
                        text,
                        "target " + bar.target(),
                        ReportStyle.SMALL_MUTED,
                        right + 6,
                        middle - 2.5f,
                        Element.ALIGN_LEFT);
            }
            float target = left + bar.target() * unit;
            ChartDrawing.line(shapes, target, middle - 7, target, middle + 7, 1.2f, ReportStyle.NAVY);
            ChartDrawing.diamond(shapes, target, middle + 7, 2.5f, ReportStyle.NAVY);
        }
    }
}
