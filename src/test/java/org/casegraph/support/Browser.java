package org.casegraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real, headless Chromium (the system's, driven by the system's chromedriver) for tests
 * that walk the pages as a user does. Without a browser the test fails and says how to
 * install one: it never passes silently.
 */
public final class Browser implements AutoCloseable {

    public static final String INSTALL = "sudo apt-get update && sudo apt-get install -y chromium chromium-driver";

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private final ChromeDriver driver;

    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start() {
        String binary = find("CHROMIUM", BROWSERS);
        String driverBinary = find("CHROMEDRIVER", DRIVERS);
        if (binary == null || driverBinary == null) {
            fail("No headless browser for the explorer's journeys: " + (binary == null ? "chromium" : "chromedriver")
                    + " is missing. Install both with: " + INSTALL
                    + " (or set CHROMIUM and CHROMEDRIVER to their paths)");
        }
        try {
            Path profile = Files.createTempDirectory("casegraph-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(binary);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                    "--window-size=1280,900");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driverBinary).toFile())
                .usingAnyFreePort()
                .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String find(String variable, List<String> candidates) {
        String configured = System.getenv(variable);
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return configured;
        }
        return candidates.stream()
            .filter((candidate) -> Files.isExecutable(Path.of(candidate)))
            .findFirst()
            .orElse(null);
    }

    public ChromeDriver driver() {
        return this.driver;
    }

    public WebDriverWait waiting(int seconds) {
        return new WebDriverWait(this.driver, Duration.ofSeconds(seconds));
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
    }

    public void resize(int width, int height) {
        this.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Saves a screenshot of the viewport as target/explorer/NAME.png. */
    public Path screenshot(String name) {
        try {
            Path file = Path.of("target", "explorer", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The console's errors since the last call (script errors, failed loads) and any
     * Content-Security-Policy violation, whatever its level; not the browser's
     * performance advice.
     */
    public List<String> problems() {
        return this.driver.manage()
            .logs()
            .get(LogType.BROWSER)
            .getAll()
            .stream()
            .filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    || entry.getMessage().contains("Content Security Policy"))
            .map(LogEntry::getMessage)
            .toList();
    }

    /**
     * axe-core's violations of impact serious or critical on the current page, as "id:
     * help (n nodes)".
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() {
        try (var axe = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (axe == null) {
                fail("axe-core is not on the test class path (org.webjars.npm:axe-core)");
            }
            script(new String(axe.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) this.driver)
            .executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, { resultTypes: ['violations'] })
                      .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                          nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }))))
                      .catch((e) => done([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }]));
                    """);
        return violations.stream()
            .filter((v) -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
            .map((v) -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"))
            .toList();
    }

    @Override
    public void close() {
        this.driver.quit();
        try (var files = Files.walk(this.profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
        }
        catch (IOException ex) {
            // a temporary profile left behind is harmless
        }
    }

}
