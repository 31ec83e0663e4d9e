package dev.diligence.api.web;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static dev.diligence.api.assessment.AssessmentFixtures.submitAndPublish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.Browser;
import dev.diligence.api.support.TenantUsers;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The portfolio page in a real browser (headless Chromium), signed in through the OpenID Connect
 * code flow with PKCE against the test issuer: the heatmap shows one cell per company and dimension
 * with the API's scores and bands, a fund manager sees only the granted fund, exports download and
 * parse to the API's rows, the committee report opens, the drill-down, trend and side-by-side views
 * show the API's numbers, the page fits 1280 and 390 pixels, breaks no rule of its
 * Content-Security-Policy and has no serious or critical accessibility violation (axe-core).
 * Screenshots land in {@code target/browser-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioPageBrowserIT extends ApiIntegrationTest {

    private static final String PORTFOLIO = """
            query($fund: ID!) { portfolio(fundId: $fund) { companies(first: 100) { nodes {
              company { id name } assessment { id } overall level percentileRank
              dimensions { dimension score } openFindings { critical high } } } } }""";

    /** Levels of the 14 criteria (C1.1 … C4.4) of each company of the main fund: a spread of maturity, five for percentiles. */
    private static final Map<String, int[]> COMPANIES = Map.of(
            "Atrium Analytics", new int[] {3, 3, 2, 3, 3, 2, 2, 3, 3, 2, 3, 2, 2, 3},
            "Quarry Data", new int[] {2, 1, 2, 2, 1, 2, 1, 2, 1, 1, 2, 1, 1, 2},
            "Reel Mind", new int[] {4, 3, 4, 3, 4, 3, 3, 4, 3, 3, 4, 3, 3, 4},
            "Lumen Credit", new int[] {1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1},
            "Cohort Bio", new int[] {3, 2, 3, 2, 2, 1, 1, 2, 3, 2, 1, 1, 2, 1});

    private static final List<String> CRITERIA = List.of(
            "C1.1", "C1.2", "C1.3", "C2.1", "C2.2", "C2.3", "C2.4", "C3.1", "C3.2", "C3.3", "C4.1", "C4.2", "C4.3",
            "C4.4");

    @RegisterExtension
    final Browser chromium = new Browser();

    @LocalServerPort
    private int port;

    private String tenant;
    private TenantUsers users;
    private String mainFund;
    private String otherFund;

    @BeforeAll
    void aFirmWithTwoFundsTheMainOneGrantedToItsFundManager() {
        tenant = newTenant("web");
        users = usersOf(tenant);
        GraphQlTester admin = graphQl(users.tenantAdmin());
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        mainFund = CompanyFixtures.createFund(admin, "Harbour Growth Fund II");
        otherFund = CompanyFixtures.createFund(admin, "Ungranted Ventures I");
        COMPANIES.forEach((name, levels) -> {
            String company = CompanyFixtures.createCompany(admin, name);
            CompanyFixtures.addHolding(admin, mainFund, company, "DILIGENCE");
            published(assessor, reviewer, company, levels);
        });
        String elsewhere = CompanyFixtures.createCompany(admin, "Ungranted Robotics");
        CompanyFixtures.addHolding(admin, otherFund, elsewhere, "DILIGENCE");
        published(assessor, reviewer, elsewhere, COMPANIES.get("Quarry Data"));
        CompanyFixtures.grantFund(admin, mainFund, "fund-manager@" + tenant);
    }

    /** Scores every criterion at its level (evidence on each scored above 2, so no gate), submits and publishes. */
    private static void published(GraphQlTester assessor, GraphQlTester reviewer, String company, int[] levels) {
        String assessment = createAssessment(assessor, company, null);
        for (int i = 0; i < CRITERIA.size(); i++) {
            score(assessor, assessment, CRITERIA.get(i), levels[i], "HIGH");
            if (levels[i] > 2) {
                addEvidence(assessor, assessment, CRITERIA.get(i));
            }
        }
        submitAndPublish(assessor, reviewer, assessment);
    }

    @Test
    void theHeatmapShowsOneCellPerCompanyAndDimensionWithTheApisScores() {
        ChromeDriver browser = signIn("tenant-admin");
        openFund(browser, mainFund);

        List<Map<String, Object>> rows = portfolioRows(users.tenantAdmin(), mainFund);
        assertThat(browser.findElements(By.cssSelector("#heatmap tbody tr"))).hasSize(rows.size());
        for (Map<String, Object> row : rows) {
            String company = (String) ((Map<?, ?>) row.get("company")).get("id");
            WebElement line = browser.findElement(By.cssSelector("#heatmap tr[data-company-id='" + company + "']"));
            List<?> dimensions = (List<?>) row.get("dimensions");
            assertThat(line.findElements(By.cssSelector("td[data-dimension]"))).hasSize(dimensions.size());
            for (Object each : dimensions) {
                Map<?, ?> dimension = (Map<?, ?>) each;
                WebElement cell =
                        line.findElement(By.cssSelector("td[data-dimension='" + dimension.get("dimension") + "']"));
                BigDecimal apiScore = new BigDecimal((String) dimension.get("score"));
                assertThat(cell.getText())
                        .isEqualTo(apiScore.setScale(2, RoundingMode.HALF_UP).toPlainString());
                int band = Math.min(4, apiScore.intValue());
                assertThat(cell.getAttribute("data-band")).isEqualTo(String.valueOf(band));
                assertThat(cell.getAttribute("class")).contains("level-" + band);
            }
            assertThat(line.findElement(By.cssSelector("td[data-level]")).getAttribute("data-level"))
                    .isEqualTo(String.valueOf(row.get("level")));
        }
        chromium.screenshot("portfolio-heatmap-1280");
    }

    @Test
    void sortingByAColumnOrdersTheRowsByTheApisScores() {
        ChromeDriver browser = signIn("tenant-admin");
        openFund(browser, mainFund);

        browser.findElement(By.cssSelector("button[data-sort='name']")).click();
        List<String> byName = companyNames(browser);
        assertThat(byName).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        browser.findElement(By.cssSelector("button[data-sort='D4']")).click();
        List<BigDecimal> d4 = browser.findElements(By.cssSelector("#heatmap td[data-dimension='D4']")).stream()
                .map(cell -> new BigDecimal(cell.getText()))
                .toList();
        assertThat(d4).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void aFundManagerSeesOnlyTheGrantedFund() {
        ChromeDriver browser = signIn("fund-manager");

        List<String> funds = browser.findElements(By.cssSelector("#fund-list a")).stream()
                .map(link -> link.getAttribute("data-fund-id"))
                .toList();
        assertThat(funds).containsExactly(mainFund);
        browser.get(page() + "#/funds/" + otherFund);
        chromium.waiting()
                .until(driver -> driver.findElement(By.tagName("h1")).getText().equals("Fund not found"));
        assertThat(browser.findElements(By.id("heatmap"))).isEmpty();
    }

    @Test
    void aPlatformAdministratorIsToldThereIsNoFirmToShow() {
        ChromeDriver browser = chromium.driver();
        browser.get(page());
        chromium.waiting()
                .until(driver -> !driver.findElements(By.id("sign-in")).isEmpty());
        ISSUER.enqueueEndpointToken("platform-" + tenant, null, 3600, "platform-admin");
        browser.findElement(By.id("sign-in")).click();

        chromium.waiting()
                .until(driver -> driver.findElement(By.tagName("h1")).getText().equals("No firm to show"));
        assertThat(browser.findElements(By.cssSelector(".error"))).isEmpty();
    }

    @Test
    void thePortfolioExportDownloadsAndParsesToTheApisRows() throws IOException {
        ChromeDriver browser = signIn("fund-manager");
        openFund(browser, mainFund);

        browser.findElement(By.cssSelector("button[data-export='portfolio-csv']"))
                .click();
        List<CSVRecord> records = csv(chromium.downloaded(".csv"));

        List<String> apiCompanies = portfolioRows(users.fundManager(), mainFund).stream()
                .map(row -> (String) ((Map<?, ?>) row.get("company")).get("id"))
                .toList();
        assertThat(records.get(0).get(0)).isEqualTo("Company ID");
        assertThat(records.stream().skip(1).map(record -> record.get(0))).containsExactlyElementsOf(apiCompanies);
        chromium.waiting()
                .until(driver -> driver.findElement(By.cssSelector(".download-status"))
                        .getText()
                        .startsWith("Downloaded portfolio-"));
    }

    @Test
    void theCommitteeReportOpensAsTheFundsPortfolio() throws IOException {
        ChromeDriver browser = signIn("tenant-admin");
        openFund(browser, mainFund);

        browser.findElement(By.cssSelector("button[data-export='portfolio-pdf']"))
                .click();
        Path report = chromium.downloaded(".pdf");

        try (PDDocument pdf = Loader.loadPDF(report.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Harbour Growth Fund II");
            COMPANIES.keySet().forEach(company -> assertThat(text).contains(company));
        }
    }

    @Test
    void theFindingsExportDownloadsAndParsesToTheApisFindings() throws IOException {
        ChromeDriver browser = signIn("tenant-admin");
        openFund(browser, mainFund);

        browser.findElement(By.cssSelector("button[data-export='findings-csv']"))
                .click();
        List<CSVRecord> records = csv(chromium.downloaded(".csv"));
        List<String> apiIds = graphQl(users.tenantAdmin())
                .document("query($f: ID!) { findings(first: 100, filter: {fundId: $f}) { nodes { id } } }")
                .variable("f", mainFund)
                .execute()
                .path("findings.nodes[*].id")
                .entityList(String.class)
                .get();
        assertThat(records.stream().skip(1).map(record -> record.get(0))).containsExactlyInAnyOrderElementsOf(apiIds);
    }

    @Test
    void theDrillDownTrendAndSideBySideShowTheApisNumbers() {
        ChromeDriver browser = signIn("tenant-admin");
        openFund(browser, mainFund);
        Map<String, Object> first = portfolioRows(users.tenantAdmin(), mainFund).get(0);
        String company = (String) ((Map<?, ?>) first.get("company")).get("id");
        String overall = new BigDecimal((String) first.get("overall"))
                .setScale(2, RoundingMode.HALF_UP)
                .toPlainString();

        browser.findElement(By.cssSelector("#heatmap tr[data-company-id='" + company + "'] th a"))
                .click();
        chromium.waiting()
                .until(driver -> !driver.findElements(By.id("overall-score")).isEmpty());
        assertThat(browser.findElement(By.id("overall-score")).getText()).startsWith(overall);
        assertThat(browser.findElements(By.cssSelector("article.dimension"))).hasSize(4);
        assertThat(browser.findElements(By.cssSelector("table.criteria tbody tr")))
                .hasSize(CRITERIA.size());

        browser.navigate().back();
        chromium.waiting()
                .until(driver -> !driver.findElements(By.id("heatmap")).isEmpty());
        browser.findElement(By.cssSelector("#heatmap tr[data-company-id='" + company + "'] a.trend-link"))
                .click();
        chromium.waiting()
                .until(driver -> !driver.findElements(By.id("trend-table")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#trend-table tbody tr")))
                .hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#trend-table tbody tr")).getText())
                .contains(overall);

        browser.navigate().back();
        chromium.waiting()
                .until(driver -> !driver.findElements(By.id("heatmap")).isEmpty());
        List<WebElement> boxes = browser.findElements(By.cssSelector("#heatmap tbody input[type=checkbox]"));
        boxes.get(0).click();
        browser.findElements(By.cssSelector("#heatmap tbody input[type=checkbox]"))
                .get(1)
                .click();
        browser.findElement(By.id("compare-selected")).click();
        chromium.waiting()
                .until(driver -> !driver.findElements(By.id("compare-grid")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#compare-grid .compare-card")))
                .hasSize(2);
        chromium.screenshot("portfolio-compare-1280");
    }

    @Test
    void thePageFitsA390PixelScreenAndItsTablesScrollInside() {
        ChromeDriver browser = signIn("tenant-admin");
        chromium.resizeViewport(390, 900);
        openFund(browser, mainFund);

        assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling of the page at 390 px")
                .isTrue();
        assertThat(browser.findElements(By.cssSelector("#heatmap tbody tr"))).hasSize(COMPANIES.size());
        chromium.screenshot("portfolio-heatmap-390");
    }

    @Test
    void everyViewHasNoSeriousOrCriticalAccessibilityViolationAndBreaksNoPolicyRule() {
        ChromeDriver browser = signIn("tenant-admin");
        assertAccessible("funds");
        openFund(browser, mainFund);
        assertAccessible("heatmap");
        browser.findElement(By.cssSelector("#heatmap tbody th a")).click();
        chromium.waiting()
                .until(driver -> !driver.findElements(By.id("overall-score")).isEmpty());
        assertAccessible("assessment");

        assertThat(chromium.consoleMessages())
                .noneMatch(message -> message.contains("Content Security Policy") || message.contains("Refused"));
        @SuppressWarnings("unchecked")
        List<String> elsewhere = (List<String>) browser.executeScript("return performance.getEntriesByType('resource')"
                + ".map(entry => entry.name).filter(name => !name.startsWith(location.origin))");
        assertThat(elsewhere).allMatch(name -> name.startsWith(ISSUER.issuerUri()));
    }

    /** The rows of a downloaded CSV, without the byte order mark the exports start with. */
    private static List<CSVRecord> csv(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return CSVFormat.RFC4180
                .builder()
                .get()
                .parse(new StringReader(content))
                .getRecords();
    }

    private void assertAccessible(String view) {
        List<Map<String, Object>> violations = chromium.accessibilityViolations();
        assertThat(violations)
                .as("axe-core violations on the %s view", view)
                .filteredOn(violation -> List.of("serious", "critical").contains(violation.get("impact")))
                .isEmpty();
    }

    /** Signs in through the page's button: the test issuer answers the code flow with this role's token. */
    private ChromeDriver signIn(String role) {
        ChromeDriver browser = chromium.driver();
        browser.get(page());
        chromium.waiting()
                .until(driver -> !driver.findElements(By.id("sign-in")).isEmpty());
        ISSUER.enqueueEndpointToken(role + "@" + tenant, tenant, 3600, role);
        browser.findElement(By.id("sign-in")).click();
        chromium.waiting()
                .until(driver -> !driver.findElements(By.id("who-name")).isEmpty());
        chromium.waiting()
                .until(driver -> !driver.findElements(By.cssSelector("#fund-list, .empty"))
                        .isEmpty());
        assertThat(browser.getCurrentUrl()).doesNotContain("code=");
        return browser;
    }

    private void openFund(ChromeDriver browser, String fund) {
        browser.get(page() + "#/funds/" + fund);
        chromium.waiting()
                .until(driver -> !driver.findElements(By.cssSelector("#heatmap tbody tr"))
                        .isEmpty());
    }

    private String page() {
        return "http://127.0.0.1:" + port + "/app/";
    }

    private static List<String> companyNames(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("#heatmap tbody th a:first-child")).stream()
                .map(WebElement::getText)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> portfolioRows(String token, String fund) {
        return graphQl(token)
                .document(PORTFOLIO)
                .variable("fund", fund)
                .execute()
                .path("portfolio.companies.nodes")
                .entity(List.class)
                .get();
    }
}
