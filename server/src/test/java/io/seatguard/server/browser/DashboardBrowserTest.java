package io.seatguard.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.SeatguardServer;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.config.ServerConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An operator works the dashboard in Chromium: signs in, creates a policy through the form, watches an
 * evaluation appear and opens its detail, logs a device out of an account and exports patterns as CSV.
 * Screenshots of the main pages go to target/screenshots/ (one at phone width).
 */
class DashboardBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path work;

    /** Saves a screenshot of the page and checks it with axe-core: no serious or critical WCAG A/AA violation. */
    private static void shoot(ChromeDriver browser, String name) throws Exception {
        Files.write(SCREENSHOTS.resolve("dashboard-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Accessibility.seriousViolations(browser)).as("accessibility of " + name).isEmpty();
    }

    /** Picks a select's option by its text, as a person would. */
    private static void choose(ChromeDriver browser, String selectId, String option) {
        browser.findElement(By.id(selectId)).findElement(By.xpath("option[normalize-space(.)='" + option + "']")).click();
    }

    private static void open(ChromeDriver browser, String label, String heading) {
        browser.findElement(By.linkText(label)).click();
        Chromium.waitFor(browser, driver -> driver.findElement(By.tagName("h1")).getText().startsWith(heading), heading);
    }

    private static void assertNoSidewaysScrolling(ChromeDriver browser, String page) {
        Long overflow = (Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling at phone width: %s", page).isLessThanOrEqualTo(0L);
    }

    @Test
    void anOperatorCreatesAPolicyWatchesAnEvaluationLogsADeviceOutAndExportsPatterns() throws Exception {
        Chromium.requireInstalled();
        Files.createDirectories(SCREENSHOTS);
        Path downloads = Files.createDirectories(work.resolve("downloads"));
        ServerConfig config = TestServer.config(work.resolve("data")).patternThresholds(io.seatguard.core.pattern.PatternThresholds.parse("many_devices=2:3")).build();
        try (TestServer server = TestServer.startWith(config)) {
            SeatguardServer.CreatedOperator operator = server.server().createdOperator().orElseThrow();
            TestApp app = server.defaultApp();
            for (String token : new String[] {"tok_quinn_laptop_0001", "tok_quinn_phone_00001"}) {
                server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"quinn\",\"ip\":\"198.51.100.30\",\"device\":{\"token\":\"" + token + "\"}}",
                        app.bearer());
            }
            ChromeDriver browser = Chromium.start(work.resolve("profile"), false);
            try {
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
                browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
                // The checker can fail: a page without language, title or image text has serious violations.
                browser.get("data:text/html,<html><body><img src='x.png'><input></body></html>");
                assertThat(Accessibility.seriousViolations(browser)).as("axe finds a bad page's faults").isNotEmpty();
                browser.get(server.url() + "/dashboard");
                Chromium.waitFor(browser, driver -> URI.create(driver.getCurrentUrl()).getPath().equals("/dashboard/login"), "the sign-in page");
                shoot(browser, "sign-in");
                browser.findElement(By.id("email")).sendKeys(operator.email());
                browser.findElement(By.id("password")).sendKeys(operator.password());
                browser.findElement(By.cssSelector("form button")).click();
                Chromium.waitFor(browser, driver -> driver.findElement(By.tagName("h1")).getText().equals("Overview of default"), "the overview");
                assertThat(browser.findElement(By.id("total-evaluations")).getText()).isEqualTo("2");
                shoot(browser, "overview");

                // A policy made with the form: no JSON typed. Backtested, then saved.
                open(browser, "Policies", "Policies of default");
                browser.findElement(By.id("name")).sendKeys("Watch new devices");
                browser.findElement(By.name("action_login")).click();
                choose(browser, "check0", "is_new_device");
                choose(browser, "op0", "eq");
                browser.findElement(By.id("value0")).sendKeys("true");
                choose(browser, "verdict", "challenge");
                browser.findElement(By.name("channel_email")).click();
                browser.findElement(By.id("success_url")).sendKeys("https://app.example/ok");
                browser.findElement(By.cssSelector("button[value=backtest]")).click();
                Chromium.waitFor(browser, driver -> driver.findElement(By.tagName("main")).getText().contains("it would have matched 2"), "the backtest");
                shoot(browser, "policy-form");
                browser.findElement(By.cssSelector("button[value=save]")).click();
                Chromium.waitFor(browser, driver -> driver.findElement(By.tagName("table")).getText().contains("Watch new devices"), "the saved policy");
                assertThat(server.get("/v3/policies", app.bearer()).json().get("data").get(0).get("conditions").toString())
                        .isEqualTo("{\"check\":\"is_new_device\",\"op\":\"eq\",\"value\":true}");

                // An evaluation arrives after the policy: it appears in the list, and its detail says why.
                server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"quinn\",\"ip\":\"198.51.100.31\",\"device\":{\"token\":\"tok_quinn_tablet_0001\"}}",
                        app.bearer());
                open(browser, "Evaluations", "Evaluations");
                WebElement newest = browser.findElement(By.cssSelector("tbody tr"));
                assertThat(newest.getText()).contains("quinn", "login", "allow", "198.51.100.31");
                shoot(browser, "evaluations");
                newest.findElement(By.tagName("a")).click();
                Chromium.waitFor(browser, driver -> driver.findElement(By.tagName("h1")).getText().equals("login: allow"), "the detail page");
                assertThat(browser.findElement(By.tagName("main")).getText()).contains("Watch new devices (monitor, challenge) matched because:")
                        .contains("is_new_device eq true: was true");
                assertThat(browser.findElement(By.id("risks")).getText()).as("a new device and address on a known account").contains("ato: ");
                shoot(browser, "evaluation-detail");

                // The account: three devices; one is logged out from here.
                open(browser, "Accounts", "Accounts of default");
                browser.findElement(By.id("user")).sendKeys("quinn");
                browser.findElement(By.cssSelector("main form button")).click();
                Chromium.waitFor(browser, driver -> driver.findElement(By.tagName("main")).getText().contains("3 devices in 30 days"), "the account");
                shoot(browser, "account");
                browser.findElement(By.xpath("//button[text()='Log out']")).click();
                Chromium.waitFor(browser, driver -> driver.findElement(By.tagName("main")).getText().contains("detached"), "a detached device");
                assertThat(server.get("/v3/users/quinn/devices", app.bearer()).json().get("data").findValuesAsText("status")).contains("detached");

                // Flagged accounts, exported as CSV through the page's link.
                open(browser, "Patterns", "Flagged accounts of default");
                assertThat(browser.findElement(By.tagName("table")).getText()).contains("quinn", "many_devices");
                shoot(browser, "patterns");
                browser.findElement(By.linkText("Export CSV")).click();
                Path csv = Chromium.waitFor(browser, driver -> {
                    // Chromium reserves the final name with an empty file while it writes a .crdownload beside it
                    // (a CI run read that empty file): done once that is gone and the file has its bytes.
                    Path file = downloads.resolve("patterns.csv");
                    return finishedDownload(file) ? file : null;
                }, "the downloaded CSV");
                assertThat(Files.readString(csv, StandardCharsets.UTF_8)).startsWith("user,pattern,level").contains("quinn,many_devices,");

                for (String[] page : new String[][] {{"Lists", "Lists of default", "lists"}, {"Apps and keys", "Apps and keys", "apps"},
                        {"Webhooks", "Webhooks of default", "webhooks"}, {"Operators", "Operators", "operators"},
                        {"Change password", "Your password", "password"}, {"Two-factor sign-in", "Two-factor sign-in", "two-factor"}}) {
                    open(browser, page[0], page[1]);
                    shoot(browser, page[2]);
                }
                // Two-factor sign-in turned on (the page is open from the loop above): the recovery codes are shown once.
                String secret = browser.findElement(By.id("two-factor-secret")).getText();
                browser.findElement(By.id("tf-code")).sendKeys(new io.seatguard.server.dashboard.TotpCodes().codeAt(secret,
                        java.time.Instant.now().getEpochSecond() / 30));
                browser.findElement(By.id("tf-password")).sendKeys(operator.password());
                browser.findElement(By.xpath("//button[text()='Turn two-factor sign-in on']")).click();
                Chromium.waitFor(browser, driver -> driver.findElement(By.id("two-factor-state")).getText().startsWith("On:"), "two-factor sign-in on");
                assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
                shoot(browser, "two-factor-recovery-codes");

                // A phone's width, every page of the navigation as an operator who may change things sees it
                // (the policy form's fieldsets once stood 1 px past the screen): nothing needs a wider screen.
                org.openqa.selenium.Dimension desktop = browser.manage().window().getSize();
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                for (String[] page : new String[][] {{"Overview", "Overview of default"}, {"Evaluations", "Evaluations"},
                        {"Accounts", "Accounts of default"}, {"Policies", "Policies of default"}, {"Lists", "Lists of default"},
                        {"Patterns", "Flagged accounts of default"}, {"Apps and keys", "Apps and keys"}, {"Webhooks", "Webhooks of default"},
                        {"Operators", "Operators"}}) {
                    open(browser, page[0], page[1]);
                    assertNoSidewaysScrolling(browser, page[0]);
                }
                browser.manage().window().setSize(desktop);

                // A read-only operator, added with the form, reads a policy in the form, may backtest it as a draft, and is offered no change.
                open(browser, "Operators", "Operators");
                browser.findElement(By.id("op-email")).sendKeys("viewer@example.com");
                browser.findElement(By.id("op-password")).sendKeys("look but do not touch");
                browser.findElement(By.name("read_only")).click();
                browser.findElement(By.xpath("//button[text()='Add operator']")).click();
                Chromium.waitFor(browser, driver -> driver.findElement(By.tagName("main")).getText().contains("Added viewer@example.com, read-only."), "the viewer");
                browser.findElement(By.xpath("//button[text()='Sign out']")).click();
                Chromium.waitFor(browser, driver -> URI.create(driver.getCurrentUrl()).getPath().equals("/dashboard/login"), "the sign-in page");
                browser.findElement(By.id("email")).sendKeys("viewer@example.com");
                browser.findElement(By.id("password")).sendKeys("look but do not touch");
                browser.findElement(By.cssSelector("form button")).click();
                Chromium.waitFor(browser, driver -> driver.findElement(By.tagName("h1")).getText().equals("Overview of default"), "the viewer's overview");
                open(browser, "Policies", "Policies of default");
                browser.findElement(By.linkText("View")).click();
                Chromium.waitFor(browser, driver -> driver.findElement(By.id("policy-form")).getText().equals("Backtest a draft of Watch new devices"),
                        "the policy, to backtest");
                assertThat(browser.findElements(By.cssSelector("main form[method=post]"))).as("forms that post, on the policy page")
                        .allSatisfy(form -> assertThat(form.getDomAttribute("action")).isEqualTo("/dashboard/policies/backtest"));
                assertThat(browser.findElements(By.cssSelector("button[value=save]"))).as("no Save").isEmpty();
                shoot(browser, "policy-read-only");
                browser.findElement(By.cssSelector("button[value=backtest]")).click();
                Chromium.waitFor(browser, driver -> driver.findElement(By.tagName("main")).getText().contains("it would have matched"), "the viewer's backtest");

                // A phone's width: the navigation wraps, nothing needs a wider screen.
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                open(browser, "Overview", "Overview of default");
                shoot(browser, "overview-phone");
                assertNoSidewaysScrolling(browser, "the read-only operator's overview");
            }
            finally {
                browser.quit();
            }
        }
    }

    /** A download Chromium has finished: the file has bytes, and no partial file of the folder is left. */
    private static boolean finishedDownload(Path file) {
        try (var siblings = Files.list(file.getParent())) {
            return Files.exists(file) && Files.size(file) > 0 && siblings.noneMatch(sibling -> sibling.getFileName().toString().endsWith(".crdownload"));
        }
        catch (java.io.IOException e) {
            return false;
        }
    }
}
