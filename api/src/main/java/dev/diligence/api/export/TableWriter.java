package dev.diligence.api.export;

import java.io.IOException;
import java.util.List;

/**
 * One exported file being written: a table a row at a time, then, in a format that holds many tables
 * ({@link ExportFormat#holdsManyTables}), further tables, then closed to finish the file.
 */
public interface TableWriter extends AutoCloseable {

    /** Writes a row of the current table; it has one cell per column of the table's header. */
    void row(List<Cell> cells) throws IOException;

    /**
     * Ends the current table and starts another titled {@code title} (an XLSX sheet's name) with
     * {@code header}; the rows written next are its rows.
     *
     * @throws UnsupportedOperationException when the format holds one table only (CSV)
     */
    void nextTable(String title, List<String> header) throws IOException;

    /** Finishes the file and flushes it to the stream, which stays open. */
    @Override
    void close() throws IOException;
}
