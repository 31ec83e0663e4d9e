package dev.diligence.api.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reading a report back as its text, and the API's numbers as a report writes them (README "Reports"). */
final class ReportPdfs {

    private ReportPdfs() {}

    /** The text of every page, in reading order, runs of spaces and tabs as one space. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("[ \\t\\u00A0]+", " ");
        }
    }

    /** The lines of {@link #text}, trimmed. */
    static List<String> lines(byte[] pdf) throws IOException {
        return Arrays.stream(text(pdf).split("\\R")).map(String::strip).toList();
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    /** A score (0 to 4) of the API as a report shows it: two places, half up; "n/a" for none. */
    static String score(Object decimal) {
        return decimal == null
                ? "n/a"
                : new BigDecimal(decimal.toString())
                        .setScale(2, RoundingMode.HALF_UP)
                        .toPlainString();
    }

    /** A percentile rank or percentage of the API as a report shows it: one place, half up; "n/a" for none. */
    static String percent(Object decimal) {
        return decimal == null
                ? "n/a"
                : new BigDecimal(decimal.toString())
                        .setScale(1, RoundingMode.HALF_UP)
                        .toPlainString();
    }

    /** Keeps {@code pdf} in {@code target/reports/} for people to look at (e.g. {@code pdftoppm -png -r 60 -f 1 -l 1}). */
    static void save(byte[] pdf, String name) throws IOException {
        Path reports = Path.of("target", "reports");
        Files.createDirectories(reports);
        Files.write(reports.resolve(name), pdf);
    }
}
