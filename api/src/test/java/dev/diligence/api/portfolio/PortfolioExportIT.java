package dev.diligence.api.portfolio;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static dev.diligence.api.assessment.AssessmentFixtures.submitAndPublish;
import static dev.diligence.api.portfolio.PortfolioResponses.list;
import static dev.diligence.api.portfolio.PortfolioResponses.map;
import static dev.diligence.api.support.FileDownloads.csv;
import static dev.diligence.api.support.FileDownloads.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.FileDownloads;
import dev.diligence.api.support.TenantUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The portfolio export gives, as a file, exactly what the {@code portfolio} query answers for the same
 * caller, fund and arguments: one row per company of the cohort, in the query's order, with the same
 * IDs and exact decimals; the XLSX file adds the query's statistics on a "Summary" sheet. Every
 * business role may export; a fund the caller cannot see is a 404 like an unknown one; formulas arrive
 * as text; every export is in the audit trail.
 * <pre>
 * Granted Fund (granted to the fund manager): =HYPERLINK(..) (a formula as its name), Alpha, Bravo,
 *                                             Charlie (in DILIGENCE), Delta (prohibited: level
 *                                             suppressed), Golf (never assessed)
 * Other Fund:                                 Hotel
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioExportIT extends ApiIntegrationTest {

    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

    private final FileDownloads files = new FileDownloads(this::server, MediaType.TEXT_HTML);

    private String tenant;
    private TenantUsers users;
    private String granted;
    private String other;
    private Instant published;

    @BeforeAll
    void aFirmWithTwoFundsOneGranted() {
        tenant = newTenant("portfolio-export");
        users = usersOf(tenant);
        GraphQlTester admin = graphQl(users.tenantAdmin());
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        granted = CompanyFixtures.createFund(admin, "Granted Fund");
        other = CompanyFixtures.createFund(admin, "Other Fund");
        CompanyFixtures.grantFund(admin, granted, "fund-manager@" + tenant);
        int level = 0;
        for (String name : List.of(FORMULA, "Alpha", "Bravo", "Charlie", "Delta", "Golf", "Hotel")) {
            String company = CompanyFixtures.createCompany(admin, name);
            CompanyFixtures.addHolding(
                    admin,
                    name.equals("Hotel") ? other : granted,
                    company,
                    name.equals("Charlie") ? "DILIGENCE" : "INVESTED");
            if (name.equals("Golf")) {
                continue;
            }
            String id = createAssessment(
                    assessor,
                    company,
                    Map.of("euAiActTier", name.equals("Delta") ? "PROHIBITED" : "HIGH", "modelsInProduction", true));
            score(assessor, id, "C1.1", level % 5, "HIGH");
            score(assessor, id, "C2.2", (level + 2) % 5, "MEDIUM");
            score(assessor, id, "C4.2", (level + 3) % 5, "HIGH");
            addEvidence(assessor, id, "C2.2");
            submitAndPublish(assessor, reviewer, id);
            level++;
        }
        published = Instant.now();
    }

    @Test
    void aTenantAdminsCsvHoldsWhatThePortfolioQueryAnswersWithFormulasAsText() throws IOException {
        EntityExchangeResult<byte[]> result = export(users.tenantAdmin(), granted, "csv", "");

        assertThat(result.getResponseHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(result.getResponseHeaders().getContentDisposition().getFilename())
                .matches("portfolio-\\d{4}-\\d{2}-\\d{2}\\.csv");
        assertThat(result.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        List<CSVRecord> records = csv(result.getResponseBody());
        Map<String, Object> portfolio = queried(users.tenantAdmin(), Map.of("fundId", granted));
        List<String> header = records.get(0).toList();
        List<Object> dimensions = list(portfolio, "dimensions").stream()
                .map(d -> d.get("dimension"))
                .toList();
        assertThat(header.subList(0, 10))
                .containsExactly(
                        "Company ID",
                        "Company",
                        "Assessment ID",
                        "Published at",
                        "Overall",
                        "Percentage",
                        "Level",
                        "Level suppressed",
                        "Coverage",
                        "Confidence");
        assertThat(header.subList(10, 10 + dimensions.size()))
                .extracting(column -> column.substring(0, column.indexOf(' ')))
                .isEqualTo(dimensions);
        assertThat(header.subList(10 + dimensions.size(), header.size()))
                .containsExactly(
                        "Percentile rank",
                        "Cohort size",
                        "Open critical findings",
                        "Open high findings",
                        "Open medium findings",
                        "Open low findings",
                        "Open info findings",
                        "Deal-level red flag",
                        "Red flags");

        List<Map<String, Object>> nodes = list(map(portfolio, "companies"), "nodes");
        assertThat(nodes).hasSize(5);
        assertThat(records.stream().skip(1).map(PortfolioExportIT::withPublicationToTheMillisecond))
                .containsExactlyElementsOf(
                        nodes.stream().map(PortfolioExportIT::asCsv).toList());
        assertThat(records.stream().skip(1).map(record -> record.get(1))).contains("'" + FORMULA, "Alpha");
        assertThat(nodes)
                .anySatisfy(node -> assertThat(node.get("percentileRank")).isNotNull());
        assertThat(nodes)
                .anySatisfy(node -> assertThat(node.get("levelSuppressed")).isEqualTo(true));
    }

    @Test
    void theArgumentsAreThePortfolioQuerysArguments() throws IOException {
        assertThat(ids(csv(export(users.tenantAdmin(), granted, "csv", "?dealStages=DILIGENCE&dealStages=EXITED")
                        .getResponseBody())))
                .hasSize(1)
                .isEqualTo(queriedIds(
                        users.tenantAdmin(), Map.of("fundId", granted, "dealStages", List.of("DILIGENCE", "EXITED"))));
        assertThat(ids(csv(export(users.tenantAdmin(), granted, "csv", "?asOf=2020-01-01T00:00:00Z")
                        .getResponseBody())))
                .isEmpty();
        assertThat(ids(csv(export(users.tenantAdmin(), granted, "csv", "?frameworkVersion=1")
                        .getResponseBody())))
                .hasSize(5)
                .isEqualTo(queriedIds(users.tenantAdmin(), Map.of("fundId", granted, "frameworkVersion", 1)));
    }

    @Test
    void aFundManagerExportsOnlyGrantedFunds() throws IOException {
        assertThat(ids(csv(export(users.fundManager(), granted, "csv", "").getResponseBody())))
                .hasSize(5)
                .isEqualTo(queriedIds(users.fundManager(), Map.of("fundId", granted)));
        files.refused(users.fundManager(), "/exports/funds/" + other + "/portfolio.csv", 404);
        graphQl(users.fundManager())
                .documentName("portfolioExport")
                .variable("fundId", other)
                .execute()
                .path("portfolio")
                .valueIsNull();
    }

    @Test
    void anotherFirmsCallerFindsNoSuchFund() {
        String stranger = usersOf(newTenant("portfolio-export-b")).tenantAdmin();

        files.refused(stranger, "/exports/funds/" + granted + "/portfolio.csv", 404);
        files.refused(stranger, "/exports/funds/" + granted + "/portfolio.xlsx", 404);
    }

    @ParameterizedTest(name = "{0} may export")
    @ValueSource(strings = {"tenant-admin", "fund-manager", "assessor", "reviewer", "integration"})
    void everyBusinessRoleMayExport(String role) {
        assertThat(export(users.withRole(role), granted, "csv", "").getStatus().value())
                .isEqualTo(200);
    }

    @Test
    void thePlatformAdministratorAndStrangersAreRefusedWithJson() {
        files.assertRefusedToPlatformAdminAndStrangers("/exports/funds/" + granted + "/portfolio.csv");
    }

    @Test
    void badInputIsAClearClientErrorNotAPage() {
        String admin = users.tenantAdmin();
        files.refused(admin, "/exports/funds/" + granted + "/portfolio.pdf", 404);
        files.refused(admin, "/exports/funds/not-a-fund-id/portfolio.csv", 404);
        files.refused(
                admin, "/exports/funds/" + GlobalId.encode("Company", UUID.randomUUID()) + "/portfolio.xlsx", 404);
        for (String query : List.of(
                "?asOf=yesterday",
                "?asOf=2026-01-01",
                "?dealStages=NOWHERE",
                "?frameworkVersion=x",
                "?frameworkVersion=999")) {
            files.refused(admin, "/exports/funds/" + granted + "/portfolio.csv" + query, 400);
        }
    }

    @Test
    void theXlsxHoldsTheSameRowsAndTheQuerysStatisticsOnASummarySheet() throws IOException {
        String asOf = published.plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
        EntityExchangeResult<byte[]> result = export(users.tenantAdmin(), granted, "xlsx", "?asOf=" + asOf);
        Map<String, Object> portfolio = queried(users.tenantAdmin(), Map.of("fundId", granted, "asOf", asOf));

        assertThat(result.getResponseHeaders().getContentType().toString()).isEqualTo(FileDownloads.XLSX);
        assertThat(result.getResponseHeaders().getContentDisposition().getFilename())
                .isEqualTo("portfolio-" + asOf.substring(0, 10) + ".xlsx");
        List<Map<String, Object>> nodes = list(map(portfolio, "companies"), "nodes");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponseBody()))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Companies");
            Sheet companies = workbook.getSheet("Companies");
            assertThat(companies.getLastRowNum()).isEqualTo(nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                Row row = companies.getRow(i + 1);
                Map<String, Object> node = nodes.get(i);
                assertThat(row.getCell(0).getStringCellValue())
                        .isEqualTo(map(node, "company").get("id"));
                assertThat(row.getCell(1).getStringCellValue())
                        .isEqualTo(map(node, "company").get("name"));
                assertThat(row.getCell(1).getCellStyle().getQuotePrefixed())
                        .isEqualTo(FORMULA.equals(map(node, "company").get("name")));
                assertDecimal(row.getCell(4), node.get("overall"));
                assertThat(row.getCell(7).getBooleanCellValue()).isEqualTo(node.get("levelSuppressed"));
            }

            Map<String, Cell> summary = FileDownloads.bySectionAndMeasure(workbook.getSheet("Summary"));
            assertThat(summary.get("Comparison|Fund ID").getStringCellValue()).isEqualTo(granted);
            assertThat(summary.get("Comparison|Fund").getStringCellValue()).isEqualTo("Granted Fund");
            assertThat(summary.get("Comparison|As of").getLocalDateTimeCellValue())
                    .isEqualTo(Instant.parse(asOf).atOffset(ZoneOffset.UTC).toLocalDateTime());
            assertThat(summary.get("Comparison|Framework version").getNumericCellValue())
                    .isEqualTo(((Number) portfolio.get("frameworkVersion")).doubleValue());
            assertThat(summary.get("Comparison|Deal stages").getStringCellValue())
                    .isEqualTo("all");
            assertThat(summary.get("Comparison|Cohort size").getNumericCellValue())
                    .isEqualTo(((Number) portfolio.get("cohortSize")).doubleValue());
            assertStatistics(summary, "Overall", map(portfolio, "overall"));
            for (Map<String, Object> dimension : list(portfolio, "dimensions")) {
                assertStatistics(summary, (String) dimension.get("dimension"), map(dimension, "statistics"));
            }
            Map<String, Object> levels = map(portfolio, "levelDistribution");
            for (int level = 0; level <= 4; level++) {
                assertThat(summary.get("Level distribution|Level " + level).getNumericCellValue())
                        .isEqualTo(((Number) levels.get("level" + level)).doubleValue());
            }
            assertThat(summary.get("Level distribution|Suppressed").getNumericCellValue())
                    .isEqualTo(((Number) levels.get("suppressed")).doubleValue())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void everyExportIsInTheAuditTrailWithItsArgumentsAndRows() {
        export(users.reviewer(), granted, "csv", "?dealStages=INVESTED&frameworkVersion=1");

        FileDownloads.AuditEvent event =
                FileDownloads.latestAuditEvent(tenant, "exportPortfolio", "reviewer@" + tenant);
        assertThat(event.entityType()).isEqualTo("Export");
        assertThat(event.after())
                .contains(
                        "\"format\": \"CSV\"",
                        "\"fundId\": \"" + granted + "\"",
                        "\"dealStages\": [\"INVESTED\"]",
                        "\"frameworkVersion\": 1",
                        "\"rows\": 4");
    }

    /** A row of the query's answer as the CSV writes it: exact decimals, empty for null, formulas neutralised. */
    private static List<String> asCsv(Map<String, Object> node) {
        List<String> row = new ArrayList<>(List.of(
                (String) map(node, "company").get("id"),
                neutralised((String) map(node, "company").get("name")),
                (String) map(node, "assessment").get("id"),
                Instant.parse((String) node.get("publishedAt")).toString(),
                text(node.get("overall")),
                text(node.get("percentage")),
                text(node.get("level")),
                text(node.get("levelSuppressed")),
                text(node.get("coverage")),
                text(node.get("confidence"))));
        list(node, "dimensions").forEach(d -> row.add(text(d.get("score"))));
        row.add(text(node.get("percentileRank")));
        row.add(text(node.get("cohortSize")));
        Map<String, Object> open = map(node, "openFindings");
        for (String severity : List.of("critical", "high", "medium", "low", "info")) {
            row.add(text(open.get(severity)));
        }
        row.add(text(node.get("dealLevelRedFlag")));
        row.add(String.join(
                "; ",
                list(node, "firedRedFlags").stream()
                        .map(flag ->
                                flag.get("rule") + (flag.get("criterion") == null ? "" : " " + flag.get("criterion")))
                        .toList()));
        return row;
    }

    /** A CSV row with its publication instant cut to the milliseconds the API's DateTime gives. */
    private static List<String> withPublicationToTheMillisecond(CSVRecord record) {
        List<String> row = new ArrayList<>(record.toList());
        row.set(3, Instant.parse(row.get(3)).truncatedTo(ChronoUnit.MILLIS).toString());
        return row;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String neutralised(String text) {
        return text.startsWith("=") ? "'" + text : text;
    }

    private static void assertStatistics(Map<String, Cell> summary, String section, Map<String, Object> statistics) {
        assertThat(summary.get(section + "|Count").getNumericCellValue())
                .isEqualTo(((Number) statistics.get("count")).doubleValue());
        Map<String, String> measures = Map.of(
                "Mean", "mean",
                "Median", "median",
                "Min", "min",
                "Max", "max",
                "Lower quartile", "lowerQuartile",
                "Upper quartile", "upperQuartile");
        measures.forEach(
                (measure, field) -> assertDecimal(summary.get(section + "|" + measure), statistics.get(field)));
    }

    /** An exported score equals the API's exact decimal: a numeric cell when a double holds it, else its text. */
    private static void assertDecimal(Cell cell, Object expected) {
        if (expected == null) {
            assertThat(cell).isNull();
        } else if (cell.getCellType() == CellType.NUMERIC) {
            assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).isEqualByComparingTo(expected.toString());
        } else {
            assertThat(cell.getStringCellValue()).isEqualTo(expected);
        }
    }

    private EntityExchangeResult<byte[]> export(String token, String fundId, String extension, String query) {
        return files.download(token, "/exports/funds/" + fundId + "/portfolio." + extension + query);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> queried(String token, Map<String, Object> variables) {
        return graphQl(token)
                .documentName("portfolioExport")
                .variables(variables)
                .execute()
                .path("portfolio")
                .entity(Map.class)
                .get();
    }

    private List<String> queriedIds(String token, Map<String, Object> variables) {
        return list(map(queried(token, variables), "companies"), "nodes").stream()
                .map(node -> (String) map(node, "company").get("id"))
                .toList();
    }
}
