package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.challenge.ChallengeRules;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.config.ChallengeSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resend cooldown's edge: a page asked for a new code too soon says how long to wait, and a person
 * (or client) that waits exactly that long is sent the code. Rounded down, a cooldown 1.9 s from its end
 * said "1 second", and the send after that second was refused again.
 */
class ResendCooldownEdgeTest {
    @TempDir
    Path dataDir;

    private TestServer server;
    private TestApp app;

    @BeforeEach
    void start() {
        ChallengeSettings twoSecondCooldown = new ChallengeSettings(Optional.empty(), ChallengeSettings.DEVELOPMENT.mailFrom(), Optional.empty(),
                Optional.empty(), false, new ChallengeRules(5, Duration.ofSeconds(2), 5), Optional.empty());
        server = TestServer.startWith(TestServer.config(dataDir).challenges(twoSecondCooldown).build());
        app = server.defaultApp();
        Response policy = server.post("/v3/policies", """
                {"name": "Verify every login", "actions": ["login"],
                 "conditions": {"check": "user", "op": "eq", "value": "rui"}, "verdict": "challenge",
                 "challenge": {"type": "verification", "channels": ["email"], "success_url": "https://app.example/welcome"}}""", app.bearer());
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void waitingRetryAfterIsEnoughForTheNextCode() throws Exception {
        Response login = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"rui\",\"email\":\"rui@example.com\",\"ip\":\"198.51.100.7\","
                + "\"device\":{\"token\":\"tok_rui_000000001\"}}", app.bearer());
        String redirect = login.json().get("redirect").asText();
        PageClient browser = new PageClient();
        browser.get(redirect);
        assertThat(browser.post(redirect + "/send", Map.of("channel", "email", "lang", "en")).statusCode()).isEqualTo(200);

        HttpResponse<String> early = browser.post(redirect + "/send", Map.of("channel", "email", "lang", "en"));
        assertThat(early.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(early.headers().firstValue("Retry-After").orElseThrow());
        assertThat(early.body()).contains("Please wait " + retryAfter + " second");

        Thread.sleep(Duration.ofSeconds(retryAfter));
        HttpResponse<String> onTime = browser.post(redirect + "/send", Map.of("channel", "email", "lang", "en"));
        assertThat(onTime.statusCode()).as("a send after Retry-After seconds: %s", onTime.body()).isEqualTo(200);
    }
}
