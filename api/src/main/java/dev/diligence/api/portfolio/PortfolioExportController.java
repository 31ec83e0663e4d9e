package dev.diligence.api.portfolio;

import dev.diligence.api.export.Attachments;
import dev.diligence.api.export.ExportFormat;
import dev.diligence.api.export.TableWriter;
import dev.diligence.api.limits.ExportGate;
import dev.diligence.domain.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /exports/funds/{fundId}/portfolio.csv} and {@code .xlsx}: a fund's portfolio comparison as
 * the {@code portfolio} query answers it for the same arguments ({@link PortfolioArguments}), one row
 * per company of the cohort; the XLSX file has a "Summary" sheet beside the companies (statistics,
 * level distribution, what was compared), the CSV file holds the companies only. Same bearer tokens,
 * roles and fund scope as the query: a fund the caller cannot see (unknown, another firm's, not
 * granted to a fund manager, or a malformed ID) is a 404, as the query answers null; an unknown
 * framework version a 400. Charged and limited by {@link ExportGate}; recorded in the audit trail
 * before the file is written; streamed a page of companies at a time.
 */
@RestController
class PortfolioExportController {

    private final PortfolioService portfolios;
    private final PortfolioExports exports;
    private final ExportGate gate;

    PortfolioExportController(PortfolioService portfolios, PortfolioExports exports, ExportGate gate) {
        this.portfolios = portfolios;
        this.exports = exports;
        this.gate = gate;
    }

    @GetMapping("/exports/funds/{fundId}/portfolio.{extension}")
    void portfolio(
            @PathVariable String fundId,
            @PathVariable String extension,
            PortfolioArguments arguments,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ExportFormat format = ExportFormat.ofExtension(extension);
        PortfolioService.Comparison comparison = comparison(fundId, arguments);
        long rows = exports.count(comparison, format);
        gate.run(request, response, rows, () -> {
            exports.record(fundId, arguments, format, rows);
            Attachments.start(
                    response,
                    format,
                    "portfolio-" + LocalDate.ofInstant(comparison.query().asOf(), ZoneOffset.UTC));
            try (TableWriter table = format.open(
                    response.getOutputStream(), PortfolioTable.TITLE, PortfolioTable.header(comparison.version()))) {
                exports.write(comparison, format, table);
            }
        });
    }

    private PortfolioService.Comparison comparison(String fundId, PortfolioArguments arguments) {
        try {
            return arguments
                    .comparison(portfolios, fundId)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such fund"));
        } catch (RuleViolationException unknownVersion) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, unknownVersion.violations().get(0).message());
        }
    }
}
