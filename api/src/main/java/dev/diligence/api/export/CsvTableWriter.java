package dev.diligence.api.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One table as CSV (RFC 4180 through Apache Commons CSV: comma, double quotes, CRLF), UTF-8 with a byte
 * order mark so that Excel reads it as UTF-8. Text is neutralised against formula injection; numbers
 * are written exactly, in plain notation; booleans as {@code true} and {@code false}; dates and
 * instants in ISO 8601 (instants in UTC).
 */
final class CsvTableWriter implements TableWriter {

    private final Writer writer;
    private final CSVPrinter printer;
    private final int columns;

    CsvTableWriter(OutputStream out, List<String> header) throws IOException {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.writer.write('\uFEFF');
        this.printer = CSVFormat.RFC4180.print(writer);
        this.columns = header.size();
        printer.printRecord(header);
    }

    @Override
    public void row(List<Cell> cells) throws IOException {
        if (cells.size() != columns) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + columns);
        }
        List<String> values = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            values.add(text(cell));
        }
        printer.printRecord(values);
    }

    /** A CSV file is one table: an export that has more writes only its first to CSV. */
    @Override
    public void nextTable(String title, List<String> header) {
        throw new UnsupportedOperationException("a CSV file holds one table");
    }

    @Override
    public void close() throws IOException {
        printer.flush();
        writer.flush();
    }

    private static String text(Cell cell) {
        if (cell.value() == null) {
            return "";
        }
        return switch (cell.kind()) {
            case TEXT -> FormulaGuard.neutralise((String) cell.value());
            case NUMBER -> ((BigDecimal) cell.value()).toPlainString();
            case BOOLEAN -> cell.value().toString();
            case DATE -> cell.value().toString();
            case TIMESTAMP -> ((Instant) cell.value()).toString();
        };
    }
}
