package io.seatguard.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The SDK's {@code cookieDomain} in a real browser: pages on two subdomains of one site (a sign-in page
 * on {@code auth.}, the app on {@code app.}) share one device token when they name the site, and keep
 * one each when they do not. Both names resolve to this machine through Chromium's host resolver rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubdomainTokenBrowserTest {
    @TempDir
    static Path work;

    private TestSite site;
    private TestServer server;
    private TestApp app;
    private String auth;
    private String application;

    @BeforeAll
    void startServer() {
        site = new TestSite(work.resolve("data"));
        server = site.server();
        auth = site.origin("auth");
        application = site.origin("app");
        app = server.createApp("subdomains", auth, application);
    }

    @AfterAll
    void stopServer() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void subdomainsThatNameTheSiteShareOneToken() throws Exception {
        ChromeDriver browser = start("profile-shared");
        try {
            Visit signIn = visit(browser, auth, TestSite.SITE, "dana");
            Visit inApp = visit(browser, application, TestSite.SITE, "dana");
            assertThat(inApp.localToken()).as("the app's own storage took the sign-in page's token").isEqualTo(signIn.localToken());
            assertThat(inApp.cookieTokens()).containsExactly(signIn.localToken());
            assertThat(inApp.deviceId()).isEqualTo(signIn.deviceId());
            assertThat(server.get("/v3/users/dana/devices", app.bearer()).json().get("data")).hasSize(1);
        }
        finally {
            browser.quit();
        }
    }

    @Test
    void withoutCookieDomainEachSubdomainKeepsATokenOfItsOwn() throws Exception {
        ChromeDriver browser = start("profile-host-only");
        try {
            Visit signIn = visit(browser, auth, null, "erin");
            Visit inApp = visit(browser, application, null, "erin");
            assertThat(inApp.localToken()).isNotEqualTo(signIn.localToken());
            assertThat(inApp.cookieTokens()).containsExactly(inApp.localToken());
        }
        finally {
            browser.quit();
        }
    }

    /**
     * An app that adds the option later: each subdomain has a host-only token already. A page's first
     * call with the option moves its token to the shared cookie and drops the host-only one, so after
     * one visit to each subdomain both hold one token, the one of the subdomain visited last.
     */
    @Test
    void subdomainsWithTokensOfTheirOwnConvergeOnOneOnceTheyNameTheSite() throws Exception {
        ChromeDriver browser = start("profile-adopting");
        try {
            String authBefore = visit(browser, auth, null, "finn").localToken();
            String appBefore = visit(browser, application, null, "finn").localToken();
            assertThat(appBefore).isNotEqualTo(authBefore);

            visit(browser, application, TestSite.SITE, "finn");
            Visit signIn = visit(browser, auth, TestSite.SITE, "finn");
            Visit backInApp = visit(browser, application, TestSite.SITE, "finn");
            assertThat(signIn.localToken()).isIn(authBefore, appBefore);
            assertThat(backInApp.localToken()).as("the app took the shared token").isEqualTo(signIn.localToken());
            assertThat(signIn.cookieTokens()).as("one cookie left on the sign-in page").containsExactly(signIn.localToken());
            assertThat(backInApp.cookieTokens()).as("one cookie left in the app").containsExactly(signIn.localToken());
        }
        finally {
            browser.quit();
        }
    }

    /**
     * A page without the option on a host where a domain cookie of the token's name was set before its
     * own (by a page that passed {@code cookieDomain}): Chromium sends the older cookie first, and the
     * SDK read it, taking that token for the page's own and writing it over localStorage's.
     */
    @Test
    void aPageWithoutCookieDomainKeepsItsOwnTokenBesideAnOlderDomainCookie() throws Exception {
        ChromeDriver browser = start("profile-stale-domain-cookie");
        try {
            String own = visit(browser, application, null, "gail").localToken();
            String stale = "ffeeddccbbaa99887766554433221100";
            browser.executeScript("""
                    document.cookie = 'sg_token=; Max-Age=0; Path=/';
                    document.cookie = `sg_token=${arguments[0]}; Max-Age=3600; Domain=${arguments[1]}; Path=/`;
                    document.cookie = `sg_token=${arguments[2]}; Max-Age=3600; Path=/`;
                    """, stale, TestSite.SITE, own);

            Visit again = visit(browser, application, null, "gail");
            assertThat(again.cookieTokens()).as("both cookies are sent, the domain one first").containsExactly(stale, own);
            assertThat(again.localToken()).as("the page's own token, not the domain cookie's").isEqualTo(own);
        }
        finally {
            browser.quit();
        }
    }

    private ChromeDriver start(String profile) {
        return site.browser(work.resolve(profile));
    }

    /** What one evaluation from a page of {@code origin} left behind: its device, and the page's token copies. */
    private record Visit(String deviceId, String localToken, java.util.List<String> cookieTokens) {}

    private Visit visit(ChromeDriver browser, String origin, String cookieDomain, String user) throws Exception {
        browser.get(origin + "/healthz");
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/v3/sdk.js')
                  .then((sdk) => new sdk.Seatguard({ clientId: arguments[0], endpoint: location.origin, cookieDomain: arguments[1] ?? undefined, stun: false })
                    .evaluate.login({ user: arguments[2] }))
                  .then((answer) => done(JSON.stringify({ answer, cookie: document.cookie, local: localStorage.getItem('seatguard.token') })),
                        (e) => done('failed: ' + e));
                """, app.clientId(), cookieDomain, user);
        JsonNode page = new ObjectMapper().readTree(String.valueOf(result));
        assertThat(page.path("answer").path("error").isNull()).as("the SDK's answer on %s: %s", origin, result).isTrue();
        java.util.List<String> cookies = Arrays.stream(page.get("cookie").asText().split(";"))
                .map(String::trim).filter(part -> part.startsWith("sg_token=")).map(part -> part.substring("sg_token=".length())).toList();
        return new Visit(page.get("answer").get("device_id").asText(), page.get("local").asText(), cookies);
    }
}
