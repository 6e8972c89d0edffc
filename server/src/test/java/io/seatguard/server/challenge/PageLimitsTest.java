package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.config.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the hosted pages' attempt limits count by, over HTTP with the development outbox: a signup's
 * address rather than the {@code user} its caller chose.
 */
class PageLimitsTest {
    private static final String VERIFY_SIGNUPS = """
            {"name": "Verify signups", "actions": ["signup"], "conditions": {"check": "action", "op": "eq", "value": "signup"},
             "verdict": "challenge", "challenge": {"type": "verification", "channels": ["email", "sms"], "success_url": "https://app.example/ok"}}""";

    @TempDir
    Path dataDir;

    private TestServer server;
    private TestApp app;

    @BeforeEach
    void start() {
        server = TestServer.startWith(ServerConfig.embeddedForTests(dataDir));
        app = server.defaultApp();
        Response policy = server.post("/v3/policies", VERIFY_SIGNUPS, app.bearer());
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The hosted page of a signup evaluated with these fields (a JSON fragment), opened in a fresh browser. */
    private String signupPage(String fields, String token) {
        Response response = server.post("/v3/evaluate", "{\"action\":\"signup\"," + fields + ",\"ip\":\"198.51.100.7\",\"device\":{\"token\":\""
                + token + "\"}}", app.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("verdict").asText()).isEqualTo("challenge");
        return response.json().get("redirect").asText();
    }

    /** Review finding B: signups named after any user shared no limit, so one address could be guessed at without end. */
    @Test
    void signupsUnderMadeUpUsersShareTheirEmailsCheckLimit() {
        int checks = 0;
        HttpResponse<String> last = null;
        // Four wrong codes a challenge (the fifth would fail it); each signup names another user, all one address.
        for (int signup = 0; signup < 6 && (last == null || last.statusCode() != 429); signup++) {
            String page = signupPage("\"user\":\"anyone" + signup + "\",\"email\":\"" + (signup % 2 == 0 ? "victim" : "Victim")
                    + "@example.com\"", "tok_signup_device_" + signup);
            PageClient browser = new PageClient();
            browser.get(page);
            assertThat(browser.post(page + "/send", Map.of("channel", "email")).statusCode()).isEqualTo(200);
            for (int attempt = 0; attempt < 4; attempt++) {
                last = browser.post(page + "/verify", Map.of("code", "00000" + attempt));
                if (last.statusCode() == 429) {
                    break;
                }
                checks++;
            }
        }
        assertThat(last).isNotNull();
        assertThat(last.statusCode()).as("one address's checks are counted together").isEqualTo(429);
        assertThat(checks).isEqualTo((int) AttemptLimits.VERIFY_PER_ACCOUNT.capacity());
    }
}
