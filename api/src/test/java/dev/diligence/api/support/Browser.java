package dev.diligence.api.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for a browser test, as a JUnit extension ({@code @RegisterExtension}): a fresh
 * browser for each test at 1280 × 1000, downloads into a directory of the test's own, a screenshot in
 * {@code target/browser-screenshots/} when a test fails (taken before the browser closes), and the
 * browser's console. Skips the test where Debian's {@code chromium} and {@code chromium-driver} are
 * not installed ({@code .ci/run} installs them).
 */
public final class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private ChromeDriver driver;
    private Path downloads;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver");
        downloads = Files.createTempDirectory("browser-downloads-");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--window-size=1280,1000");
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption(
                "prefs",
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        driver = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .build(),
                options);
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver != null && context.getExecutionException().isPresent()) {
            screenshot(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + "-failed");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Waits up to a minute, looking again when an element vanished under it: a view replaces its
     * elements as it renders, so one found in a check may be gone when the check reads it.
     */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The browser's viewport width in CSS pixels: the window is sized so that the page sees exactly this. */
    public void resizeViewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long inner = (Long) driver.executeScript("return window.innerWidth");
        driver.manage().window().setSize(new Dimension(width + (width - (int) inner), height));
    }

    /** Saves a PNG of the viewport as {@code target/browser-screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a file has downloaded completely and returns it (Chromium writes a .crdownload first). */
    public Path downloaded(String suffix) {
        return waiting().until(ignored -> {
            try (var files = Files.list(downloads)) {
                return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .toList();
    }

    /**
     * Runs axe-core (from Deque's {@code axe-core} Selenium artifact) on the page and returns its
     * violations of WCAG 2.1 A and AA rules as "impact rule: help (n nodes: targets)".
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> accessibilityViolations() {
        driver.executeScript(axeSource());
        return (List<Map<String, Object>>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                    .then(result => done(result.violations.map(violation => ({
                        id: violation.id, impact: violation.impact, help: violation.help,
                        targets: violation.nodes.slice(0, 5).map(node => node.target.join(' ')).join(', ') }))))
                    .catch(error => done([{ id: 'axe-failed', impact: 'critical', help: String(error), targets: '' }]));
                """);
    }

    private static String axeSource() {
        try (InputStream axe = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (axe == null) {
                throw new IllegalStateException(
                        "axe.min.js missing from the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(axe.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
