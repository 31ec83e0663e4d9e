package dev.diligence.api.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * What every page of a report has around its content: a navy title bar across the top with the
 * report's name and what it is about, and a footer with a rule, what the report was made from and
 * "Page n of N" (the total is written into a placeholder when the document closes).
 */
final class ReportPageFrame extends PdfPageEventHelper {

    /** The height of the title bar; the top margin leaves room for it. */
    static final float BAR = 30;

    private static final Font BAR_TITLE = ReportStyle.font(10.5f, Font.BOLD, ReportStyle.WHITE);
    private static final Font BAR_SUBJECT = ReportStyle.font(9, Font.NORMAL, ReportStyle.WHITE);
    private static final float TOTAL_WIDTH = 24;
    private static final float GAP = 2.5f;

    private final String title;
    private final String subject;
    private final String footer;
    private PdfTemplate total;

    /** {@code title} and {@code subject} in the bar (left and right), {@code footer} at the bottom left of each page. */
    ReportPageFrame(String title, String subject, String footer) {
        this.title = title;
        this.subject = subject;
        this.footer = footer;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(TOTAL_WIDTH, 10);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte canvas = writer.getDirectContent();
        Rectangle page = document.getPageSize();
        float barBottom = page.getTop() - BAR;
        ChartDrawing.box(canvas, 0, barBottom, page.getWidth(), BAR, ReportStyle.NAVY);
        ChartDrawing.box(canvas, 0, barBottom - 2.5f, page.getWidth(), 2.5f, ReportStyle.ACCENT);
        ChartDrawing.text(canvas, title, BAR_TITLE, document.left(), barBottom + 11, Element.ALIGN_LEFT);
        ChartDrawing.text(
                canvas,
                ChartDrawing.fit(subject, BAR_SUBJECT, document.right() - document.left() - 330),
                BAR_SUBJECT,
                document.right(),
                barBottom + 11,
                Element.ALIGN_RIGHT);

        float footerLine = document.bottom() - 12;
        ChartDrawing.line(canvas, document.left(), footerLine, document.right(), footerLine, 0.5f, ReportStyle.RULE);
        float baseline = footerLine - 11;
        ChartDrawing.text(
                canvas,
                ChartDrawing.fit(footer, ReportStyle.SMALL_MUTED, document.right() - document.left() - 90),
                ReportStyle.SMALL_MUTED,
                document.left(),
                baseline,
                Element.ALIGN_LEFT);
        ChartDrawing.text(
                canvas,
                "Page " + writer.getPageNumber() + " of ",
                ReportStyle.SMALL_MUTED,
                document.right() - TOTAL_WIDTH,
                baseline,
                Element.ALIGN_RIGHT);
        canvas.addTemplate(total, document.right() - TOTAL_WIDTH + GAP, baseline);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        ColumnText.showTextAligned(
                total,
                Element.ALIGN_LEFT,
                new Phrase(String.valueOf(writer.getPageNumber() - 1), ReportStyle.SMALL_MUTED),
                0,
                0,
                0);
    }
}
