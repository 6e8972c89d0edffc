package io.seatguard.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's Chromium through its chromedriver (never a downloaded browser), headless, with a
 * profile of its own. When Chromium is missing the browser tests are skipped on a developer's
 * machine but fail under {@code CI=true}: {@code .ci/run} installs it, so its absence there is a fault.
 */
public final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    public static void requireInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as("CI=true needs %s and %s (apt-get install -y chromium chromium-driver)", BROWSER, DRIVER).isTrue();
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed (apt-get install -y chromium chromium-driver)");
    }

    /**
     * A browser with a fresh profile in {@code profile}; {@code incognito} opens it as a private window;
     * {@code extraArguments} are more command-line switches (host resolver rules, say).
     */
    public static ChromeDriver start(Path profile, boolean incognito, String... extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                // CPU, measured per test class (see the commit that added these): an idle headless Chromium kept
                // its GPU process and a preloaded omnibox popup (chrome://omnibox-popup.top-chrome, a WebUI page
                // nobody sees) busy, 20-40% of a core per open browser. Pages are rasterized in software (Debian's
                // wrapper turns GPU rasterization on, through SwiftShader), and the popup is not preloaded. WebGL
                // and compositing still run in the GPU process on SwiftShader, as the SDK's probe needs.
                "--disable-gpu-rasterization",
                "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments(extraArguments);
        if (incognito) {
            options.addArguments("--incognito");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver;
    }

    /** Clears every cookie and every kind of site storage the origin has, as "Clear browsing data" does. */
    static void clearSiteData(ChromeDriver driver, String origin) {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
    }

    /** Makes every request of the browser arrive as if through a proxy for {@code address}. */
    static void forwardedFor(ChromeDriver driver, String address) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
    }

    static <T> T waitFor(WebDriver driver, Function<WebDriver, T> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(20);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                T value = condition.apply(driver);
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            }
            catch (RuntimeException e) {
                last = e;
            }
            sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + " on " + driver.getCurrentUrl(), last);
    }

    static String text(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
