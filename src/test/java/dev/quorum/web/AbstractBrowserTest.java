package dev.quorum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.http.TestHTTPResource;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (from the system's packages; .ci/run installs it) for the demo viewer's tests, with the
 * page helpers they share. Every test ends by checking that the browser's console stayed free of warnings and
 * errors on every page it visited.
 */
abstract class AbstractBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String REQUIRE_BROWSER = "QUORUM_REQUIRE_BROWSER";

    @TestHTTPResource("/")
    URL base;

    ChromeDriver driver;
    WebDriverWait wait;

    /** The CSS selector of the viewer a test looks at. */
    abstract String diagram();

    @BeforeEach
    void startBrowser() {
        requireBrowser(CHROMIUM, CHROMEDRIVER, browserRequired());
        // The system's driver, named outright, so Selenium Manager never looks for (or downloads) one.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--no-first-run", "--disable-extensions");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // A page or script that hangs fails the test in seconds rather than holding the build.
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** The console, checked after every test, then the browser closed whatever happened. */
    @AfterEach
    void consoleStayedCleanAndStopBrowser() {
        if (driver == null) {
            return;
        }
        try {
            assertConsoleClean();
        } finally {
            driver.quit();
        }
    }

    /**
     * Skips the test when the browser or its driver is missing, unless {@code required}: then that is a failure
     * with a message saying what is missing, so CI cannot pass without having run the browser test.
     */
    static void requireBrowser(Path chromium, Path chromedriver, boolean required) {
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        String missing = "the browser test needs Chromium and its driver at " + chromium + " and " + chromedriver
                + " (apt-get install chromium chromium-driver; .ci/run does)";
        if (!present && required) {
            fail(REQUIRE_BROWSER + "=1 but " + missing);
        }
        Assumptions.assumeTrue(present, "skipped: " + missing);
    }

    /** CI (.ci/run) sets QUORUM_REQUIRE_BROWSER=1: there a missing browser is a failure, not a skip. */
    static boolean browserRequired() {
        return "1".equals(System.getenv(REQUIRE_BROWSER));
    }

    /** No warning or error in the console since the last look (each look takes what was logged so far). */
    void assertConsoleClean() {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertEquals(List.of(), severe.stream().map(LogEntry::toString).toList(), "no console errors or warnings");
    }

    void open(String path) {
        driver.get(base + path);
        waitReady();
    }

    void waitReady() {
        wait.until(d -> "true".equals(attr("data-ready")));
    }

    String attr(String name) {
        return driver.findElement(By.cssSelector(diagram())).getDomAttribute(name);
    }

    int step() {
        return Integer.parseInt(attr("data-step"));
    }

    int events() {
        return Integer.parseInt(attr("data-events"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Elements under the viewer. */
    List<WebElement> in(String css) {
        return all(diagram() + " " + css);
    }

    WebElement one(String css) {
        return find(diagram() + " " + css);
    }

    WebElement canvas() {
        return one(".st-canvas");
    }

    WebElement event(int pos) {
        return one(".st-svg .ev[data-pos='" + pos + "']");
    }

    void click(String action) {
        one("button[data-action=" + action + "]").click();
    }

    void speed(String value) {
        new Select(one("select[data-action=speed]")).selectByValue(value);
    }

    WebElement active() {
        return driver.switchTo().activeElement();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String svg() {
        return (String) js("return document.querySelector(arguments[0] + ' .st-svg').outerHTML;", diagram());
    }

    void save(String file) {
        try {
            Files.write(Path.of(file), driver.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
