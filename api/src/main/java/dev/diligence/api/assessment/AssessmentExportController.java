package dev.diligence.api.assessment;

import dev.diligence.api.export.Attachments;
import dev.diligence.api.export.ExportFormat;
import dev.diligence.api.export.Table;
import dev.diligence.api.export.TableWriter;
import dev.diligence.api.limits.ExportGate;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /exports/assessments/{assessmentId}/scores.csv} and {@code .xlsx}: an assessment's
 * criteria as the {@code assessment} query scores them, one row per criterion of its framework
 * version; the XLSX file has an "Evidence" and a "Score" sheet beside them, the CSV file holds the
 * criteria only. Same bearer tokens, roles and fund scope as the query: an assessment the caller cannot
 * see (unknown, another firm's, of a company outside a fund manager's granted funds, or a malformed
 * ID) is a 404, as the query answers null. Charged and limited by {@link ExportGate} for every row of
 * every table; recorded in the audit trail before the file is written.
 */
@RestController
class AssessmentExportController {

    private final AssessmentExports exports;
    private final ExportGate gate;
    private final Clock clock;

    AssessmentExportController(AssessmentExports exports, ExportGate gate, Clock clock) {
        this.exports = exports;
        this.gate = gate;
        this.clock = clock;
    }

    @GetMapping("/exports/assessments/{assessmentId}/scores.{extension}")
    void scores(
            @PathVariable String assessmentId,
            @PathVariable String extension,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ExportFormat format = ExportFormat.ofExtension(extension);
        List<Table> tables = exports.tables(AssessmentView.assessmentId(assessmentId), format)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such assessment"));
        long rows = tables.stream().mapToLong(table -> table.rows().size()).sum();
        gate.run(request, response, rows, () -> {
            exports.record(assessmentId, format, rows);
            Attachments.start(
                    response, format, "assessment-scores-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            Table first = tables.get(0);
            try (TableWriter writer = format.open(response.getOutputStream(), first.title(), first.header())) {
                first.writeRows(writer);
                for (Table table : tables.subList(1, tables.size())) {
                    writer.nextTable(table.title(), table.header());
                    table.writeRows(writer);
                }
            }
        });
    }
}
