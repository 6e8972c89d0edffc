package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.seatguard.core.testing.MutableClock;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.config.ChallengeSettings;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review: a code lived as long as its challenge (here an hour) while its mail said "It is valid for 10
 * minutes" only by chance of the default expiry. The mail and the page state the code's own lifetime; the
 * right code typed after it is refused as expired, costs no attempt, and the page offers a new code.
 */
class CodeLifetimePageTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** A policy that challenges a new device's login by email, the challenge lasting an hour (LogoutAfterLastCodeTest too). */
    static final String HOUR_LONG_CHALLENGE = """
            {"name": "Verify new devices", "actions": ["login"], "priority": 5,
             "conditions": {"check": "is_new_device", "op": "eq", "value": true},
             "verdict": "challenge",
             "challenge": {"type": "verification", "channels": ["email"], "expires_in_seconds": 3600, "success_url": "https://app.example/welcome"}}""";

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private TestServer server;
    private TestApp app;

    @BeforeEach
    void start() {
        server = TestServer.startWith(TestServer.config(dataDir)
                .challenges(ChallengeSettings.DEVELOPMENT.withSmtp(URI.create("smtp://127.0.0.1:" + MAIL.getSmtp().getPort()))).build(), clock);
        app = server.defaultApp();
        Response policy = server.post("/v3/policies", HOUR_LONG_CHALLENGE, app.bearer());
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCodeIsValidForItsLifetimeNotItsChallengesAndIsRefusedAsExpiredAfter() throws Exception {
        Response login = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"ria\",\"email\":\"ria@example.com\",\"ip\":\"198.51.100.7\","
                + "\"device\":{\"token\":\"tok_ria_000000001\"}}", app.bearer());
        String redirect = login.json().get("redirect").asText();
        PageClient browser = new PageClient();
        browser.get(redirect);
        HttpResponse<String> sent = browser.post(redirect + "/send", Map.of("channel", "email", "lang", "en"));
        assertThat(sent.body()).contains("It is valid for 10 minutes.");
        assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        String mail = GreenMailUtil.getBody(MAIL.getReceivedMessages()[0]);
        assertThat(mail).as("an hour-long challenge, a 10-minute code").contains("It is valid for 10 minutes.");
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(mail);
        assertThat(code.find()).isTrue();

        clock.advance(Duration.ofMinutes(10));
        HttpResponse<String> late = browser.post(redirect + "/verify", Map.of("code", code.group(1), "lang", "en"));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("That code has expired. Ask for a new one below.").contains("Attempts left: 5").contains("Send a new code");

        assertThat(browser.post(redirect + "/send", Map.of("channel", "email", "lang", "en")).body()).contains("We sent a code to");
        assertThat(MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
        Matcher second = Pattern.compile("\\b(\\d{6})\\b").matcher(GreenMailUtil.getBody(MAIL.getReceivedMessages()[1]));
        assertThat(second.find()).isTrue();
        HttpResponse<String> passed = browser.post(redirect + "/verify", Map.of("code", second.group(1), "lang", "en"));
        assertThat(passed.statusCode()).isEqualTo(303);
    }

    /**
     * After the fifth code's lifetime no code can pass and none can be sent: the challenge expires (the
     * backend reads {@code expired}) and the page says the check has expired, offering no form that judges
     * nothing. It stayed {@code code_sent} until the challenge's own expiry (found in review).
     */
    @Test
    void theLastCodeOutlivingItsLifetimeExpiresTheChallenge() {
        Response login = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"sol\",\"email\":\"sol@example.com\",\"ip\":\"198.51.100.8\","
                + "\"device\":{\"token\":\"tok_sol_000000001\"}}", app.bearer());
        String redirect = login.json().get("redirect").asText();
        PageClient browser = new PageClient();
        browser.get(redirect);
        for (int send = 1; send <= 5; send++) {
            assertThat(browser.post(redirect + "/send", Map.of("channel", "email", "lang", "en")).body()).as("send %d", send).contains("We sent a code to");
            clock.advance(Duration.ofSeconds(31));
        }
        clock.advance(Duration.ofMinutes(10));
        HttpResponse<String> late = browser.post(redirect + "/verify", Map.of("code", "123456", "lang", "en"));
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).contains("This check has expired. Go back and try again.").doesNotContain("Send a new code")
                .doesNotContain("name=\"code\"");
        assertThat(server.get("/v3/challenges/" + redirect.substring(redirect.lastIndexOf('/') + 1), app.bearer()).json().get("status").asText())
                .isEqualTo("expired");
    }

    /**
     * A first code typed after a resend (its message came late) is answered 422 with its own words and
     * costs no attempt; it counted as a wrong code (found in review).
     */
    @Test
    void aCodeAResendReplacedIsToldApartAndCostsNoAttempt() throws Exception {
        Response login = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"lea\",\"email\":\"lea@example.com\",\"ip\":\"198.51.100.9\","
                + "\"device\":{\"token\":\"tok_lea_000000001\"}}", app.bearer());
        String redirect = login.json().get("redirect").asText();
        PageClient browser = new PageClient();
        browser.get(redirect);
        assertThat(browser.post(redirect + "/send", Map.of("channel", "email", "lang", "en")).body()).contains("We sent a code to");
        clock.advance(Duration.ofSeconds(31));
        assertThat(browser.post(redirect + "/send", Map.of("channel", "email", "lang", "en")).body()).contains("We sent a code to");
        assertThat(MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
        Matcher first = Pattern.compile("\\b(\\d{6})\\b").matcher(GreenMailUtil.getBody(MAIL.getReceivedMessages()[0]));
        Matcher second = Pattern.compile("\\b(\\d{6})\\b").matcher(GreenMailUtil.getBody(MAIL.getReceivedMessages()[1]));
        assertThat(first.find()).isTrue();
        assertThat(second.find()).isTrue();

        HttpResponse<String> late = browser.post(redirect + "/verify", Map.of("code", first.group(1), "lang", "en"));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("That code was replaced by a newer one we sent since.").contains("Attempts left: 5");
        assertThat(browser.post(redirect + "/verify", Map.of("code", second.group(1), "lang", "en")).statusCode()).isEqualTo(303);
    }
}
