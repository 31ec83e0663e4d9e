package dev.diligence.api.export;

import java.io.IOException;
import java.util.List;

/**
 * A table whole in memory, for the small ones beside a file's main table (a summary, an assessment's
 * criteria and evidence): its title, header and rows, so that what is charged for ({@code rows().size()})
 * is exactly what is written.
 */
public record Table(String title, List<String> header, List<List<Cell>> rows) {

    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** Writes the rows to {@code writer}, whose current table is this one. */
    public void writeRows(TableWriter writer) throws IOException {
        for (List<Cell> row : rows) {
            writer.row(row);
        }
    }
}
