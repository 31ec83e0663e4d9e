package dev.diligence.api.finding;

import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
 * The findings export gives, as a file, exactly what the findings query lists for the same caller
 * and filter: every role that may read findings gets them, a fund manager only those of the funds
 * granted to them, another firm's IDs export nothing, formulas arrive as text, and every export is in
 * the audit trail. A firm with two funds, one granted to its fund manager, each holding a company
 * with an assessment and findings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingExportIT extends ApiIntegrationTest {

    private String tenant;
    private TenantUsers users;
    private String granted;
    private String other;
    private List<String> findingsInGranted;
    private List<String> findingsInOther;

    @BeforeAll
    void aFirmWithTwoFundsOneGranted() {
        tenant = newTenant("export");
        users = usersOf(tenant);
        GraphQlTester admin = graphQl(users.tenantAdmin());
        GraphQlTester assessor = graphQl(users.assessor());
        granted = CompanyFixtures.createFund(admin, "Granted Fund");
        other = CompanyFixtures.createFund(admin, "Other Fund");
        String inGranted = CompanyFixtures.createCompany(admin, "Alpha Export");
        String inOther = CompanyFixtures.createCompany(admin, "Bravo Export");
        CompanyFixtures.addHolding(admin, granted, inGranted, "DILIGENCE");
        CompanyFixtures.addHolding(admin, other, inOther, "DILIGENCE");
        admin.document(
                        "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { userErrors { field } } }")
                .variable("f", granted)
                .variable("s", "fund-manager@" + tenant)
                .execute()
                .path("grantFundAccess.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        String assessmentInGranted = createAssessment(assessor, inGranted, null);
        String assessmentInOther = createAssessment(assessor, inOther, null);
        findingsInGranted = List.of(
                raise(assessor, assessmentInGranted, "=HYPERLINK(\"http://evil.example\",\"click\")", "HIGH"),
                raise(assessor, assessmentInGranted, "No drift monitoring, \"at all\"", "CRITICAL"));
        findingsInOther = List.of(raise(assessor, assessmentInOther, "-2+3 model cards missing", "LOW"));
    }

    @Test
    void aTenantAdminsCsvHoldsWhatTheFindingsQueryListsWithFormulasAsText() throws IOException {
        EntityExchangeResult<byte[]> result = export(users.tenantAdmin(), "csv", "");

        assertThat(result.getResponseHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(result.getResponseHeaders().getContentDisposition().getFilename())
                .matches("findings-\\d{4}-\\d{2}-\\d{2}\\.csv");
        List<CSVRecord> records = csv(result.getResponseBody());
        assertThat(records.get(0).toList()).isEqualTo(FindingTable.HEADER);
        assertThat(ids(records)).containsExactlyInAnyOrderElementsOf(all()).isEqualTo(queried(users.tenantAdmin()));
        assertThat(records.stream().skip(1).map(record -> record.get(FindingTable.HEADER.indexOf("Title"))))
                .contains(
                        "'=HYPERLINK(\"http://evil.example\",\"click\")",
                        "No drift monitoring, \"at all\"",
                        "'-2+3 model cards missing");
    }

    @Test
    void theFiltersAreTheFindingsQuerysFilters() throws IOException {
        assertThat(ids(csv(
                        export(users.tenantAdmin(), "csv", "?fundId=" + other).getResponseBody())))
                .containsExactlyElementsOf(findingsInOther);
        assertThat(ids(csv(export(users.tenantAdmin(), "csv", "?severities=HIGH&severities=CRITICAL")
                        .getResponseBody())))
                .containsExactlyInAnyOrderElementsOf(findingsInGranted);
    }

    @Test
    void aFundManagerExportsOnlyTheGrantedFundsFindings() throws IOException {
        assertThat(ids(csv(export(users.fundManager(), "csv", "").getResponseBody())))
                .containsExactlyInAnyOrderElementsOf(findingsInGranted)
                .isEqualTo(queried(users.fundManager()));
        assertThat(ids(csv(
                        export(users.fundManager(), "csv", "?fundId=" + other).getResponseBody())))
                .isEmpty();
    }

    @Test
    void anotherFirmsCallerExportsNothingOfThisFirm() throws IOException {
        String stranger = usersOf(newTenant("export-b")).tenantAdmin();

        assertThat(ids(csv(export(stranger, "csv", "").getResponseBody()))).isEmpty();
        assertThat(ids(csv(export(stranger, "csv", "?fundId=" + granted).getResponseBody())))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} may export")
    @ValueSource(strings = {"tenant-admin", "fund-manager", "assessor", "reviewer", "integration"})
    void everyRoleThatReadsFindingsMayExportThem(String role) {
        assertThat(export(users.withRole(role), "csv", "").getStatus().value()).isEqualTo(200);
    }

    @Test
    void thePlatformAdministratorAndStrangersAreRefusedWithJson() {
        server().get()
                .uri("/exports/findings.csv")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + platformAdminToken())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        server().get()
                .uri("/exports/findings.csv")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void badInputIsAClearClientErrorNotAPage() {
        server().get()
                .uri("/exports/findings.pdf")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + users.tenantAdmin())
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        server().get()
                .uri("/exports/findings.csv?severities=DISASTROUS")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + users.tenantAdmin())
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theXlsxHoldsTheSameRows() throws IOException {
        EntityExchangeResult<byte[]> result = export(users.tenantAdmin(), "xlsx", "");

        assertThat(result.getResponseHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<String> ids = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponseBody()))) {
            Sheet sheet = workbook.getSheet(FindingTable.TITLE);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("ID");
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    ids.add(row.getCell(0).getStringCellValue());
                }
            }
        }
        assertThat(ids).isEqualTo(queried(users.tenantAdmin()));
    }

    @Test
    void everyExportIsInTheAuditTrailWithItsFilterAndRows() throws SQLException {
        String reviewer = users.reviewer();
        export(reviewer, "xlsx", "?fundId=" + granted);

        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement statement = admin.prepareStatement("""
                        select e.entity_type, e.after::text
                        from audit_events e join tenants t on t.id = e.tenant_id
                        where t.key = ? and e.action = 'exportFindings' and e.actor = ?
                        order by e.occurred_at desc limit 1""")) {
            statement.setString(1, tenant);
            statement.setString(2, "reviewer@" + tenant);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("an audit event of the export").isTrue();
                assertThat(row.getString(1)).isEqualTo("Export");
                assertThat(row.getString(2))
                        .contains("\"format\": \"XLSX\"", "\"fundId\": \"" + granted + "\"", "\"rows\": 2");
            }
        }
    }

    private EntityExchangeResult<byte[]> export(String token, String extension, String query) {
        return server().get()
                .uri("/exports/findings." + extension + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
    }

    private List<String> queried(String token) {
        return graphQl(token)
                .document("{ findings(first: 100) { nodes { id } } }")
                .execute()
                .path("findings.nodes[*].id")
                .entityList(String.class)
                .get();
    }

    private List<String> all() {
        List<String> all = new ArrayList<>(findingsInGranted);
        all.addAll(findingsInOther);
        return all;
    }

    private static List<CSVRecord> csv(byte[] file) throws IOException {
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        try (Reader reader =
                new InputStreamReader(new ByteArrayInputStream(file, 3, file.length - 3), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.parse(reader).getRecords();
        }
    }

    private static List<String> ids(List<CSVRecord> records) {
        return records.stream().skip(1).map(record -> record.get(0)).toList();
    }

    private static String raise(GraphQlTester assessor, String assessmentId, String title, String severity) {
        return assessor.documentName("raiseFinding")
                .variable(
                        "input",
                        Map.of(
                                "assessmentId",
                                assessmentId,
                                "title",
                                title,
                                "description",
                                "Found in the export test.",
                                "severity",
                                severity))
                .execute()
                .path("raiseFinding.finding.id")
                .entity(String.class)
                .get();
    }
}
