package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.config.ChallengeSettings;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An owner notice goes out in the person's language, as the evaluation's {@code Accept-Language} states it:
 * the browser's own header in browser mode, the body's {@code accept_language} in server mode. It used to
 * be English whatever the person read, though every text had its French, Spanish and Arabic wording.
 */
class OwnerNoticeLanguageTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String WINDOWS_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @TempDir
    Path dataDir;

    @Test
    void aNoticeIsInTheFirstOfThePersonsLanguagesThePagesHaveElseInEnglish() throws Exception {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir)
                .challenges(ChallengeSettings.DEVELOPMENT.withSmtp(URI.create("smtp://127.0.0.1:" + MAIL.getSmtp().getPort()))).build())) {
            TestApp app = server.defaultApp();
            tellOwnersOfNewDevices(server, app, "[\"email\"]");

            serverMode(server, app, "fr", "\"accept_language\":\"fr-CH,fr;q=0.9,en;q=0.8\",");
            // German first, which the pages do not have: the next language listed that they do.
            serverMode(server, app, "es", "\"accept_language\":\"de-DE,de;q=0.9,es;q=0.7\",");
            serverMode(server, app, "ar", "\"accept_language\":\"ar-EG\",");
            serverMode(server, app, "de", "\"accept_language\":\"de-DE,de;q=0.9\",");
            serverMode(server, app, "none", "");
            // Not a readable Accept-Language (a broken weight): not refused, and the notice is in English.
            serverMode(server, app, "broken", "\"accept_language\":\"fr;q=often\",");
            browserMode(server, app, "browser-es", Map.of("User-Agent", WINDOWS_CHROME, "Accept-Language", "es-MX,es;q=0.9"));
            browserMode(server, app, "browser-none", Map.of("User-Agent", WINDOWS_CHROME));
            // Longer than any browser sends: ignored, not refused.
            browserMode(server, app, "browser-long", Map.of("User-Agent", WINDOWS_CHROME, "Accept-Language", "fr," + "fr-FR;q=0.9,".repeat(100)));

            assertThat(MAIL.waitForIncomingEmail(10_000, 9)).isTrue();
            Map<String, MimeMessage> byRecipient = new HashMap<>();
            for (MimeMessage message : MAIL.getReceivedMessages()) {
                byRecipient.put(message.getAllRecipients()[0].toString(), message);
            }
            assertThat(byRecipient).hasSize(9);
            assertNotice(byRecipient.get("fr@example.com"), "Un nouvel appareil s’est connecté à votre compte default",
                    "Un nouvel appareil s’est connecté à votre compte default : Chrome sur Windows (ordinateur)");
            assertNotice(byRecipient.get("es@example.com"), "Un dispositivo nuevo inició sesión en tu cuenta de default",
                    "Un dispositivo nuevo inició sesión en tu cuenta de default: Chrome en Windows (ordenador)");
            // The app's name set apart from the right-to-left text around it.
            assertNotice(byRecipient.get("ar@example.com"), "سجّل جهاز جديد الدخول إلى حسابك في \u2068default\u2069",
                    "سجّل جهاز جديد الدخول إلى حسابك في \u2068default\u2069:");
            for (String english : new String[] {"de", "none", "broken", "browser-none", "browser-long"}) {
                assertNotice(byRecipient.get(english + "@example.com"), "A new device signed in to your default account",
                        "A new device signed in to your default account: Chrome on Windows (computer)");
            }
            assertNotice(byRecipient.get("browser-es@example.com"), "Un dispositivo nuevo inició sesión en tu cuenta de default",
                    "Un dispositivo nuevo inició sesión en tu cuenta de default: Chrome en Windows (ordenador)");
        }
    }

    /** The SMS takes the language too, in its own wording (GSM-7 for Spanish: one part, not UCS-2's three). */
    @Test
    void anSmsNoticeIsInThePersonsLanguage() throws Exception {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).build())) {
            TestApp app = server.defaultApp();
            tellOwnersOfNewDevices(server, app, "[\"sms\"]");
            Response evaluated = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"sms-es\",\"ip\":\"198.51.100.7\",\"user_agent\":\""
                    + WINDOWS_CHROME + "\",\"phone\":\"+34612345678\",\"accept_language\":\"es\",\"device\":{\"token\":\"tok_sms_es_device_01\"}}",
                    app.bearer());
            assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String outbox = "";
            while (System.nanoTime() < deadline && !outbox.contains("<strong>sms</strong>")) {
                Thread.sleep(50);
                outbox = server.get("/dev/outbox", Map.of()).body();
            }
            assertThat(outbox).contains("Un dispositivo nuevo ha accedido a tu cuenta de default: Chrome en Windows (ordenador).")
                    .doesNotContain("A new device signed in");
        }
    }

    private static void tellOwnersOfNewDevices(TestServer server, TestApp app, String channels) {
        Response policy = server.post("/v3/policies", """
                {"name": "Tell owners", "actions": ["login"], "conditions": {"check": "is_new_device", "op": "eq", "value": true},
                 "verdict": "allow", "notify": {"channels": %s}}""".formatted(channels), app.bearer());
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
    }

    private static void serverMode(TestServer server, TestApp app, String user, String extra) {
        Response evaluated = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"" + user + "\",\"ip\":\"198.51.100.7\",\"user_agent\":\""
                + WINDOWS_CHROME + "\",\"email\":\"" + user + "@example.com\"," + extra + "\"device\":{\"token\":\"tok_" + user + "_device_0001\"}}",
                app.bearer());
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
    }

    private static void browserMode(TestServer server, TestApp app, String user, Map<String, String> headers) {
        Response evaluated = server.post("/v3/evaluate", "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"login\",\"user\":\"" + user
                + "\",\"email\":\"" + user + "@example.com\",\"device\":{\"token\":\"tok_" + user + "_device_0001\"}}", headers);
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
    }

    private static void assertNotice(MimeMessage message, String subject, String bodyStart) throws Exception {
        assertThat(message).as("a notice for " + subject).isNotNull();
        assertThat(message.getSubject()).isEqualTo(subject);
        assertThat(message.getContent().toString()).startsWith(bodyStart);
    }
}
