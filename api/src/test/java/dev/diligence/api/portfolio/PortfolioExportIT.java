package dev.diligence.api.portfolio;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.move;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static dev.diligence.api.portfolio.PortfolioResponses.list;
import static dev.diligence.api.portfolio.PortfolioResponses.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
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
import org.springframework.http.HttpHeaders;
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
        admin.document(
                        "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { userErrors { field } } }")
                .variable("f", granted)
                .variable("s", "fund-manager@" + tenant)
                .execute()
                .path("grantFundAccess.userErrors")
                .entityList(Object.class)
                .hasSize(0);
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
            move(assessor, assessor, "submitAssessment", id);
            move(reviewer, reviewer, "publishAssessment", id);
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
        assertThat(companyIds(csv(export(users.tenantAdmin(), granted, "csv", "?dealStages=DILIGENCE&dealStages=EXITED")
                        .getResponseBody())))
                .hasSize(1)
                .isEqualTo(queriedIds(
                        users.tenantAdmin(), Map.of("fundId", granted, "dealStages", List.of("DILIGENCE", "EXITED"))));
        assertThat(companyIds(csv(export(users.tenantAdmin(), granted, "csv", "?asOf=2020-01-01T00:00:00Z")
                        .getResponseBody())))
                .isEmpty();
        assertThat(companyIds(csv(export(users.tenantAdmin(), granted, "csv", "?frameworkVersion=1")
                        .getResponseBody())))
                .hasSize(5)
                .isEqualTo(queriedIds(users.tenantAdmin(), Map.of("fundId", granted, "frameworkVersion", 1)));
    }

    @Test
    void aFundManagerExportsOnlyGrantedFunds() throws IOException {
        assertThat(companyIds(
                        csv(export(users.fundManager(), granted, "csv", "").getResponseBody())))
                .hasSize(5)
                .isEqualTo(queriedIds(users.fundManager(), Map.of("fundId", granted)));
        assertNotFound(users.fundManager(), "/exports/funds/" + other + "/portfolio.csv");
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

        assertNotFound(stranger, "/exports/funds/" + granted + "/portfolio.csv");
        assertNotFound(stranger, "/exports/funds/" + granted + "/portfolio.xlsx");
    }

    @ParameterizedTest(name = "{0} may export")
    @ValueSource(strings = {"tenant-admin", "fund-manager", "assessor", "reviewer", "integration"})
    void everyBusinessRoleMayExport(String role) {
        assertThat(export(users.withRole(role), granted, "csv", "").getStatus().value())
                .isEqualTo(200);
    }

    @Test
    void thePlatformAdministratorAndStrangersAreRefusedWithJson() {
        server().get()
                .uri("/exports/funds/" + granted + "/portfolio.csv")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + platformAdminToken())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        server().get()
                .uri("/exports/funds/" + granted + "/portfolio.csv")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void badInputIsAClearClientErrorNotAPage() {
        String admin = users.tenantAdmin();
        assertNotFound(admin, "/exports/funds/" + granted + "/portfolio.pdf");
        assertNotFound(admin, "/exports/funds/not-a-fund-id/portfolio.csv");
        assertNotFound(admin, "/exports/funds/" + GlobalId.encode("Company", UUID.randomUUID()) + "/portfolio.xlsx");
        for (String query : List.of(
                "?asOf=yesterday",
                "?asOf=2026-01-01",
                "?dealStages=NOWHERE",
                "?frameworkVersion=x",
                "?frameworkVersion=999")) {
            server().get()
                    .uri("/exports/funds/" + granted + "/portfolio.csv" + query)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                    .accept(MediaType.TEXT_HTML)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void theXlsxHoldsTheSameRowsAndTheQuerysStatisticsOnASummarySheet() throws IOException {
        String asOf = published.plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
        EntityExchangeResult<byte[]> result = export(users.tenantAdmin(), granted, "xlsx", "?asOf=" + asOf);
        Map<String, Object> portfolio = queried(users.tenantAdmin(), Map.of("fundId", granted, "asOf", asOf));

        assertThat(result.getResponseHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
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

            Map<String, Cell> summary = new HashMap<>();
            for (Row row : workbook.getSheet("Summary")) {
                if (row.getRowNum() > 0) {
                    String section = row.getCell(0).getStringCellValue();
                    String code = section.startsWith("D") ? section.substring(0, section.indexOf(' ')) : section;
                    summary.put(code + "|" + row.getCell(1).getStringCellValue(), row.getCell(2));
                }
            }
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
    void everyExportIsInTheAuditTrailWithItsArgumentsAndRows() throws SQLException {
        export(users.reviewer(), granted, "csv", "?dealStages=INVESTED&frameworkVersion=1");

        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement statement = admin.prepareStatement("""
                        select e.entity_type, e.after::text
                        from audit_events e join tenants t on t.id = e.tenant_id
                        where t.key = ? and e.action = 'exportPortfolio' and e.actor = ?
                        order by e.occurred_at desc limit 1""")) {
            statement.setString(1, tenant);
            statement.setString(2, "reviewer@" + tenant);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("an audit event of the export").isTrue();
                assertThat(row.getString(1)).isEqualTo("Export");
                assertThat(row.getString(2))
                        .contains(
                                "\"format\": \"CSV\"",
                                "\"fundId\": \"" + granted + "\"",
                                "\"dealStages\": [\"INVESTED\"]",
                                "\"frameworkVersion\": 1",
                                "\"rows\": 4");
            }
        }
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
        return server().get()
                .uri("/exports/funds/" + fundId + "/portfolio." + extension + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
    }

    private void assertNotFound(String token, String path) {
        server().get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
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

    private static List<String> companyIds(List<CSVRecord> records) {
        return records.stream().skip(1).map(record -> record.get(0)).toList();
    }

    private static List<CSVRecord> csv(byte[] file) throws IOException {
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        try (Reader reader =
                new InputStreamReader(new ByteArrayInputStream(file, 3, file.length - 3), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.parse(reader).getRecords();
        }
    }
}
