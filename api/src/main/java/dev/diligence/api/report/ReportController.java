package dev.diligence.api.report;

import dev.diligence.api.assessment.AssessmentView;
import dev.diligence.api.export.Attachments;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.limits.ExportGate;
import dev.diligence.api.portfolio.PortfolioArguments;
import dev.diligence.api.portfolio.PortfolioService;
import dev.diligence.api.portfolio.PortfolioService.Comparison;
import dev.diligence.api.refusal.Refusal;
import dev.diligence.api.refusal.Refusals;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The investment-committee reports as PDF files: {@code GET /exports/assessments/{assessmentId}/report.pdf}
 * and {@code GET /exports/funds/{fundId}/report.pdf} (optionally {@code asOf}, {@code dealStages}
 * repeated and {@code frameworkVersion}, as the {@code portfolio} query takes them). Same bearer
 * tokens, roles and fund scope as the {@code assessment} and {@code portfolio} queries; an ID the
 * caller cannot see (unknown, malformed, of another type or another firm's) is a 404 problem, the
 * same for all of them. Charged and limited by {@link ExportGate} (a row per criterion, finding and
 * piece of evidence of an assessment; per company and remediation item listed of a portfolio),
 * recorded in the audit trail before the file is sent. Made whole in memory first (reports are a few
 * pages), so a failure is an error answer, never half a file. Sent {@code inline}: a browser opens it
 * in its PDF viewer, and the file name still names it when saved ({@code curl -OJ} too).
 */
@RestController
class ReportController {

    static final MediaType PDF = MediaType.APPLICATION_PDF;

    private final AssessmentReports assessmentReports;
    private final PortfolioReports portfolioReports;
    private final PortfolioService portfolios;
    private final ExportGate gate;
    private final Refusals refusals;

    ReportController(
            AssessmentReports assessmentReports,
            PortfolioReports portfolioReports,
            PortfolioService portfolios,
            ExportGate gate,
            Refusals refusals) {
        this.assessmentReports = assessmentReports;
        this.portfolioReports = portfolioReports;
        this.portfolios = portfolios;
        this.gate = gate;
        this.refusals = refusals;
    }

    @GetMapping("/exports/assessments/{assessmentId}/report.pdf")
    void assessment(@PathVariable String assessmentId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        AssessmentId id = new AssessmentId(GlobalId.decodeOrNothing(assessmentId, AssessmentView.TYPE));
        Optional<AssessmentReportData> read = assessmentReports.read(id, assessmentId);
        if (read.isEmpty()) {
            notFound(request, response, "No assessment with this ID is visible to the caller");
            return;
        }
        AssessmentReportData data = read.get();
        long rows = data.rows();
        gate.run(request, response, rows, () -> {
            byte[] pdf = AssessmentReport.render(data);
            assessmentReports.record(assessmentId, rows);
            send(
                    response,
                    pdf,
                    "assessment-report-" + PdfText.slug(data.companyName(), "company") + "-"
                            + LocalDate.ofInstant(data.generatedAt(), ZoneOffset.UTC) + ".pdf");
        });
    }

    @GetMapping("/exports/funds/{fundId}/report.pdf")
    void portfolio(
            @PathVariable String fundId,
            PortfolioArguments arguments,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Optional<Comparison> comparison;
        try {
            comparison = arguments.comparison(portfolios, fundId);
        } catch (RuleViolationException unknownVersion) {
            refusals.write(
                    request,
                    response,
                    Refusal.of(
                            HttpStatus.BAD_REQUEST.value(),
                            unknownVersion.violations().get(0).message()));
            return;
        }
        if (comparison.isEmpty()) {
            notFound(request, response, "No fund with this ID is visible to the caller");
            return;
        }
        long rows = portfolioReports.rows(comparison.get());
        Map<String, Object> asked = arguments.asked(fundId);
        gate.run(request, response, rows, () -> {
            PortfolioReportData data = portfolioReports.read(comparison.get(), fundId);
            byte[] pdf = PortfolioReport.render(data);
            portfolioReports.record(asked, rows);
            send(
                    response,
                    pdf,
                    "portfolio-report-" + PdfText.slug(data.fundName(), "fund") + "-"
                            + LocalDate.ofInstant(data.generatedAt(), ZoneOffset.UTC) + ".pdf");
        });
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        refusals.write(request, response, Refusal.of(HttpStatus.NOT_FOUND.value(), message));
    }

    private static void send(HttpServletResponse response, byte[] pdf, String fileName) throws IOException {
        Attachments.inline(response, PDF, fileName);
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
