package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a challenge page's CSRF cookie ({@code sg_csrf}) is {@code Secure}: decided as the dashboard's cookies are. */
class ChallengeCsrfCookieTest {
    private static final String PUBLIC_URL = "https://seatguard.example.test";
    private static final String CHALLENGE_NEW_DEVICES = """
            {"name": "Verify new devices", "actions": ["login"], "conditions": {"check": "is_new_device", "op": "eq", "value": true},
             "verdict": "challenge", "challenge": {"type": "verification", "channels": ["email"], "success_url": "https://app.example/welcome"}}""";

    @TempDir
    Path dataDir;

    /** A login challenged on a new device: the path of its page ({@code /challenge/ch_…}). */
    private static String challengePath(TestServer server) {
        TestApp app = server.defaultApp();
        Response policy = server.post("/v3/policies", CHALLENGE_NEW_DEVICES, app.bearer());
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        Response login = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"noa\",\"email\":\"noa@example.com\","
                + "\"ip\":\"198.51.100.7\",\"device\":{\"token\":\"tok_noa_000000001\"}}", app.bearer());
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String redirect = login.json().get("redirect").asText();
        return redirect.substring(redirect.indexOf("/challenge/"));
    }

    /**
     * Review finding: with an https public URL behind a proxy that terminates TLS and sends no
     * {@code X-Forwarded-Proto}, the page's request looked like plain http and the cookie went out without
     * {@code Secure}, so a browser would also send it over plain http. The dashboard already decided by
     * the public URL.
     */
    @Test
    void withAnHttpsPublicUrlTheCsrfCookieIsSecureThoughTheRequestCameOverPlainHttp() {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).publicUrl(PUBLIC_URL).build())) {
            String path = challengePath(server);
            // Plain http to the server, as from the proxy, with no X-Forwarded-Proto.
            HttpResponse<String> page = new PageClient().get(server.url() + path);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("sg_csrf=").contains("; Secure", "HttpOnly",
                    "SameSite=Strict");
        }
    }

    @Test
    void withAnHttpPublicUrlTheCsrfCookieIsSecureOnlyWhenTheRequestSaysHttps() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            String path = challengePath(server);
            assertThat(new PageClient().get(server.url() + path).headers().firstValue("Set-Cookie").orElseThrow()).startsWith("sg_csrf=")
                    .doesNotContain("Secure");
            HttpResponse<String> proxied = new PageClient(java.util.Map.of("X-Forwarded-Proto", "https")).get(server.url() + path);
            assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("sg_csrf=").contains("; Secure");
        }
    }
}
