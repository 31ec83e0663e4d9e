package dev.diligence.api.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The file formats a table is exported in, with what the HTTP response says about each. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv", false),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", true);

    private final String mediaType;
    private final String extension;
    private final boolean holdsManyTables;

    ExportFormat(String mediaType, String extension, boolean holdsManyTables) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.holdsManyTables = holdsManyTables;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /**
     * Whether a file holds more than one table ({@link TableWriter#nextTable}): XLSX does, a sheet
     * each; a CSV file is one table, so an export of several tables writes only its main one to CSV.
     */
    public boolean holdsManyTables() {
        return holdsManyTables;
    }

    /**
     * The format whose file name extension is {@code extension} ({@code csv}, {@code xlsx}).
     *
     * @throws ResponseStatusException 404 when no format has it: an export path with another
     *     extension names nothing
     */
    public static ExportFormat ofExtension(String extension) {
        return Arrays.stream(values())
                .filter(format -> format.extension.equals(extension))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such export format"));
    }

    /**
     * Starts a file on {@code out} with a table titled {@code title} (an XLSX sheet's name) with
     * {@code header}; rows go to the stream as they are written, so memory stays flat however many
     * there are.
     */
    public TableWriter open(OutputStream out, String title, List<String> header) throws IOException {
        return switch (this) {
            case CSV -> new CsvTableWriter(out, header);
            case XLSX -> new XlsxTableWriter(out, title, header);
        };
    }
}
