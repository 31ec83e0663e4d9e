package dev.diligence.api.report;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;

/** The strokes the charts are drawn with, on a page's canvas in points from its lower left corner. */
final class ChartDrawing {

    private ChartDrawing() {}

    /** A filled rectangle. */
    static void box(PdfContentByte canvas, float x, float y, float width, float height, Color fill) {
        canvas.saveState();
        canvas.setColorFill(fill);
        canvas.rectangle(x, y, width, height);
        canvas.fill();
        canvas.restoreState();
    }

    /** A straight line. */
    static void line(PdfContentByte canvas, float x1, float y1, float x2, float y2, float width, Color colour) {
        canvas.saveState();
        canvas.setColorStroke(colour);
        canvas.setLineWidth(width);
        canvas.moveTo(x1, y1);
        canvas.lineTo(x2, y2);
        canvas.stroke();
        canvas.restoreState();
    }

    /** The outline of a rectangle in dashes. */
    static void dashedBox(PdfContentByte canvas, float x, float y, float width, float height, Color colour) {
        canvas.saveState();
        canvas.setColorStroke(colour);
        canvas.setLineWidth(0.8f);
        canvas.setLineDash(2f, 1.5f, 0f);
        canvas.rectangle(x, y, width, height);
        canvas.stroke();
        canvas.restoreState();
    }

    /** A small diamond centred on (x, y): the target marker. */
    static void diamond(PdfContentByte canvas, float x, float y, float radius, Color fill) {
        canvas.saveState();
        canvas.setColorFill(fill);
        canvas.moveTo(x, y + radius);
        canvas.lineTo(x + radius, y);
        canvas.lineTo(x, y - radius);
        canvas.lineTo(x - radius, y);
        canvas.closePath();
        canvas.fill();
        canvas.restoreState();
    }

    /** One line of text with its baseline at {@code y}, aligned at {@code x} ({@link Element#ALIGN_LEFT}, CENTER or RIGHT). */
    static void text(PdfContentByte canvas, String text, Font font, float x, float y, int alignment) {
        ColumnText.showTextAligned(canvas, alignment, new Phrase(PdfText.safe(text), font), x, y, 0);
    }

    /** {@code text} cut with an ellipsis to at most {@code width} points in {@code font}. */
    static String fit(String text, Font font, float width) {
        BaseFont base = font.getCalculatedBaseFont(false);
        float size = font.getSize();
        String safe = PdfText.safe(text);
        if (base.getWidthPoint(safe, size) <= width) {
            return safe;
        }
        String cut = safe;
        while (!cut.isEmpty() && base.getWidthPoint(cut + "\u2026", size) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.stripTrailing() + "\u2026";
    }
}
