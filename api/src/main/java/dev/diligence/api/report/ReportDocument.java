package dev.diligence.api.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;

/**
 * A report made in memory: the page size and margins, the {@link ReportPageFrame} on every page and
 * the document's metadata, around the content a report adds. Made whole before a byte is sent, so a
 * failure while drawing is an error answer, never half a file.
 */
final class ReportDocument {

    /** What a report puts on its pages. */
    @FunctionalInterface
    interface Content {
        void addTo(Document document, PdfWriter writer) throws DocumentException;
    }

    private static final float MARGIN = 36;

    private ReportDocument() {}

    /** The PDF of {@code content} on pages of {@code size}, framed by {@code frame}, titled {@code title}. */
    static byte[] write(Rectangle size, ReportPageFrame frame, String title, String subject, Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(size, MARGIN, MARGIN, ReportPageFrame.BAR + 22, MARGIN + 16);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(frame);
            document.addTitle(PdfText.safe(title));
            document.addSubject(PdfText.safe(subject));
            document.addCreator("Diligence portfolio API");
            document.addCreationDate();
            document.open();
            content.addTo(document, writer);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the report could not be laid out", e);
        }
        return out.toByteArray();
    }
}
