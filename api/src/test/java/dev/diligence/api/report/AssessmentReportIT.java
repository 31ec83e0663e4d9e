package dev.diligence.api.report;

import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.handCheckedDraft;
import static dev.diligence.api.assessment.AssessmentFixtures.publishedAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.raiseFindingWith;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static dev.diligence.api.assessment.AssessmentFixtures.submitAndPublish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.export.ExportAuditTrail;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.FileDownloads;
import dev.diligence.api.support.TenantUsers;
import dev.diligence.api.support.TestIssuer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The assessment report shows what the {@code assessment} query answers the same caller: its cover,
 * scores, dimension charts, red flags, findings, evidence and publication, read back from the PDF
 * and compared with the API's answer fetched in the same test. Only callers who may see the
 * assessment get it (everyone else gets the 404 an unknown ID gets), and every report is in the
 * audit trail. A firm with two funds, one granted to its fund manager; in the granted one a company
 * (its name partly outside Latin-1) with a published assessment (red flags, gated criteria, findings
 * with owners, due dates and plans) and a draft; in the other a published assessment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentReportIT extends ApiIntegrationTest {

    private static final String ASSESSMENT = """
            query($id: ID!) { assessment(id: $id) {
              id status frameworkVersion company { name }
              publication { publisher { name } publishedAt }
              score { overall level uncappedLevel levelCappedBy dimensions { code applicable score } redFlags { rule } }
              findings { title ownedBy { name } dueDate remediationPlan }
              criteria { code evidence { value } }
            } }""";

    private final FileDownloads files = new FileDownloads(this::server, MediaType.TEXT_HTML, MediaType.APPLICATION_PDF);

    private String tenant;
    private TenantUsers users;
    private String granted;
    private String published;
    private String draft;
    private String inOtherFund;

    @BeforeAll
    void aFirmWithAPublishedAssessmentAndADraft() {
        tenant = newTenant("report");
        users = usersOf(tenant);
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        CompanyFixtures.TwoFunds funds = CompanyFixtures.twoFundsOneGranted(
                graphQl(users.tenantAdmin()), "fund-manager@" + tenant, "Zürich Analytics 東京 AG", "Bravo Report");
        granted = funds.granted();
        String olga = person("olga", "Olga Owner");
        String omar = person("omar", "Omar Owner");

        published = handCheckedDraft(assessor, funds.inGranted());
        raise(
                assessor,
                published,
                "No drift monitoring",
                "CRITICAL",
                olga,
                LocalDate.now().plusDays(30),
                "Alerts");
        raise(
                assessor,
                published,
                "Model cards missing",
                "LOW",
                omar,
                LocalDate.now().plusDays(60),
                null);
        raise(
                assessor,
                published,
                "Fairness tests absent",
                "HIGH",
                null,
                LocalDate.now().plusDays(10),
                "Tests");
        submitAndPublish(assessor, reviewer, published);
        draft = createAssessment(assessor, funds.inGranted(), null);
        score(assessor, draft, "C1.1", 2, "MEDIUM");
        inOtherFund = publishedAssessment(assessor, reviewer, funds.inOther());
    }

    @Test
    void theReportShowsWhatTheAssessmentQueryAnswersTheSameCaller() throws IOException {
        Map<String, Object> api = assessment(users.tenantAdmin(), published);
        EntityExchangeResult<byte[]> result = report(users.tenantAdmin(), published);

        HttpHeaders headers = result.getResponseHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(headers.getContentDisposition().getType()).isEqualTo("inline");
        assertThat(headers.getContentDisposition().getFilename())
                .matches("assessment-report-zurich-analytics-ag-\\d{4}-\\d{2}-\\d{2}\\.pdf");
        assertThat(headers.getCacheControl()).isEqualTo("no-store");
        byte[] pdf = result.getResponseBody();
        ReportPdfs.save(pdf, "assessment-report.pdf");
        String text = ReportPdfs.text(pdf);
        List<String> lines = ReportPdfs.lines(pdf);

        assertThat(text)
                .contains("Zürich Analytics ?? AG")
                .contains("Fund(s) Granted Fund")
                .contains("Assessment ID " + api.get("id"))
                .contains("Status " + api.get("status"))
                .contains("Framework version " + api.get("frameworkVersion"));
        Map<String, Object> publication = map(api, "publication");
        assertThat(text)
                .contains("Publication Published by "
                        + map(publication, "publisher").get("name") + " on " + minute(publication.get("publishedAt")));

        Map<String, Object> score = map(api, "score");
        assertThat(text).contains("Overall score " + ReportPdfs.score(score.get("overall")) + ",");
        assertThat(text).contains("uncapped level " + score.get("uncappedLevel") + ".");
        if (score.get("level") != null) {
            int level = (Integer) score.get("level");
            assertThat(text).contains("Level " + level + " " + ReportStyle.LEVEL_NAMES[level]);
        }
        if (score.get("levelCappedBy") != null) {
            assertThat(text)
                    .contains("The level is capped by " + score.get("levelCappedBy") + " at " + score.get("level"));
        }
        for (Map<String, Object> dimension : list(score, "dimensions")) {
            String shown = Boolean.TRUE.equals(dimension.get("applicable"))
                    ? "Score " + ReportPdfs.score(dimension.get("score"))
                    : "Score not applicable";
            assertThat(lines)
                    .as("the chart heading of %s", dimension.get("code"))
                    .anyMatch(line -> line.startsWith(dimension.get("code") + " ") && line.endsWith(shown));
        }
        assertThat(list(score, "redFlags")).isNotEmpty();
        for (Map<String, Object> flag : list(score, "redFlags")) {
            assertThat(lines).anyMatch(line -> line.startsWith(flag.get("rule") + " "));
        }

        List<Map<String, Object>> findings = list(api, "findings");
        assertThat(findings).hasSizeGreaterThan(3);
        for (Map<String, Object> finding : findings) {
            String owner = finding.get("ownedBy") == null
                    ? "unassigned"
                    : (String) map(finding, "ownedBy").get("name");
            String due = finding.get("dueDate") == null ? "none" : (String) finding.get("dueDate");
            assertThat(lines)
                    .as("the row of finding %s", finding.get("title"))
                    .anyMatch(line -> line.contains((String) finding.get("title")) && line.endsWith(owner + " " + due));
        }
        assertThat(text).contains("Plan: Alerts", "Plan: Tests", "Plan: none recorded");
        assertThat(text.indexOf("No drift monitoring"))
                .as("most severe first")
                .isLessThan(text.indexOf("Fairness tests absent"))
                .isLessThan(text.indexOf("Model cards missing"));
        for (Map<String, Object> criterion : list(api, "criteria")) {
            for (Map<String, Object> evidence : list(criterion, "evidence")) {
                assertThat(text).contains((String) evidence.get("value"));
            }
        }
        int pages = ReportPdfs.pages(pdf);
        assertThat(text).contains("Page 1 of " + pages, "Page " + pages + " of " + pages);
    }

    @Test
    void aDraftsReportSaysItIsNotPublished() throws IOException {
        Map<String, Object> api = assessment(users.assessor(), draft);

        String text = ReportPdfs.text(report(users.assessor(), draft).getResponseBody());

        assertThat(api.get("publication")).isNull();
        assertThat(text)
                .contains("Publication Not published (status DRAFT)")
                .contains("computed from the recorded inputs; not final until published")
                .contains("Overall score " + ReportPdfs.score(map(api, "score").get("overall")) + ",");
    }

    @ParameterizedTest(name = "{0} may take the report")
    @ValueSource(strings = {"tenant-admin", "fund-manager", "assessor", "reviewer", "integration"})
    void everyRoleThatReadsAssessmentsMayTakeItsReport(String role) {
        assertThat(report(users.withRole(role), published).getStatus().value()).isEqualTo(200);
    }

    @Test
    void aFundManagerGetsNotFoundForAnAssessmentOutsideTheGrantedFunds() {
        graphQl(users.fundManager())
                .document(ASSESSMENT)
                .variable("id", inOtherFund)
                .execute()
                .path("assessment")
                .valueIsNull();
        files.refused(users.fundManager(), "/exports/assessments/" + inOtherFund + "/report.pdf", 404);
        assertThat(report(users.tenantAdmin(), inOtherFund).getStatus().value()).isEqualTo(200);
    }

    @Test
    void anotherFirmsCallerGetsNotFoundNeverAPdf() {
        String stranger = usersOf(newTenant("report-b")).tenantAdmin();

        files.refused(stranger, "/exports/assessments/" + published + "/report.pdf", 404);
    }

    @Test
    void thePlatformAdministratorAndStrangersAreRefusedWithJson() {
        files.assertRefusedToPlatformAdminAndStrangers("/exports/assessments/" + published + "/report.pdf");
    }

    @Test
    void badIdsAreAClearNotFoundInJsonNotAPage() {
        String detail = "No assessment with this ID is visible to the caller";
        files.refused(users.tenantAdmin(), "/exports/assessments/not-an-id/report.pdf", 404)
                .jsonPath("$.detail")
                .isEqualTo(detail);
        files.refused(users.tenantAdmin(), "/exports/assessments/" + granted + "/report.pdf", 404)
                .jsonPath("$.detail")
                .isEqualTo(detail);
        files.refused(users.tenantAdmin(), "/exports/assessments/" + published + "/report.docx", 404);
    }

    @Test
    void everyReportIsInTheAuditTrailWithTheAssessmentAndItsRows() {
        Map<String, Object> api = assessment(users.reviewer(), published);
        long evidence = list(api, "criteria").stream()
                .mapToLong(c -> list(c, "evidence").size())
                .sum();
        long rows = list(api, "criteria").size() + list(api, "findings").size() + evidence;

        report(users.reviewer(), published);

        FileDownloads.AuditEvent event =
                FileDownloads.latestAuditEvent(tenant, "reportAssessment", "reviewer@" + tenant);
        assertThat(event.entityType()).isEqualTo(ExportAuditTrail.ENTITY_TYPE);
        assertThat(event.after())
                .contains("\"format\": \"PDF\"", "\"assessmentId\": \"" + published + "\"", "\"rows\": " + rows);
    }

    private EntityExchangeResult<byte[]> report(String token, String assessmentId) {
        return files.download(token, "/exports/assessments/" + assessmentId + "/report.pdf");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> assessment(String token, String id) {
        return graphQl(token)
                .document(ASSESSMENT)
                .variable("id", id)
                .execute()
                .path("assessment")
                .entity(Map.class)
                .get();
    }

    /** A person of the firm with a display name: they act once, so the firm knows them. */
    private String person(String name, String displayName) {
        String subject = name + "@" + tenant;
        Map<String, Object> claims = new HashMap<>();
        claims.put("tenant", tenant);
        claims.put("name", displayName);
        claims.put("realm_access", Map.of("roles", List.of("assessor")));
        graphQl(ISSUER.token(subject, TestIssuer.AUDIENCE, claims))
                .document("{ viewer { subject } }")
                .execute()
                .path("viewer.subject")
                .entity(String.class)
                .isEqualTo(subject);
        return subject;
    }

    private static void raise(
            GraphQlTester assessor,
            String assessmentId,
            String title,
            String severity,
            String owner,
            LocalDate due,
            String plan) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("description", "Found in the report test.");
        input.put("severity", severity);
        input.put("owner", owner);
        input.put("dueDate", due.toString());
        input.put("remediationPlan", plan);
        raiseFindingWith(assessor, assessmentId, input);
    }

    private static String minute(Object instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .format(OffsetDateTime.parse(instant.toString()).withOffsetSameInstant(ZoneOffset.UTC));
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
