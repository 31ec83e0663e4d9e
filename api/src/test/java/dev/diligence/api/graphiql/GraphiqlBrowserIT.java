package dev.diligence.api.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.Browser;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * GraphiQL in a real browser (headless Chromium): it loads from this server alone, its scripts run
 * under the page's Content-Security-Policy, and it runs a query with a bearer token in its headers.
 * Skips itself where Debian's {@code chromium} and {@code chromium-driver} are not installed ({@link Browser}).
 */
@ActiveProfiles("local")
class GraphiqlBrowserIT extends ApiIntegrationTest {

    @RegisterExtension
    final Browser chromium = new Browser();

    @LocalServerPort
    private int port;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = chromium.driver();
    }

    private String responsePane() {
        return (String) browser.executeScript(
                "return document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue();");
    }

    @Test
    void loadsFromThisServerAndRunsAQuery() {
        String token = usersOf(newTenant("graphiql-browser")).fundManager();
        WebDriverWait wait = chromium.waiting();

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
        assertThat(chromium.consoleMessages())
                .noneMatch(message -> message.contains("Content Security Policy") || message.contains("Refused"));
    }
}
