package dev.diligence.api.finding;

import dev.diligence.api.export.Attachments;
import dev.diligence.api.export.ExportFormat;
import dev.diligence.api.export.TableWriter;
import dev.diligence.api.limits.ExportGate;
import dev.diligence.domain.finding.FindingFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /exports/findings.csv} and {@code GET /exports/findings.xlsx}: every finding the findings
 * query would list for the same filter, as a file, given as the query parameters of
 * {@link FindingFilterInput} ({@code fundId}, {@code companyId}, {@code assessmentId} as global IDs,
 * {@code severities} and {@code statuses} repeated, {@code dimension}, {@code source}). Same bearer
 * tokens, roles and fund scope as the query; charged and limited by {@link ExportGate}; recorded in
 * the audit trail before the file is written; streamed, so memory stays flat however long the file.
 */
@RestController
class FindingExportController {

    private final FindingExports exports;
    private final ExportGate gate;
    private final Clock clock;

    FindingExportController(FindingExports exports, ExportGate gate, Clock clock) {
        this.exports = exports;
        this.gate = gate;
        this.clock = clock;
    }

    @GetMapping("/exports/findings.{extension}")
    void findings(
            @PathVariable String extension,
            FindingFilterInput filter,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ExportFormat format = ExportFormat.ofExtension(extension);
        FindingFilter findingFilter = FindingFilterInput.toFilter(filter);
        long rows = exports.count(findingFilter);
        gate.run(request, response, rows, () -> {
            exports.record(filter, format, rows);
            Attachments.start(response, format, "findings-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            try (TableWriter table = format.open(response.getOutputStream(), FindingTable.TITLE, FindingTable.HEADER)) {
                exports.write(findingFilter, table);
            }
        });
    }
}
