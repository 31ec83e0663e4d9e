package dev.diligence.api.report;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.raiseFinding;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static dev.diligence.api.assessment.AssessmentFixtures.submitAndPublish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.export.ExportAuditTrail;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.FileDownloads;
import dev.diligence.api.support.TenantUsers;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
 * The portfolio report shows what the {@code portfolio} query answers the same caller for the same
 * arguments: the heatmap rows (dimension scores, overall score, level, percentile rank, open critical
 * and high findings), the score distribution and the top of the remediation ranking, read back from
 * the PDF and compared with the API's answer fetched in the same test. Only callers who may see the
 * fund get it, bad arguments are a clear 4xx problem, and every report is in the audit trail.
 * <pre>
 * Fund I (granted to the fund manager): Alpha, Bravo, Charlie, Delta (prohibited: level suppressed),
 *                                        Echo (in diligence), Foxtrot (a draft only), Golf (never assessed)
 * Fund II:                               Hotel (published)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioReportIT extends ApiIntegrationTest {

    private static final String PORTFOLIO = """
            query($f: ID!, $stages: [DealStage!]) { portfolio(fundId: $f, dealStages: $stages) {
              fund { name } frameworkVersion cohortSize
              overall { count mean median lowerQuartile upperQuartile min max }
              levelDistribution { level0 level1 level2 level3 level4 suppressed }
              companies(first: 100) { totalCount nodes {
                company { name } overall level levelSuppressed percentileRank
                dimensions { dimension score } openFindings { critical high } } }
              remediation(first: 20) { totalCount nodes { company { name } criterion gap priority } }
            } }""";

    private final FileDownloads files = new FileDownloads(this::server, MediaType.TEXT_HTML, MediaType.APPLICATION_PDF);

    private String tenant;
    private TenantUsers users;
    private String fundI;
    private String fundII;
    private String golf;

    @BeforeAll
    void aSmallFund() {
        tenant = newTenant("portfolio-report");
        users = usersOf(tenant);
        GraphQlTester admin = graphQl(users.tenantAdmin());
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        fundI = CompanyFixtures.createFund(admin, "Fund I Ventures");
        fundII = CompanyFixtures.createFund(admin, "Fund II Growth");
        CompanyFixtures.grantFund(admin, fundI, "fund-manager@" + tenant);
        Map<String, String> companies = new LinkedHashMap<>();
        for (String name : List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel")) {
            String company = CompanyFixtures.createCompany(admin, name + " Holdings");
            companies.put(name, company);
            CompanyFixtures.addHolding(
                    admin,
                    name.equals("Hotel") ? fundII : fundI,
                    company,
                    name.equals("Echo") ? "DILIGENCE" : "INVESTED");
        }
        golf = companies.get("Golf");
        int level = 0;
        for (String name : List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Hotel")) {
            String id = createAssessment(
                    assessor,
                    companies.get(name),
                    name.equals("Delta") ? Map.of("euAiActTier", "PROHIBITED") : Map.of("euAiActTier", "HIGH"));
            int base = level++;
            score(assessor, id, "C1.1", base % 5, "HIGH");
            score(assessor, id, "C2.2", (base + 2) % 5, "MEDIUM");
            score(assessor, id, "C3.1", (base + 1) % 5, "HIGH");
            score(assessor, id, "C4.2", (base + 3) % 5, "HIGH");
            addEvidence(assessor, id, "C2.2");
            if (name.equals("Alpha")) {
                raiseFinding(assessor, id, "Critical gap", "CRITICAL");
                raiseFinding(assessor, id, "High gap", "HIGH");
                raiseFinding(assessor, id, "Another high gap", "HIGH");
            }
            submitAndPublish(assessor, reviewer, id);
        }
        createAssessment(assessor, companies.get("Foxtrot"), null);
    }

    @Test
    void theReportShowsWhatThePortfolioQueryAnswersTheSameCaller() throws IOException {
        Map<String, Object> api = portfolio(users.tenantAdmin(), fundI, null);
        EntityExchangeResult<byte[]> result = report(users.tenantAdmin(), fundI, "");

        HttpHeaders headers = result.getResponseHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(headers.getContentDisposition().getType()).isEqualTo("inline");
        assertThat(headers.getContentDisposition().getFilename())
                .matches("portfolio-report-fund-i-ventures-\\d{4}-\\d{2}-\\d{2}\\.pdf");
        assertThat(headers.getCacheControl()).isEqualTo("no-store");
        byte[] pdf = result.getResponseBody();
        ReportPdfs.save(pdf, "portfolio-report.pdf");
        String text = ReportPdfs.text(pdf);
        List<String> lines = ReportPdfs.lines(pdf);

        Map<String, Object> companies = map(api, "companies");
        assertThat(text)
                .contains((String) map(api, "fund").get("name"))
                .contains("Framework version " + api.get("frameworkVersion"))
                .contains("Cohort size " + api.get("cohortSize") + " companies with an overall score")
                .contains("Companies compared " + companies.get("totalCount"));

        List<Map<String, Object>> rows = list(companies, "nodes");
        assertThat(rows).hasSize(5).anyMatch(row -> row.get("percentileRank") != null);
        for (Map<String, Object> row : rows) {
            String name = (String) map(row, "company").get("name");
            List<String> cells = new ArrayList<>(List.of(name));
            list(row, "dimensions").forEach(d -> cells.add(ReportPdfs.score(d.get("score"))));
            cells.add(ReportPdfs.score(row.get("overall")));
            cells.add(
                    row.get("level") != null
                            ? "Level " + row.get("level")
                            : Boolean.TRUE.equals(row.get("levelSuppressed")) ? "suppressed" : "n/a");
            cells.add(ReportPdfs.percent(row.get("percentileRank")));
            cells.add(String.valueOf(map(row, "openFindings").get("critical")));
            cells.add(String.valueOf(map(row, "openFindings").get("high")));
            assertThat(lines).as("the heatmap row of %s", name).contains(String.join(" ", cells));
        }
        assertThat(text.indexOf((String) map(rows.get(0), "company").get("name") + " "))
                .as("highest overall score first")
                .isLessThan(text.indexOf((String) map(rows.get(4), "company").get("name") + " "));

        Map<String, Object> overall = map(api, "overall");
        assertThat(text)
                .contains("Overall " + overall.get("count") + " " + ReportPdfs.score(overall.get("mean")) + " "
                        + ReportPdfs.score(overall.get("median")) + " "
                        + ReportPdfs.score(overall.get("lowerQuartile")) + " "
                        + ReportPdfs.score(overall.get("upperQuartile")) + " "
                        + ReportPdfs.score(overall.get("min")) + " " + ReportPdfs.score(overall.get("max")));
        Map<String, Object> levels = map(api, "levelDistribution");
        for (int level = 0; level <= 4; level++) {
            assertThat(text)
                    .containsPattern(Pattern.compile("Level " + level + " " + ReportStyle.LEVEL_NAMES[level] + " "
                            + levels.get("level" + level) + "(\\s|$)"));
        }
        assertThat(text).containsPattern("Level suppressed " + levels.get("suppressed") + "(\\s|$)");

        Map<String, Object> remediation = map(api, "remediation");
        List<Map<String, Object>> items = list(remediation, "nodes");
        assertThat(items).isNotEmpty();
        assertThat(text)
                .contains(
                        "The top " + items.size() + " of " + remediation.get("totalCount") + " criteria below target");
        for (int rank = 1; rank <= items.size(); rank++) {
            Map<String, Object> item = items.get(rank - 1);
            String start = rank + " " + map(item, "company").get("name") + " " + item.get("criterion") + " ";
            String end = item.get("gap") + " "
                    + new BigDecimal(item.get("priority").toString())
                            .setScale(4, RoundingMode.HALF_UP)
                            .toPlainString();
            assertThat(lines)
                    .as("remediation item %d", rank)
                    .anyMatch(line -> line.startsWith(start) && line.endsWith(end));
        }
        int pages = ReportPdfs.pages(pdf);
        assertThat(text).contains("Page 1 of " + pages, "Page " + pages + " of " + pages);
    }

    @Test
    void theQueryArgumentsAreThePortfolioQuerysArguments() throws IOException {
        Map<String, Object> invested = portfolio(users.tenantAdmin(), fundI, List.of("INVESTED"));

        String text = ReportPdfs.text(
                report(users.tenantAdmin(), fundI, "?dealStages=INVESTED").getResponseBody());
        assertThat(text)
                .contains("Deal stages INVESTED")
                .contains("Cohort size " + invested.get("cohortSize") + " compan")
                .doesNotContain("Echo Holdings");

        String before =
                ReportPdfs.text(report(users.tenantAdmin(), fundI, "?asOf=2020-01-01T00:00:00Z&frameworkVersion=1")
                        .getResponseBody());
        assertThat(before)
                .contains("As of 2020-01-01 00:00 UTC")
                .contains("Cohort size 0 companies")
                .contains("No company of the fund has a published assessment under this framework version.");
    }

    @ParameterizedTest(name = "{0} may take the report")
    @ValueSource(strings = {"tenant-admin", "fund-manager", "assessor", "reviewer", "integration"})
    void everyRoleThatReadsPortfoliosMayTakeTheReport(String role) {
        assertThat(report(users.withRole(role), fundI, "").getStatus().value()).isEqualTo(200);
    }

    @Test
    void aFundManagerGetsNotFoundForAFundNotGrantedToThem() {
        graphQl(users.fundManager())
                .document(PORTFOLIO)
                .variable("f", fundII)
                .execute()
                .path("portfolio")
                .valueIsNull();
        files.refused(users.fundManager(), "/exports/funds/" + fundII + "/report.pdf", 404)
                .jsonPath("$.detail")
                .isEqualTo("No fund with this ID is visible to the caller");
        assertThat(report(users.tenantAdmin(), fundII, "").getStatus().value()).isEqualTo(200);
    }

    @Test
    void anotherFirmsCallerGetsNotFoundNeverAPdf() {
        String stranger = usersOf(newTenant("portfolio-report-b")).tenantAdmin();

        files.refused(stranger, "/exports/funds/" + fundI + "/report.pdf", 404);
    }

    @Test
    void thePlatformAdministratorAndStrangersAreRefusedWithJson() {
        files.assertRefusedToPlatformAdminAndStrangers("/exports/funds/" + fundI + "/report.pdf");
    }

    @Test
    void badInputIsAClearClientErrorInJsonNotAPage() {
        String admin = users.tenantAdmin();
        files.refused(admin, "/exports/funds/" + fundI + "/report.pdf?frameworkVersion=999", 400)
                .jsonPath("$.detail")
                .isEqualTo("there is no framework version 999");
        files.refused(admin, "/exports/funds/" + fundI + "/report.pdf?dealStages=SOMEDAY", 400);
        files.refused(admin, "/exports/funds/" + fundI + "/report.pdf?asOf=yesterday", 400);
        files.refused(admin, "/exports/funds/not-an-id/report.pdf", 404)
                .jsonPath("$.detail")
                .isEqualTo("No fund with this ID is visible to the caller");
        files.refused(admin, "/exports/funds/" + golf + "/report.pdf", 404);
    }

    @Test
    void everyReportIsInTheAuditTrailWithWhatWasAskedAndItsRows() {
        Map<String, Object> api = portfolio(users.reviewer(), fundI, List.of("INVESTED"));
        long rows = ((Number) map(api, "companies").get("totalCount")).longValue()
                + Math.min(((Number) map(api, "remediation").get("totalCount")).longValue(), 20);

        report(users.reviewer(), fundI, "?dealStages=INVESTED");

        FileDownloads.AuditEvent event =
                FileDownloads.latestAuditEvent(tenant, "reportPortfolio", "reviewer@" + tenant);
        assertThat(event.entityType()).isEqualTo(ExportAuditTrail.ENTITY_TYPE);
        assertThat(event.after())
                .contains(
                        "\"format\": \"PDF\"",
                        "\"fundId\": \"" + fundI + "\"",
                        "\"dealStages\": [\"INVESTED\"]",
                        "\"rows\": " + rows);
    }

    private EntityExchangeResult<byte[]> report(String token, String fundId, String query) {
        return files.download(token, "/exports/funds/" + fundId + "/report.pdf" + query);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> portfolio(String token, String fundId, List<String> dealStages) {
        return graphQl(token)
                .document(PORTFOLIO)
                .variable("f", fundId)
                .variable("stages", dealStages)
                .execute()
                .path("portfolio")
                .entity(Map.class)
                .get();
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
