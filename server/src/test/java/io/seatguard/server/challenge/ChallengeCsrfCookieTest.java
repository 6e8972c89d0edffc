package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a challenge page's CSRF cookie is {@code Secure}, and {@code __Host-sg_csrf} rather than {@code sg_csrf}:
 * decided as the dashboard's cookies are.
 */
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
            assertThat(page.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("__Host-sg_csrf=").contains("; Path=/;", "; Secure",
                    "HttpOnly", "SameSite=Strict").doesNotContain("Domain");
        }
    }

    @Test
    void withAnHttpPublicUrlTheCsrfCookieIsSecureOnlyWhenTheRequestSaysHttps() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            String path = challengePath(server);
            assertThat(new PageClient().get(server.url() + path).headers().firstValue("Set-Cookie").orElseThrow()).startsWith("sg_csrf=")
                    .contains("; Path=/challenge;").doesNotContain("Secure");
            HttpResponse<String> proxied = new PageClient(java.util.Map.of("X-Forwarded-Proto", "https")).get(server.url() + path);
            assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("__Host-sg_csrf=").contains("; Path=/;", "; Secure");
        }
    }

    /**
     * Review finding: behind two proxies (a CDN, then nginx) {@code X-Forwarded-Proto} arrives as a list,
     * {@code https, http}; only the exact value {@code https} counted, so the browser's https request got
     * a plain {@code sg_csrf} a sibling subdomain can plant. The left-most element, the browser's own
     * connection, decides; so does {@code Forwarded}'s {@code proto}, which some proxies send instead.
     */
    @Test
    void aListOfForwardedProtocolsIsReadByItsLeftMostElement() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            String path = challengePath(server);
            for (String https : java.util.List.of("https, http", "https,https", "HTTPS , http")) {
                HttpResponse<String> page = new PageClient(java.util.Map.of("X-Forwarded-Proto", https)).get(server.url() + path);
                assertThat(page.headers().firstValue("Set-Cookie").orElseThrow()).as(https).startsWith("__Host-sg_csrf=").contains("; Path=/;", "; Secure");
            }
            HttpResponse<String> standard = new PageClient(java.util.Map.of("Forwarded", "for=192.0.2.60;proto=https, for=10.0.0.2;proto=http"))
                    .get(server.url() + path);
            assertThat(standard.headers().firstValue("Set-Cookie").orElseThrow()).as("RFC 7239's Forwarded").startsWith("__Host-sg_csrf=")
                    .contains("; Path=/;", "; Secure");
            HttpResponse<String> plain = new PageClient(java.util.Map.of("X-Forwarded-Proto", "http, https")).get(server.url() + path);
            assertThat(plain.headers().firstValue("Set-Cookie").orElseThrow()).as("a browser on plain http, https between the proxies")
                    .startsWith("sg_csrf=").doesNotContain("Secure");
        }
    }

    /**
     * Brief 1 (hosted pages): {@code sg_csrf} had no {@code __Host-} prefix on a secure request, so a page on a
     * sibling subdomain could plant it for the parent domain with a token of its choosing, and its own form,
     * carrying that token, passed the double-submit check. On a secure request only {@code __Host-sg_csrf} is
     * read now; plain http keeps {@code sg_csrf}.
     */
    @Test
    void onASecureRequestAPlantedPlainCsrfCookieIsNotAcceptedAndPlainHttpKeepsIt() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            String path = challengePath(server);
            String token = "0123456789abcdef0123456789abcdef";
            String form = "csrf=" + token + "&channel=email";
            Response planted = sendCode(server, path, form, java.util.Map.of("Cookie", "sg_csrf=" + token, "X-Forwarded-Proto", "https"));
            assertThat(planted.status()).as("a plain sg_csrf on a secure request").isEqualTo(403);
            Response hostOnly = sendCode(server, path, form, java.util.Map.of("Cookie", "__Host-sg_csrf=" + token, "X-Forwarded-Proto", "https"));
            assertThat(hostOnly.status()).as(hostOnly.body()).isNotEqualTo(403);
            Response plainHttp = sendCode(server, path, form, java.util.Map.of("Cookie", "sg_csrf=" + token));
            assertThat(plainHttp.status()).as("plain http keeps the plain name: " + plainHttp.body()).isNotEqualTo(403);
            assertThat(sendCode(server, path, form, java.util.Map.of("Cookie", "__Host-sg_csrf=" + token)).status())
                    .as("plain http reads no __Host- cookie").isEqualTo(403);
        }
    }

    private static Response sendCode(TestServer server, String path, String form, java.util.Map<String, String> headers) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        return server.send("POST", path.replaceFirst("\\?.*", "") + "/send", form, all);
    }
}
