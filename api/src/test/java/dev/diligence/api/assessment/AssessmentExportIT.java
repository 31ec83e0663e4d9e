package dev.diligence.api.assessment;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.handCheckedDraft;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static dev.diligence.api.assessment.AssessmentFixtures.submitAndPublish;
import static dev.diligence.api.support.FileDownloads.csv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.FileDownloads;
import dev.diligence.api.support.TenantUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
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
 * The assessment export gives, as a file, what the {@code assessment} query answers for the same
 * caller: a row per criterion with its scoring, and in XLSX the evidence and the score beside them.
 * Whoever may read the assessment may export it; an assessment the caller cannot see is a 404 like an
 * unknown one; formulas arrive as text; every export is in the audit trail. A firm with two funds,
 * one granted to its fund manager: in it a company named like a formula with a published assessment
 * (gated criteria, a criterion not applicable, a capped dimension, red flags, evidence that is a
 * formula), in the other a company with a draft.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentExportIT extends ApiIntegrationTest {

    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

    private final FileDownloads files = new FileDownloads(this::server, MediaType.TEXT_HTML);

    private String tenant;
    private TenantUsers users;
    private String published;
    private String draft;

    @BeforeAll
    void aFirmWithAPublishedAssessmentInAGrantedFundAndADraftInAnother() {
        tenant = newTenant("assessment-export");
        users = usersOf(tenant);
        GraphQlTester assessor = graphQl(users.assessor());
        CompanyFixtures.TwoFunds funds = CompanyFixtures.twoFundsOneGranted(
                graphQl(users.tenantAdmin()), "fund-manager@" + tenant, FORMULA, "Bravo Scores");
        published = handCheckedDraft(assessor, funds.inGranted());
        addEvidence(assessor, published, "C1.2", "NOTE", FORMULA);
        addEvidence(assessor, published, "C1.2", "NOTE", "-2+3 model cards missing, \"per\" interview");
        addEvidence(assessor, published, "C4.4", "LINK", "https://example.com/drift-dashboard");
        submitAndPublish(assessor, graphQl(users.reviewer()), published);
        draft = createAssessment(assessor, funds.inOther(), null);
        score(assessor, draft, "C2.1", 3, "MEDIUM");
    }

    @Test
    void aTenantAdminsCsvHoldsTheCriteriaAsTheAssessmentQueryScoresThem() throws IOException {
        EntityExchangeResult<byte[]> result = export(users.tenantAdmin(), published, "csv");

        assertThat(result.getResponseHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(result.getResponseHeaders().getContentDisposition().getFilename())
                .matches("assessment-scores-\\d{4}-\\d{2}-\\d{2}\\.csv");
        assertThat(result.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        List<CSVRecord> records = csv(result.getResponseBody());
        assertThat(records.get(0).toList()).isEqualTo(CriterionTable.HEADER);
        List<List<String>> expected = expectedCriteria(users.tenantAdmin(), published);
        assertThat(records.stream().skip(1).map(CSVRecord::toList)).containsExactlyElementsOf(expected);
        assertThat(expected)
                .as("the assessment exercises every column")
                .anySatisfy(row -> assertThat(row.get(7)).isEqualTo("true"))
                .anySatisfy(row -> assertThat(row.get(3)).isEqualTo("NOT_APPLICABLE"))
                .anySatisfy(row -> assertThat(row.get(11)).isEqualTo("2"));
    }

    @Test
    void aDraftIsExportedWithTheScoreItsRecordedInputsGive() throws IOException {
        assertThat(csv(export(users.assessor(), draft, "csv").getResponseBody()).stream()
                        .skip(1)
                        .map(CSVRecord::toList))
                .containsExactlyElementsOf(expectedCriteria(users.assessor(), draft));
    }

    @Test
    void aFundManagerExportsOnlyAssessmentsOfGrantedFunds() throws IOException {
        assertThat(csv(export(users.fundManager(), published, "csv").getResponseBody()).stream()
                        .skip(1)
                        .map(CSVRecord::toList))
                .containsExactlyElementsOf(expectedCriteria(users.fundManager(), published));
        files.refused(users.fundManager(), "/exports/assessments/" + draft + "/scores.csv", 404);
        graphQl(users.fundManager())
                .documentName("assessmentExport")
                .variable("id", draft)
                .execute()
                .path("assessment")
                .valueIsNull();
    }

    @Test
    void anotherFirmsCallerFindsNoSuchAssessment() {
        String stranger = usersOf(newTenant("assessment-export-b")).tenantAdmin();

        files.refused(stranger, "/exports/assessments/" + published + "/scores.csv", 404);
        files.refused(stranger, "/exports/assessments/" + draft + "/scores.xlsx", 404);
    }

    @ParameterizedTest(name = "{0} may export")
    @ValueSource(strings = {"tenant-admin", "fund-manager", "assessor", "reviewer", "integration"})
    void everyBusinessRoleMayExport(String role) {
        assertThat(export(users.withRole(role), published, "xlsx").getStatus().value())
                .isEqualTo(200);
    }

    @Test
    void thePlatformAdministratorAndStrangersAreRefusedWithJson() {
        files.assertRefusedToPlatformAdminAndStrangers("/exports/assessments/" + published + "/scores.csv");
    }

    @Test
    void badInputIsAClearClientErrorNotAPage() {
        String admin = users.tenantAdmin();
        files.refused(admin, "/exports/assessments/" + published + "/scores.pdf", 404);
        files.refused(admin, "/exports/assessments/not-an-assessment-id/scores.csv", 404);
        files.refused(
                admin, "/exports/assessments/" + GlobalId.encode("Company", UUID.randomUUID()) + "/scores.csv", 404);
        files.refused(
                admin,
                "/exports/assessments/" + GlobalId.encode("Assessment", UUID.randomUUID()) + "/scores.xlsx",
                404);
    }

    @Test
    void theXlsxHoldsTheSameCriteriaAndTheEvidenceAndScoreTheQueryGives() throws IOException {
        EntityExchangeResult<byte[]> result = export(users.reviewer(), published, "xlsx");
        Map<String, Object> assessment = queried(users.reviewer(), published);

        assertThat(result.getResponseHeaders().getContentType().toString()).isEqualTo(FileDownloads.XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponseBody()))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Criteria");
            List<List<String>> criteria = new ArrayList<>();
            for (Row row : workbook.getSheet("Criteria")) {
                if (row.getRowNum() > 0) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < CriterionTable.HEADER.size(); i++) {
                        cells.add(normalised(text(row.getCell(i))));
                    }
                    criteria.add(cells);
                }
            }
            assertThat(criteria)
                    .isEqualTo(expectedCriteria(users.reviewer(), published).stream()
                            .map(row -> row.stream()
                                    .map(AssessmentExportIT::normalised)
                                    .toList())
                            .toList());

            List<Map<String, Object>> evidence = new ArrayList<>();
            for (Map<String, Object> criterion : list(assessment, "criteria")) {
                for (Map<String, Object> item : list(criterion, "evidence")) {
                    Map<String, Object> withCode = new HashMap<>(item);
                    withCode.put("criterion", criterion.get("code"));
                    evidence.add(withCode);
                }
            }
            Sheet evidenceSheet = workbook.getSheet("Evidence");
            assertThat(evidenceSheet.getLastRowNum()).isEqualTo(evidence.size()).isEqualTo(6);
            for (int i = 0; i < evidence.size(); i++) {
                Row row = evidenceSheet.getRow(i + 1);
                Map<String, Object> item = evidence.get(i);
                assertThat(List.of(
                                text(row.getCell(0)), text(row.getCell(1)), text(row.getCell(2)), text(row.getCell(3))))
                        .containsExactly(
                                (String) item.get("criterion"),
                                (String) item.get("id"),
                                (String) item.get("kind"),
                                (String) item.get("value"));
                assertThat(row.getCell(3).getCellStyle().getQuotePrefixed())
                        .as("a value a spreadsheet would run is kept as text")
                        .isEqualTo(((String) item.get("value")).matches("[=+\\-@].*"));
            }

            Map<String, Cell> score = FileDownloads.bySectionAndMeasure(workbook.getSheet("Score"));
            Map<String, Object> expected = map(assessment, "score");
            assertThat(score.get("Assessment|ID").getStringCellValue()).isEqualTo(published);
            assertThat(score.get("Assessment|Company").getStringCellValue()).isEqualTo(FORMULA);
            assertThat(score.get("Assessment|Company").getCellStyle().getQuotePrefixed())
                    .isTrue();
            assertThat(score.get("Assessment|Status").getStringCellValue()).isEqualTo("PUBLISHED");
            assertThat(score.get("Assessment|Stored").getBooleanCellValue()).isTrue();
            for (String field : List.of("overall", "percentage", "floor", "confidence", "coverage", "level")) {
                String measure =
                        field.equals("overall") ? "Score" : Character.toUpperCase(field.charAt(0)) + field.substring(1);
                assertThat(normalised(text(score.get("Overall|" + measure))))
                        .as(field)
                        .isEqualTo(normalised(text(expected.get(field))));
            }
            for (Map<String, Object> dimension : list(expected, "dimensions")) {
                String code = (String) dimension.get("code");
                assertThat(normalised(text(score.get(code + "|Score"))))
                        .isEqualTo(normalised(text(dimension.get("score"))));
                assertThat(text(score.get(code + "|Capped by"))).isEqualTo(text(dimension.get("cappedBy")));
                assertThat(text(score.get(code + "|Cap explanation"))).isEqualTo(text(dimension.get("capExplanation")));
            }
            assertThat(list(expected, "dimensions"))
                    .anySatisfy(d -> assertThat(d.get("cappedBy")).isNotNull());
            assertThat(list(expected, "redFlags")).isNotEmpty().allSatisfy(flag -> {
                String section = "Red flag " + flag.get("rule")
                        + (flag.get("criterion") == null ? "" : " " + flag.get("criterion"));
                assertThat(score.get(section + "|Severity").getStringCellValue())
                        .isEqualTo(flag.get("severity"));
                assertThat(score.get(section + "|Explanation").getStringCellValue())
                        .isEqualTo(flag.get("explanation"));
            });
        }
    }

    @Test
    void everyExportIsInTheAuditTrailWithItsAssessmentAndRows() {
        export(users.integration(), published, "csv");
        int criteria = list(map(queried(users.integration(), published), "score"), "criteria")
                .size();

        FileDownloads.AuditEvent event =
                FileDownloads.latestAuditEvent(tenant, "exportAssessment", "integration@" + tenant);
        assertThat(event.entityType()).isEqualTo("Export");
        assertThat(event.after())
                .contains("\"format\": \"CSV\"", "\"assessmentId\": \"" + published + "\"", "\"rows\": " + criteria);
    }

    /** The criteria rows as the CSV writes them, from the query's answer: exact decimals, empty for null. */
    private List<List<String>> expectedCriteria(String token, String assessmentId) {
        Map<String, Object> assessment = queried(token, assessmentId);
        Map<String, String> names = new HashMap<>();
        Map<String, Object> framework = graphQl(token)
                .documentName("frameworkVersion")
                .variable("version", assessment.get("frameworkVersion"))
                .execute()
                .path("framework")
                .entity(Map.class)
                .get();
        for (Map<String, Object> dimension : list(framework, "dimensions")) {
            list(dimension, "criteria").forEach(c -> names.put((String) c.get("code"), (String) c.get("name")));
        }
        Map<String, Integer> evidence = new HashMap<>();
        list(assessment, "criteria")
                .forEach(c ->
                        evidence.put((String) c.get("code"), list(c, "evidence").size()));
        return list(map(assessment, "score"), "criteria").stream()
                .map(c -> List.of(
                        text(c.get("dimension")),
                        text(c.get("code")),
                        names.get((String) c.get("code")),
                        text(c.get("state")),
                        text(c.get("recordedLevel")),
                        text(c.get("effectiveLevel")),
                        text(c.get("confidence")),
                        text(c.get("gated")),
                        text(c.get("target")),
                        text(c.get("gap")),
                        text(c.get("weight")),
                        text(evidence.get((String) c.get("code")))))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> queried(String token, String assessmentId) {
        return graphQl(token)
                .documentName("assessmentExport")
                .variable("id", assessmentId)
                .execute()
                .path("assessment")
                .entity(Map.class)
                .get();
    }

    private EntityExchangeResult<byte[]> export(String token, String assessmentId, String extension) {
        return files.download(token, "/exports/assessments/" + assessmentId + "/scores." + extension);
    }

    /** A cell as text: its string, true/false, or its number in plain notation; empty when absent. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> cell.getStringCellValue();
        };
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A number's value without its scale (a spreadsheet's 3.0 is the API's 3 and 3.00), any other text as it is. */
    private static String normalised(String text) {
        try {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }
}
