package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.challenge.ChallengeRules;
import io.seatguard.core.testing.MutableClock;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.config.ChallengeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review: logging a device out failed, in SQL, its challenge whose last allowed code had run out, where a
 * read first would have found it expired (ChallengeMachine#settle). The logout now settles such a challenge
 * as the machine does, under the code lifetime the server is configured with (here 2 minutes, not the
 * default 10): the app's backend reads {@code expired}, not {@code failed}.
 */
class LogoutAfterLastCodeTest {
    private static final String HOUR_LONG_CHALLENGE = CodeLifetimePageTest.HOUR_LONG_CHALLENGE;
    private static final ChallengeRules TWO_MINUTE_CODES = new ChallengeRules(5, Duration.ofSeconds(30), 5, Duration.ofMinutes(2));

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private TestServer server;
    private TestApp app;

    @BeforeEach
    void start() {
        ChallengeSettings settings = new ChallengeSettings(Optional.empty(), ChallengeSettings.DEVELOPMENT.mailFrom(), Optional.empty(), Optional.empty(),
                false, TWO_MINUTE_CODES, Optional.empty());
        server = TestServer.startWith(TestServer.config(dataDir).challenges(settings).build(), clock);
        app = server.defaultApp();
        Response policy = server.post("/v3/policies", HOUR_LONG_CHALLENGE, app.bearer());
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aLogoutAfterTheLastCodeRanOutLeavesTheChallengeExpiredNotFailed() {
        Response login = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"ona\",\"email\":\"ona@example.com\",\"ip\":\"198.51.100.7\","
                + "\"device\":{\"token\":\"tok_ona_000000001\"}}", app.bearer());
        String redirect = login.json().get("redirect").asText();
        String challengeId = redirect.substring(redirect.lastIndexOf('/') + 1);
        String device = login.json().get("device_id").asText();
        PageClient browser = new PageClient();
        browser.get(redirect);
        for (int send = 1; send <= TWO_MINUTE_CODES.maxSends(); send++) {
            assertThat(browser.post(redirect + "/send", Map.of("channel", "email", "lang", "en")).body()).as("send %d", send).contains("We sent a code to");
            clock.advance(Duration.ofSeconds(31));
        }
        // The last code ran out (2 minutes after it was sent), unread since; the default 10 minutes have not passed.
        clock.advance(Duration.ofSeconds(90));

        assertThat(server.send("DELETE", "/v3/users/ona/devices/" + device, null, app.bearer()).status()).isEqualTo(204);

        Response challenge = server.get("/v3/challenges/" + challengeId, app.bearer());
        assertThat(challenge.json().get("status").asText()).as(challenge.body()).isEqualTo("expired");
    }
}
