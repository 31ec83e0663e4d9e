package dev.diligence.api.report;

import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * The key to the level colours: a swatch per maturity level 0 to 4 and one for "no score". A level
 * is shown in its colour; a score (0 to 4) in the colour of its band, its whole part (2.70 is
 * level 2's yellow).
 */
final class LevelLegend {

    private LevelLegend() {}

    static PdfPTable table() {
        PdfPTable legend = new PdfPTable(new float[] {1.3f, 1, 1, 1.1f, 1, 1.1f, 1});
        legend.setWidthPercentage(100);
        legend.setSpacingBefore(4);
        legend.setSpacingAfter(8);
        PdfPCell label = new PdfPCell(new Phrase("Level colours", ReportStyle.SMALL_BOLD));
        label.setBorder(Rectangle.NO_BORDER);
        label.setVerticalAlignment(Element.ALIGN_MIDDLE);
        legend.addCell(label);
        for (int level = 0; level <= 4; level++) {
            legend.addCell(
                    ReportStyle.levelCell(level + " " + ReportStyle.LEVEL_NAMES[level], level, ReportStyle.SMALL_BOLD));
        }
        legend.addCell(ReportStyle.levelCell("no score", null, ReportStyle.SMALL_BOLD));
        return legend;
    }
}
