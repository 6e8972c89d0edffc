package io.seatguard.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.SeatguardServer;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.TestApp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** An operator signs in to the dashboard in Chromium and opens an evaluation's detail; screenshots go to target/screenshots/. */
class DashboardBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path work;

    @Test
    void anOperatorSignsInThroughTheFormAndOpensAnEvaluation() throws Exception {
        Chromium.requireInstalled();
        Files.createDirectories(SCREENSHOTS);
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, work.resolve("data"))) {
            SeatguardServer.CreatedOperator operator = server.server().createdOperator().orElseThrow();
            TestApp app = server.defaultApp();
            server.post("/v3/policies", """
                    {"name": "Watch new devices", "mode": "monitor", "actions": ["login"],
                     "conditions": {"check": "is_new_device", "op": "eq", "value": true}, "verdict": "challenge",
                     "challenge": {"type": "verification", "channels": ["email"], "success_url": "https://app.example/ok"}}""", app.bearer());
            server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"quinn\",\"ip\":\"198.51.100.30\",\"device\":{\"token\":\"tok_quinn_laptop_0001\"}}",
                    app.bearer());
            ChromeDriver browser = Chromium.start(work.resolve("profile"), false);
            try {
                browser.get(server.url() + "/dashboard");
                Chromium.waitFor(browser, driver -> URI.create(driver.getCurrentUrl()).getPath().equals("/dashboard/login"), "the sign-in page");
                Files.write(SCREENSHOTS.resolve("dashboard-sign-in.png"), browser.getScreenshotAs(OutputType.BYTES));
                browser.findElement(By.id("email")).sendKeys(operator.email());
                browser.findElement(By.id("password")).sendKeys(operator.password());
                browser.findElement(By.cssSelector("form button")).click();
                Chromium.waitFor(browser, driver -> driver.findElement(By.tagName("h1")).getText().equals("Recent evaluations"), "the evaluations");
                Files.write(SCREENSHOTS.resolve("dashboard-evaluations.png"), browser.getScreenshotAs(OutputType.BYTES));
                assertThat(browser.findElement(By.tagName("table")).getText()).contains("quinn", "login", "allow");
                browser.findElement(By.cssSelector("tbody a")).click();
                Chromium.waitFor(browser, driver -> driver.findElement(By.tagName("h1")).getText().equals("login: allow"), "the detail page");
                assertThat(browser.findElement(By.tagName("main")).getText()).contains("Watch new devices (monitor, challenge) matched because:")
                        .contains("is_new_device eq true: was true");
                Files.write(SCREENSHOTS.resolve("dashboard-evaluation-detail.png"), browser.getScreenshotAs(OutputType.BYTES));
            }
            finally {
                browser.quit();
            }
        }
    }
}
