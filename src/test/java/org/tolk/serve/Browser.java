package org.tolk.serve;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium in headless mode, driven by Debian's chromedriver through Selenium: never a browser
 * download. On a machine without them the browser tests are skipped, except in CI (CI=true), where
 * {@code .ci/run} installs them and a missing browser is a failure.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(present, "Debian's chromium and chromium-driver are not installed");
        } else if (!present) {
            throw new IllegalStateException("CI must install chromium and chromium-driver (.ci/run does)");
        }
        Path profile = Files.createTempDirectory("tolk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Headless as root needs --no-sandbox; the rest keeps Chromium from phoning home or updating itself.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1200,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Waits (up to two minutes: tests never depend on the machine's speed) until {@code condition} is true. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            T value = condition.apply(driver);
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    String bodyText() {
        return (String) script("return document.body ? document.body.innerText : ''");
    }

    /** The overlay's text, or null when there is none. */
    String overlayText() {
        return (String) script("const o = document.querySelector('tolk-overlay');"
                + " return o && o.shadowRoot ? o.shadowRoot.textContent : null;");
    }

    /** When the page on screen first showed content, in milliseconds since the epoch (the machine's clock). */
    long visibleAt() {
        Number at = (Number) script("const paint = performance.getEntriesByName('first-contentful-paint')[0];"
                + " const nav = performance.getEntriesByType('navigation')[0];"
                + " return performance.timeOrigin + (paint ? paint.startTime : nav.domContentLoadedEventEnd);");
        return at.longValue();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is no failure
            }
        }
    }
}
