package dev.diligence.api.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.diligence.domain.finding.Severity;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The look shared by every report: standard Helvetica in a few sizes, one navy for titles and rules,
 * the colours of the five maturity levels, and how numbers and instants are written. Scores (0 to 4)
 * are shown at two places and percentages and percentile ranks at one, rounded half up from the
 * API's 10 places; instants in UTC to the minute.
 */
final class ReportStyle {

    static final Color NAVY = new Color(0x1F, 0x2A, 0x44);
    static final Color ACCENT = new Color(0x2E, 0x86, 0xC1);
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x6B, 0x72, 0x80);
    static final Color RULE = new Color(0xD0, 0xD5, 0xDD);
    static final Color SHADE = new Color(0xF3, 0xF5, 0xF8);
    static final Color NO_SCORE = new Color(0xE5, 0xE7, 0xEB);
    static final Color WHITE = Color.WHITE;

    /** Level 0 red, 1 orange, 2 yellow, 3 light green, 4 green. */
    private static final Color[] LEVEL_COLOURS = {
        new Color(0xD9, 0x48, 0x3B),
        new Color(0xF0, 0x8C, 0x2E),
        new Color(0xF4, 0xD0, 0x3F),
        new Color(0x9C, 0xD3, 0x8B),
        new Color(0x2E, 0x9E, 0x5B)
    };

    /** Critical dark red, high red-orange, medium amber, low blue-grey, info grey. */
    private static final Color[] SEVERITY_COLOURS = {
        new Color(0x8E, 0x1B, 0x1B),
        new Color(0xD9, 0x48, 0x3B),
        new Color(0xE8, 0xA3, 0x17),
        new Color(0x6C, 0x8E, 0xAD),
        new Color(0x9C, 0xA3, 0xAF)
    };

    static final String[] LEVEL_NAMES = {"Absent", "Initial", "Repeatable", "Managed", "Optimizing"};

    static final Font TITLE = font(20, Font.BOLD, NAVY);
    static final Font SUBTITLE = font(11, Font.NORMAL, MUTED);
    static final Font HEADING = font(13, Font.BOLD, NAVY);
    static final Font SUBHEADING = font(10, Font.BOLD, NAVY);
    static final Font BODY = font(9, Font.NORMAL, INK);
    static final Font BODY_BOLD = font(9, Font.BOLD, INK);
    static final Font SMALL = font(7.5f, Font.NORMAL, INK);
    static final Font SMALL_BOLD = font(7.5f, Font.BOLD, INK);
    static final Font SMALL_MUTED = font(7.5f, Font.NORMAL, MUTED);
    static final Font TABLE_HEAD = font(8, Font.BOLD, WHITE);
    static final Font FIGURE = font(22, Font.BOLD, NAVY);
    static final Font FIGURE_LABEL = font(8, Font.NORMAL, MUTED);

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ReportStyle() {}

    static Font font(float size, int style, Color colour) {
        return new Font(Font.HELVETICA, size, style, colour);
    }

    /** The colour of maturity level {@code level}, 0 to 4 (clamped). */
    static Color levelColour(int level) {
        return LEVEL_COLOURS[Math.max(0, Math.min(4, level))];
    }

    /** A cell naming a finding's severity, in white on the severity's colour. */
    static PdfPCell severityCell(Severity severity) {
        PdfPCell cell = new PdfPCell(new Phrase(severity.name(), font(7, Font.BOLD, WHITE)));
        cell.setBackgroundColor(SEVERITY_COLOURS[severity.ordinal()]);
        cell.setBorder(Rectangle.BOX);
        cell.setBorderColor(WHITE);
        cell.setBorderWidth(1.5f);
        cell.setPadding(3);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    /** Text that reads on {@link #levelColour}: white on red and green, ink on the lighter ones. */
    static Color textOn(int level) {
        return level == 0 || level == 4 ? WHITE : INK;
    }

    /** The level band of a score: its whole part, 0 to 4. */
    static int band(BigDecimal score) {
        return Math.max(0, Math.min(4, score.setScale(0, RoundingMode.FLOOR).intValue()));
    }

    /** A score at two places, or "n/a". */
    static String score(@Nullable BigDecimal score) {
        return score == null ? "n/a" : score.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A percentage or percentile rank at one place, or "n/a". */
    static String percent(@Nullable BigDecimal value) {
        return value == null ? "n/a" : value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** A share 0 to 1 as a percentage at one place, e.g. "85.0%", or "n/a". */
    static String share(@Nullable BigDecimal value) {
        return value == null ? "n/a" : percent(value.movePointRight(2)) + "%";
    }

    /** "Level 2 Repeatable", or the text given for none. */
    static String level(@Nullable Integer level, String none) {
        return level == null ? none : "Level " + level + " " + LEVEL_NAMES[Math.max(0, Math.min(4, level))];
    }

    /** "1 finding", "2 findings": {@code count} with the noun in the number it takes. */
    static String count(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    static String instant(@Nullable Instant instant) {
        return instant == null ? "n/a" : MINUTE.format(instant);
    }

    /**
     * A section heading; the space above it is its leading. No paragraph of a report has spacing
     * before or after: OpenPDF writes such spacing as a line holding one space, which text extraction
     * (copy and paste, screen readers, PDFBox) sorts into the neighbouring line.
     */
    static Paragraph heading(String text) {
        Paragraph heading = new Paragraph(30, PdfText.safe(text), HEADING);
        heading.setKeepTogether(true);
        return heading;
    }

    /**
     * Starts a section: its heading, on a new page when less than {@code needed} points are left on
     * this one, so that a heading never stands alone at the foot of a page.
     */
    static void section(Document document, PdfWriter writer, String title, float needed) throws DocumentException {
        if (writer.getVerticalPosition(true) - document.bottom() < needed) {
            document.newPage();
        }
        document.add(heading(title));
    }

    static Paragraph paragraph(String text, Font font) {
        return new Paragraph(font.getSize() * 1.35f, PdfText.safe(text), font);
    }

    /** A table of the report's width with these relative column widths, no cell borders but a light rule under each row. */
    static PdfPTable table(float... widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(5);
        table.setSpacingAfter(6);
        table.setHeaderRows(1);
        return table;
    }

    /** A navy header cell. */
    static PdfPCell head(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(PdfText.safe(text), TABLE_HEAD));
        cell.setBackgroundColor(NAVY);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(4);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    /** A navy header cell aligned right, over a column of numbers. */
    static PdfPCell headRight(String text) {
        PdfPCell cell = head(text);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    /** A body cell with a rule below it. */
    static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(PdfText.safe(text), font));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setPadding(4);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        return cell;
    }

    /** A body cell aligned right, for numbers. */
    static PdfPCell number(String text, Font font) {
        PdfPCell cell = cell(text, font);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    /** A cell filled with the colour of {@code level} (none: grey), its text centred. */
    static PdfPCell levelCell(String text, @Nullable Integer level, Font font) {
        Font shown = new Font(font);
        shown.setColor(level == null ? MUTED : textOn(level));
        PdfPCell cell = new PdfPCell(new Phrase(PdfText.safe(text), shown));
        cell.setBackgroundColor(level == null ? NO_SCORE : levelColour(level));
        cell.setBorder(Rectangle.BOX);
        cell.setBorderColor(WHITE);
        cell.setBorderWidth(1.2f);
        cell.setPadding(4);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    /** {@code cell} without border or left padding. */
    static PdfPCell plain(PdfPCell cell) {
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPaddingLeft(0);
        return cell;
    }
}
