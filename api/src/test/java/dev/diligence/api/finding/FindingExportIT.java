package dev.diligence.api.finding;

import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.raiseFinding;
import static dev.diligence.api.support.FileDownloads.csv;
import static dev.diligence.api.support.FileDownloads.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.FileDownloads;
import dev.diligence.api.support.TenantUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

    private final FileDownloads files = new FileDownloads(this::server, MediaType.TEXT_HTML);

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
        GraphQlTester assessor = graphQl(users.assessor());
        CompanyFixtures.TwoFunds funds = CompanyFixtures.twoFundsOneGranted(
                graphQl(users.tenantAdmin()), "fund-manager@" + tenant, "Alpha Export", "Bravo Export");
        granted = funds.granted();
        other = funds.other();
        String assessmentInGranted = createAssessment(assessor, funds.inGranted(), null);
        String assessmentInOther = createAssessment(assessor, funds.inOther(), null);
        findingsInGranted = List.of(
                raiseFinding(assessor, assessmentInGranted, "=HYPERLINK(\"http://evil.example\",\"click\")", "HIGH"),
                raiseFinding(assessor, assessmentInGranted, "No drift monitoring, \"at all\"", "CRITICAL"));
        findingsInOther = List.of(raiseFinding(assessor, assessmentInOther, "-2+3 model cards missing", "LOW"));
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
        files.assertRefusedToPlatformAdminAndStrangers("/exports/findings.csv");
    }

    @Test
    void badInputIsAClearClientErrorNotAPage() {
        files.refused(users.tenantAdmin(), "/exports/findings.pdf", 404);
        files.refused(users.tenantAdmin(), "/exports/findings.csv?severities=DISASTROUS", 400);
    }

    @Test
    void theXlsxHoldsTheSameRows() throws IOException {
        EntityExchangeResult<byte[]> result = export(users.tenantAdmin(), "xlsx", "");

        assertThat(result.getResponseHeaders().getContentType().toString()).isEqualTo(FileDownloads.XLSX);
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
    void everyExportIsInTheAuditTrailWithItsFilterAndRows() {
        export(users.reviewer(), "xlsx", "?fundId=" + granted);

        FileDownloads.AuditEvent event = FileDownloads.latestAuditEvent(tenant, "exportFindings", "reviewer@" + tenant);
        assertThat(event.entityType()).isEqualTo("Export");
        assertThat(event.after()).contains("\"format\": \"XLSX\"", "\"fundId\": \"" + granted + "\"", "\"rows\": 2");
    }

    private EntityExchangeResult<byte[]> export(String token, String extension, String query) {
        return files.download(token, "/exports/findings." + extension + query);
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
}
