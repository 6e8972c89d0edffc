package io.seatguard.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 3's evidence in a real browser: Debian's Chromium signs in to the demo site, whose pages call
 * the SDK served by the server, and the device id it is given survives cleared cookies and storage, an
 * incognito window and another network, while a browser with other hardware, screen and time zone is
 * another device.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceIdentityBrowserTest {
    @TempDir
    static Path work;

    private TestServer server;
    private TestApp app;

    @BeforeAll
    void startServer() {
        Chromium.requireInstalled();
        server = TestServer.start(TestServer.Store.SQLITE, work.resolve("data"));
        app = server.demoApp();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void clearedStorageIncognitoAndAnotherNetworkKeepTheDeviceId() {
        ChromeDriver browser = Chromium.start(work.resolve("profile-main"), false);
        try {
            String first = signInAndReadDevice(browser, "alice");
            assertThat(first).matches("[0-9a-f-]{36}").isNotEqualTo("00000000-0000-0000-0000-000000000000");
            assertThat(signInAndReadDevice(browser, "alice")).as("the same browser, token kept").isEqualTo(first);

            Chromium.clearSiteData(browser, server.url());
            assertThat(signInAndReadDevice(browser, "alice")).as("after clearing cookies and storage").isEqualTo(first);

            Chromium.clearSiteData(browser, server.url());
            Chromium.forwardedFor(browser, "203.0.113.50");
            String onOtherNetwork = signInAndReadDevice(browser, "alice");
            assertThat(onOtherNetwork).as("storage cleared again, now on another network").isEqualTo(first);
            JsonNode evaluation = server.get("/v3/evaluations/" + Chromium.text(browser, "evaluation-id"), app.bearer()).json();
            assertThat(evaluation.get("public_ip").get("address").asText()).as("the evaluation saw the other network").isEqualTo("203.0.113.50");
        }
        finally {
            browser.quit();
        }

        ChromeDriver incognito = Chromium.start(work.resolve("profile-incognito"), true);
        try {
            String inPrivate = signInAndReadDevice(incognito, "alice");
            JsonNode devices = server.get("/v3/users/alice/devices", app.bearer()).json().get("data");
            assertThat(devices).as("alice has one device: %s", devices).hasSize(1);
            assertThat(inPrivate).as("a fresh incognito window").isEqualTo(devices.get(0).get("id").asText());
        }
        finally {
            incognito.quit();
        }
    }

    @Test
    void aBrowserWithOtherHardwareScreenAndTimeZoneIsAnotherDevice() {
        ChromeDriver laptop = Chromium.start(work.resolve("profile-laptop"), false);
        String laptopDevice;
        try {
            laptopDevice = signInAndReadDevice(laptop, "bob");
        }
        finally {
            laptop.quit();
        }
        ChromeDriver phone = Chromium.start(work.resolve("profile-phone"), false);
        try {
            emulatePhone(phone);
            String phoneDevice = signInAndReadDevice(phone, "bob");
            assertThat(phoneDevice).isNotEqualTo(laptopDevice);
            JsonNode devices = server.get("/v3/users/bob/devices", app.bearer()).json().get("data");
            assertThat(devices.findValuesAsText("id")).containsExactlyInAnyOrder(laptopDevice, phoneDevice);
            assertThat(devices.findValuesAsText("type")).contains("mobile", "computer");
        }
        finally {
            phone.quit();
        }
    }

    /**
     * An Android tablet asking for the desktop site, Chrome's default on large tablets: desktop Linux's
     * user agent and client hints (what Chromium's Android build sends then), Android's own platform, a
     * tablet's screen and touch. Its evaluation reads it as the tablet it is, not a computer
     * (AndroidDesktopSites), from what the SDK sends.
     */
    @Test
    void anAndroidTabletAskingForTheDesktopSiteIsATablet() {
        ChromeDriver tablet = Chromium.start(work.resolve("profile-tablet"), false);
        try {
            tablet.executeCdpCommand("Emulation.setUserAgentOverride", Map.of(
                    "userAgent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
                    "platform", "Linux armv81",
                    "userAgentMetadata", Map.of(
                            "brands", List.of(Map.of("brand", "Chromium", "version", "156")),
                            "platform", "Linux", "platformVersion", "", "architecture", "x86", "bitness", "64", "model", "", "mobile", false)));
            tablet.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 800, "deviceScaleFactor", 2, "mobile", false,
                    "screenWidth", 1280, "screenHeight", 800));
            tablet.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 10));
            String tabletDevice = signInAndReadDevice(tablet, "carol");
            JsonNode evaluation = server.get("/v3/evaluations/" + Chromium.text(tablet, "evaluation-id"), app.bearer()).json();
            assertThat(evaluation.get("device").get("id").asText()).isEqualTo(tabletDevice);
            assertThat(evaluation.get("device").get("type").asText()).as(evaluation.toString()).isEqualTo("tablet");
            assertThat(evaluation.get("device").get("info").get("os").asText()).as("Android's, not the agent's desktop Linux").isEqualTo("Android");
        }
        finally {
            tablet.quit();
        }
    }

    /** An Android phone: its user agent and client hints, a phone screen, eight cores, touch, Tokyo time. */
    private static void emulatePhone(ChromeDriver phone) {
        String userAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36";
        phone.executeCdpCommand("Emulation.setUserAgentOverride", Map.of(
                "userAgent", userAgent,
                "platform", "Linux armv8l",
                "userAgentMetadata", Map.of(
                        "brands", List.of(Map.of("brand", "Chromium", "version", "156")),
                        "platform", "Android", "platformVersion", "14.0.0", "architecture", "arm", "bitness", "64",
                        "model", "Pixel 8", "mobile", true)));
        phone.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 412, "height", 915, "deviceScaleFactor", 2.625, "mobile", true));
        phone.executeCdpCommand("Emulation.setHardwareConcurrencyOverride", Map.of("hardwareConcurrency", 8));
        phone.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        phone.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
    }

    /** Signs in through the demo's form and returns the device id its protected page was given. */
    private String signInAndReadDevice(ChromeDriver browser, String user) {
        browser.get(server.url() + "/demo");
        if (!browser.getCurrentUrl().endsWith("/demo/account")) {
            Chromium.waitFor(browser, driver -> driver.findElement(By.id("sign-in")), "the sign-in form");
            browser.findElement(By.id("user")).clear();
            browser.findElement(By.id("user")).sendKeys(user);
            browser.findElement(By.id("sign-in")).click();
            Chromium.waitFor(browser, driver -> driver.getCurrentUrl().endsWith("/demo/account"), "the protected page");
        }
        Chromium.waitFor(browser, DeviceIdentityBrowserTest::evaluated, "the access evaluation");
        assertThat(Chromium.text(browser, "error")).isEqualTo("none");
        assertThat(Chromium.text(browser, "user")).isEqualTo(user);
        return Chromium.text(browser, "device-id");
    }

    private static boolean evaluated(WebDriver driver) {
        return "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-evaluated"));
    }
}
