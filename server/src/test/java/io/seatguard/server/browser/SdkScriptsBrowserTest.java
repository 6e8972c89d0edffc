package io.seatguard.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.seatguard.server.http.Json;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.TestApp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The SDK as an app's pages load it, exactly as sdk-js/README.md shows: from Seatguard's origin, on a page
 * of the app's own origin (a separate server here, so a call the SDK sent to the page's origin would not
 * reach Seatguard), with no {@code endpoint} option. The ES module finds Seatguard where it was loaded
 * from, the classic script's global is the client class, and {@code ?client_id=} reaches
 * checkAuthenticatedUser. Every evaluation is then read back from Seatguard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkScriptsBrowserTest {
    @TempDir
    static Path work;

    private TestServer server;
    private HttpServer appSite;
    private TestApp app;
    private String pages;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws IOException {
        Chromium.requireInstalled();
        server = TestServer.start(TestServer.Store.SQLITE, work.resolve("data"));
        appSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        appSite.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>the app</title><p>the app's page".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/") ? 200 : 404, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        appSite.start();
        pages = "http://127.0.0.1:" + appSite.getAddress().getPort();
        app = server.createApp("sdk-scripts", pages);
        browser = Chromium.start(work.resolve("profile"), false);
        browser.get(pages + "/");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (appSite != null) {
            appSite.stop(0);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theModuleCallsTheSeatguardItWasLoadedFrom() throws Exception {
        String answer = run("""
                const sdk = await import(arguments[1] + '/v3/sdk.js');
                const seatguard = new sdk.Seatguard({ clientId: arguments[0], stun: false });
                return await seatguard.evaluate.login({ user: 'module-user' });
                """);
        assertStoredFor(answer, "module-user");
    }

    @Test
    void theClassicScriptsGlobalIsTheClientClassWithTheOtherExports() throws Exception {
        String answer = run("""
                await new Promise((loaded, failed) => {
                  const script = document.createElement('script');
                  script.src = arguments[1] + '/v3/sdk.classic.js';
                  script.onload = loaded;
                  script.onerror = failed;
                  document.head.appendChild(script);
                });
                const seatguard = new Seatguard({ clientId: arguments[0], stun: false });
                const result = await seatguard.evaluate.login({ user: 'classic-user' });
                result.exports = [typeof Seatguard.collectSignals, typeof Seatguard.checkAuthenticatedUser, Seatguard.Seatguard === Seatguard];
                return result;
                """);
        assertStoredFor(answer, "classic-user");
        assertThat(Json.MAPPER.readTree(answer).get("exports").toString()).isEqualTo("[\"function\",\"function\",true]");
    }

    @Test
    void checkAuthenticatedUserTakesTheClientIdFromTheModulesAddress() throws Exception {
        String answer = run("""
                const sdk = await import(arguments[1] + '/v3/sdk.js?client_id=' + arguments[0]);
                return await new Promise((done) => sdk.checkAuthenticatedUser('hashed-account-7', (ip, evaluationId) => done({ evaluation_id: evaluationId, ip })));
                """);
        JsonNode result = Json.MAPPER.readTree(answer);
        assertThat(result.get("evaluation_id").isTextual()).as(answer).isTrue();
        JsonNode stored = server.get("/v3/evaluations/" + result.get("evaluation_id").asText(), app.bearer()).json();
        assertThat(stored.at("/user/id").asText()).isEqualTo("hashed-account-7");
    }

    /**
     * An owner notice about an evaluation the page made goes out in the browser's language: the SDK's call
     * carries the browser's own {@code Accept-Language}, which Chromium is told here as its language
     * settings would (DevTools' override, on its network stack), not as a header the test adds.
     */
    @Test
    void aNoticeAboutThePagesEvaluationIsInTheBrowsersLanguage() throws Exception {
        TestServer.Response policy = server.post("/v3/policies", """
                {"name": "Tell lucia", "actions": ["login"], "conditions": {"check": "user", "op": "eq", "value": "lucia"},
                 "verdict": "allow", "notify": {"channels": ["email"]}}""", app.bearer());
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        String userAgent = String.valueOf(browser.executeScript("return navigator.userAgent"));
        browser.executeCdpCommand("Network.enable", java.util.Map.of());
        browser.executeCdpCommand("Network.setUserAgentOverride", java.util.Map.of("userAgent", userAgent, "acceptLanguage", "es-ES,es"));
        try {
            String answer = run("""
                    const sdk = await import(arguments[1] + '/v3/sdk.js');
                    const seatguard = new sdk.Seatguard({ clientId: arguments[0], stun: false });
                    return await seatguard.evaluate.login({ user: 'lucia', email: 'lucia@example.com' });
                    """);
            assertStoredFor(answer, "lucia");
            String outbox = "";
            for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline && !outbox.contains("lucia@example.com");) {
                Thread.sleep(100);
                outbox = server.get("/dev/outbox", java.util.Map.of()).body();
            }
            assertThat(outbox).contains("lucia@example.com").contains("Un dispositivo nuevo inició sesión en tu cuenta de sdk-scripts")
                    .doesNotContain("A new device signed in");
        }
        finally {
            browser.executeCdpCommand("Network.setUserAgentOverride", java.util.Map.of("userAgent", userAgent, "acceptLanguage", "en-US,en"));
        }
    }

    /** Runs {@code body} (an async function body given the client id and Seatguard's URL) in the app's page; its result as JSON. */
    private String run(String body) {
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async (...args) => { %s }).apply(null, [arguments[0], arguments[1]])
                  .then((value) => done(JSON.stringify(value)), (e) => done('failed: ' + e));
                """.formatted(body.replace("arguments[", "args[")), app.clientId(), server.url());
        return String.valueOf(result);
    }

    private void assertStoredFor(String answer, String user) throws Exception {
        JsonNode result = Json.MAPPER.readTree(answer);
        assertThat(result.get("error").isNull()).as(answer).isTrue();
        assertThat(result.get("verdict").asText()).isEqualTo("allow");
        JsonNode stored = server.get("/v3/evaluations/" + result.get("evaluation_id").asText(), app.bearer()).json();
        assertThat(stored.at("/user/id").asText()).as("the evaluation Seatguard stored").isEqualTo(user);
    }
}
