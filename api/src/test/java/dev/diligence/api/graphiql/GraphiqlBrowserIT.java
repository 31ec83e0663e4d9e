package dev.diligence.api.graphiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diligence.api.support.ApiIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * GraphiQL in a real browser (headless Chromium): it loads from this server alone, its scripts run
 * under the page's Content-Security-Policy, and it runs a query with a bearer token in its headers.
 * Skips itself where Debian's {@code chromium} and {@code chromium-driver} are not installed.
 */
@ActiveProfiles("local")
class GraphiqlBrowserIT extends ApiIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    private int port;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update");
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .build(),
                options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String responsePane() {
        return (String) browser.executeScript(
                "return document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue();");
    }

    @Test
    void loadsFromThisServerAndRunsAQuery() {
        String token = usersOf(newTenant("graphiql-browser")).fundManager();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

        browser.get("http://127.0.0.1:" + port + "/graphiql?path=/graphql");
        wait.until(page -> !page.findElements(By.cssSelector(".graphiql-query-editor .CodeMirror"))
                .isEmpty());
        browser.executeScript("""
                const editors = document.querySelectorAll('.graphiql-editor-tool .CodeMirror');
                editors[editors.length - 1].CodeMirror.setValue(JSON.stringify({ Authorization: 'Bearer ' + arguments[0] }));
                document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('{ viewer { subject } }');
                document.querySelector('.graphiql-execute-button').click();
                """, token);
        // Waits for the query's data, not for any text: GraphiQL also shows its schema fetch's refusal
        // (sent before the test set a token) in the response pane, and on a busy machine that refusal
        // can arrive after the click. A query that fails keeps the pane without data: the wait then
        // times out with the pane's text as its message.
        String response = wait.withMessage(() -> "the response pane never showed data; it shows: " + responsePane())
                .until(page -> {
                    String value = responsePane();
                    return value.contains("\"data\"") ? value : null;
                });

        assertThat(response).contains("\"viewer\"", "\"subject\"").doesNotContain("\"errors\"");
        @SuppressWarnings("unchecked")
        List<String> otherOrigins = (List<String>)
                browser.executeScript(
                        "return performance.getEntriesByType('resource').map(entry => entry.name).filter(name => !name.startsWith(location.origin))");
        assertThat(otherOrigins).isEmpty();
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .extracting(LogEntry::getMessage)
                .noneMatch(message -> message.contains("Content Security Policy") || message.contains("Refused"));
    }
}
