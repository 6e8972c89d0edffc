package io.seatguard.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The hosted verification page in Chromium: used with the keyboard alone, every field labelled, no
 * horizontal scrolling on a phone, Arabic laid out right to left, and nothing blocked by its own
 * Content-Security-Policy. Screenshots go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChallengePageBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path work;

    private TestServer server;
    private TestApp app;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws Exception {
        Chromium.requireInstalled();
        server = TestServer.startWith(TestServer.config(work.resolve("data")).build());
        app = server.defaultApp();
        Response policy = server.post("/v3/policies", """
                {"name": "Verify everyone", "actions": ["login"], "conditions": {"check": "action", "op": "eq", "value": "login"},
                 "verdict": "challenge", "challenge": {"type": "verification", "channels": ["email"], "success_url": "https://app.example/ok"}}""",
                app.bearer());
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        browser = Chromium.start(work.resolve("profile"), false);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private String challenge(String user) {
        Response response = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"" + user + "\",\"email\":\"" + user
                + "@example.com\",\"ip\":\"198.51.100.9\",\"device\":{\"token\":\"tok_" + user + "_0000000001\"}}", app.bearer());
        return response.json().get("redirect").asText();
    }

    /** Saves a screenshot and checks the page with axe-core: no serious or critical WCAG A/AA violation. */
    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Accessibility.seriousViolations(browser)).as("accessibility of " + name).isEmpty();
    }

    @Test
    void theKeyboardAloneGetsThroughAndEveryFieldIsLabelled() throws Exception {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        browser.get(challenge("kim"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isTrue();
        assertThat(browser.findElements(By.tagName("img"))).as("no logo configured, no broken image").isEmpty();
        assertThat(browser.findElement(By.className("app-name")).getText()).isEqualTo("default");
        screenshot("challenge-verification-phone");

        // Tab from the top of the page reaches the send button; Enter sends the code.
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).startsWith("Email me a code");
        focused.sendKeys(Keys.ENTER);
        WebElement code = Chromium.waitFor(browser, driver -> driver.findElement(By.id("code")), "the code field");
        // The browser applies autofocus when it next renders, which may be after the field is found: wait
        // for it (Chromium.waitFor fails the test if it never comes).
        Chromium.waitFor(browser, driver -> code.equals(driver.switchTo().activeElement()), "the code field to have the focus");
        screenshot("challenge-code-phone");

        List<WebElement> inputs = browser.findElements(By.cssSelector("input:not([type=hidden])"));
        assertThat(inputs).isNotEmpty().allSatisfy(input -> assertThat(browser.findElements(By.cssSelector("label[for='" + input.getDomAttribute("id") + "']")))
                .as("a label for #%s", input.getDomAttribute("id")).hasSize(1));
        code.sendKeys("000000", Keys.ENTER);
        Chromium.waitFor(browser, driver -> driver.findElement(By.cssSelector(".notice.error")), "the wrong-code notice");
        assertThat(browser.findElement(By.cssSelector(".notice.error")).getDomAttribute("role")).isEqualTo("alert");
        List<?> blocked = (List<?>) browser.executeScript("return performance.getEntriesByType('resource').filter(e => e.responseStatus >= 400).map(e => e.name)");
        assertThat(blocked).as("every asset the page asked for loaded").isEmpty();
    }

    /** The device-limit page a browser opened without a signed identity: an explanation, Continue and Cancel, and no device. */
    @Test
    void anUnsignedDeviceLimitPageOffersContinueAndCancelOnly() throws Exception {
        Response policy = server.post("/v3/policies", """
                {"name": "One device", "actions": ["access"], "conditions": {"check": "device_count", "op": "gt", "value": 1},
                 "verdict": "challenge", "challenge": {"type": "device_limit", "device_limit": 1, "success_url": "https://app.example/plans",
                                "logout_url": "https://app.example/bye"}}""",
                app.bearer());
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        // Uma's first device, let in from her backend (only an allowed evaluation makes a device the account's).
        assertThat(server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"uma\",\"ip\":\"198.51.100.9\","
                + "\"device\":{\"token\":\"tok_uma_0000000001\"}}", app.bearer()).json().get("verdict").asText()).isEqualTo("allow");
        Response access = server.post("/v3/evaluate", "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"access\",\"user\":\"uma\","
                + "\"return_to\":\"" + server.url() + "/watch\",\"device\":{\"token\":\"tok_uma_other_000001\"}}", Map.of());
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        browser.get(access.json().get("redirect").asText());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Too many devices");
        assertThat(browser.findElements(By.cssSelector(".devices li"))).isEmpty();
        assertThat(browser.findElements(By.tagName("button")).stream().map(WebElement::getText)).containsExactly("Continue", "Cancel");
        screenshot("challenge-device-limit-unsigned-phone");
    }

    @Test
    void arabicIsLaidOutRightToLeft() throws Exception {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1024, "height", 768, "deviceScaleFactor", 1, "mobile", false));
        browser.get(challenge("lin") + "?lang=ar");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat((String) browser.executeScript("return getComputedStyle(document.querySelector('h1')).direction")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("أكّد أنك صاحب الحساب");
        screenshot("challenge-verification-ar");
    }
}
