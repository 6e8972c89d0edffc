package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.seatguard.sdk.IdentitySignature;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.challenge.PageClient;
import io.seatguard.server.config.ChallengeSettings;
import io.seatguard.server.http.Json;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A native app (iOS, Android) makes the browser SDK's calls itself, as docs/integration-guide.md,
 * "Native apps (iOS, Android)", tells it to: no {@code Origin} header, a user agent of its own, a token it
 * keeps, its identity signed by its backend, the hosted challenge opened in the system's browser and
 * left through an https app link. Each step of that section is checked here, so that it stays true.
 */
class NativeAppsApiTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN);
    private static final String APP_LINK = "https://app.example.com/app/return";

    @TempDir
    Path dataDir;

    /** The app's own agent, as the section writes it, and the agents it warns about, with what each is read as. */
    @Test
    void theDeviceTypeIsReadFromTheUserAgentTheAppSets() {
        Map<String, String> typeByAgent = new LinkedHashMap<>();
        typeByAgent.put("Acme/2.3 (iPhone; iOS 17.4)", "mobile iOS");
        typeByAgent.put("Acme/2.3 (iPad; iPadOS 17.4)", "tablet iOS");
        typeByAgent.put("Acme/2.3 (Linux; Android 14; Pixel 8)", "mobile Android");
        typeByAgent.put("Acme/2.3 (Linux; Android 14; Tablet; SM-X700)", "tablet Android");
        typeByAgent.put("Acme/2.3 (Macintosh; macOS 14.4)", "computer Mac OS");
        typeByAgent.put("Acme/2.3 (Windows NT 10.0; Win64; x64)", "computer Windows NT");
        // An HTTP library's token beside the app's own words is passed over (HttpLibraryTokens).
        typeByAgent.put("Acme/2.3 (Linux; Android 14; Tablet; SM-X700) okhttp/4.12.0", "tablet Android");
        typeByAgent.put("Acme/2.3 (iPhone; iOS 17.4) Dart/3.3 (dart:io)", "mobile iOS");
        // The defaults the section warns about: iOS's names no iPad, Android's no tablet, OkHttp's and Flutter's no platform.
        typeByAgent.put("Acme/5 CFNetwork/1494.0.7 Darwin/23.4.0", "mobile iOS");
        typeByAgent.put("Dalvik/2.1.0 (Linux; U; Android 14; SM-X700 Build/UP1A.231005.007)", "mobile Android");
        typeByAgent.put("okhttp/4.12.0", "unknown Cloud");
        typeByAgent.put("Dart/3.3 (dart:io)", "unknown Cloud");
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).build())) {
            JsonNode app = createApp(server);
            int n = 0;
            for (Map.Entry<String, String> agent : typeByAgent.entrySet()) {
                n++;
                String user = "user" + n;
                ObjectNode body = appCall(app, user, "tok_acme_install_" + String.format("%08d", n)).put("action", "access");
                Response answered = server.post("/v3/evaluate", body.toString(), Map.of("User-Agent", agent.getKey()));
                assertThat(answered.status()).as(agent.getKey() + ": " + answered.body()).isEqualTo(200);
                JsonNode device = evaluation(server, app, answered).get("device");
                assertThat(device.get("type").asText() + " " + device.get("info").get("os").asText()).as(agent.getKey()).isEqualTo(agent.getValue());
            }
            // What an operator watches for: an app's traffic of unknown type (docs/production.md).
            String metrics = server.get("/metrics", Map.of()).body();
            for (String type : List.of("mobile", "tablet", "computer", "unknown")) {
                long expected = typeByAgent.values().stream().filter(reading -> reading.startsWith(type + " ")).count();
                assertThat(MetricsText.value(metrics, "seatguard_evaluation_device_types_total{type=\"" + type + "\"}")).as(type).isEqualTo(expected);
            }
        }
    }

    /**
     * A device first seen under a library's bare agent (as every agent naming OkHttp was read before it was
     * passed over) takes its type from the app's own words at its next evaluation.
     */
    @Test
    void aDeviceFirstSeenAsUnknownTakesTheTypeItsAppNamesLater() {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).build())) {
            JsonNode app = createApp(server);
            String body = appCall(app, "noa", "tok_acme_install_0000noa1").put("action", "access").toString();
            Response bare = server.post("/v3/evaluate", body, Map.of("User-Agent", "okhttp/4.12.0"));
            assertThat(evaluation(server, app, bare).get("device").get("type").asText()).isEqualTo("unknown");
            Response named = server.post("/v3/evaluate", body, Map.of("User-Agent", "Acme/2.3 (Linux; Android 14; Pixel 8) okhttp/4.12.0"));
            assertThat(named.json().get("device_id").asText()).isEqualTo(bare.json().get("device_id").asText());
            JsonNode device = server.get("/v3/users/noa/devices", bearer(app)).json().get("data").get(0);
            assertThat(device.get("type").asText() + " " + device.get("info").get("os").asText() + " " + device.get("info").get("browser").asText())
                    .isEqualTo("mobile Android Acme");
        }
    }

    /**
     * An Android app sends ANDROID_ID as {@code vendor_id}, as the section says: a reinstall that lost the
     * token (the system updated since) finds its phone again, and a second phone of the same model, system
     * and language on the account is a device of its own from its first call. Without the id the second
     * phone's components would be the first's exactly, and it would be taken for the first with its
     * storage cleared, as a browser would be.
     */
    @Test
    void anAndroidAppsVendorIdFindsItsPhoneAfterAReinstallAndTellsTwinsApart() {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).build())) {
            JsonNode app = createApp(server);
            Map<String, String> agent = Map.of("User-Agent", "Acme/2.3 (Linux; Android 14; Pixel 8)");
            String first = android(server, app, agent, "tok_acme_install_0000ola1", "14", "a1b2c3d4e5f60718");
            assertThat(android(server, app, agent, "tok_acme_install_0000ola2", "15", "a1b2c3d4e5f60718")).as("reinstalled, updated").isEqualTo(first);
            String twin = android(server, app, agent, "tok_acme_install_0000ola3", "15", "ffeeddccbbaa9988");
            assertThat(twin).as("another Pixel 8 on the account").isNotEqualTo(first);
            assertThat(android(server, app, agent, "tok_acme_install_0000ola1", "15", "a1b2c3d4e5f60718")).as("the first, its token again").isEqualTo(first);
            assertThat(server.get("/v3/users/ola/devices", bearer(app)).json().get("data")).hasSize(2);

            // The twin's token shown with the first phone's id: a copied token, resolved by the components.
            Response copied = evaluate(server, app, agent, "tok_acme_install_0000ola3", "15", "a1b2c3d4e5f60718");
            assertThat(copied.json().get("device_id").asText()).isEqualTo(first);
            assertThat(evaluation(server, app, copied).get("checks").get("token_mismatch").asBoolean()).isTrue();
        }
    }

    /**
     * An iOS app sends identifierForVendor under a name of its own ({@code idfv}), as the section says: an
     * ordinary component, it makes each iPhone's fingerprint its own, so a second iPhone of the same model,
     * system and language is a device of its own and {@code fingerprint_user_count} counts people rather
     * than phone models; and a reinstall that changed it keeps its device by the Keychain token, with no
     * {@code token_mismatch}. Without it, the three accounts' phones below would show one fingerprint.
     */
    @Test
    void anIphonesVendorIdUnderANameOfItsOwnKeepsFingerprintsApartAndLeavesTheTokenDeciding() {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).build())) {
            JsonNode app = createApp(server);
            Response owners = iphone(server, app, "ivy", "tok_acme_install_0000ivy1", "6F9619FF-8B86-D011-B42D-00C04FC964FF");
            Response twins = iphone(server, app, "ivy", "tok_acme_install_0000ivy2", "0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9");
            assertThat(twins.json().get("device_id").asText()).as("another iPhone of the model on the account").isNotEqualTo(owners.json().get("device_id").asText());
            Response others = iphone(server, app, "max", "tok_acme_install_0000max1", "11111111-2222-3333-4444-555555555555");
            assertThat(evaluation(server, app, others).get("checks").get("fingerprint_user_count").asInt()).as("one account's phone, not a model's").isEqualTo(1);

            Response reinstalled = iphone(server, app, "ivy", "tok_acme_install_0000ivy1", "99999999-8888-7777-6666-555555555555");
            assertThat(reinstalled.json().get("device_id").asText()).isEqualTo(owners.json().get("device_id").asText());
            assertThat(evaluation(server, app, reinstalled).get("checks").get("token_mismatch").asBoolean()).isFalse();
        }
    }

    private static Response iphone(TestServer server, JsonNode app, String user, String token, String idfv) {
        ObjectNode body = appCall(app, user, token).put("action", "access");
        ((ObjectNode) body.get("device").get("components")).put("idfv", idfv);
        Response answered = server.post("/v3/evaluate", body.toString(), Map.of("User-Agent", "Acme/2.3 (iPhone; iOS 17.4)"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("verdict").asText()).isEqualTo("allow");
        return answered;
    }

    /** An Android phone's access evaluation; answers its device id. */
    private static String android(TestServer server, JsonNode app, Map<String, String> agent, String token, String osVersion, String vendorId) {
        Response answered = evaluate(server, app, agent, token, osVersion, vendorId);
        assertThat(answered.json().get("verdict").asText()).isEqualTo("allow");
        return answered.json().get("device_id").asText();
    }

    private static Response evaluate(TestServer server, JsonNode app, Map<String, String> agent, String token, String osVersion, String vendorId) {
        ObjectNode body = appCall(app, "ola", token).put("action", "access");
        ((ObjectNode) body.get("device")).putObject("components").put("model", "Pixel 8").put("os_version", osVersion).put("screen", "915x412")
                .put("language", "fr-FR").put("vendor_id", vendorId);
        Response answered = server.post("/v3/evaluate", body.toString(), agent);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        return answered;
    }

    /**
     * The whole round of the section: evaluate (signed, no Origin), the challenge opened in the system's
     * browser and passed there, back through the app link, allowed, heartbeats, and a logout by the backend
     * that the app learns from its next heartbeat and its next evaluation.
     */
    @Test
    void anAppPassesItsChallengeInTheSystemsBrowserAndLearnsOfItsLogout() throws Exception {
        ChallengeSettings mail = ChallengeSettings.DEVELOPMENT.withSmtp(URI.create("smtp://127.0.0.1:" + MAIL.getSmtp().getPort()));
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).challenges(mail).build())) {
            JsonNode app = createApp(server);
            Response policy = server.post("/v3/policies", """
                    {"name": "Verify new devices", "actions": ["access"],
                     "conditions": {"check": "is_new_device", "op": "eq", "value": true}, "verdict": "challenge",
                     "challenge": {"type": "verification", "channels": ["email"], "success_url": "https://app.example.com/app/signup"}}""",
                    bearer(app));
            assertThat(policy.status()).as(policy.body()).isEqualTo(201);
            Map<String, String> agent = Map.of("User-Agent", "Acme/2.3 (iPhone; iOS 17.4)");
            String token = "tok_acme_install_0000mia1";

            ObjectNode access = appCall(app, "mia", token).put("action", "access").put("email", "mia@example.com").put("return_to", APP_LINK);
            access.put("identity_signature", IdentitySignature.sign(app.get("identity_secret").asText(), "mia", "mia@example.com", null));
            ObjectNode elsewhere = access.deepCopy().put("return_to", "https://links.example.net/app/return");
            Response refused = server.post("/v3/evaluate", elsewhere.toString(), agent);
            assertThat(refused.status()).as("an app link off the allowed origins, as for a page").isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("return_to");

            Response challenged = server.post("/v3/evaluate", access.toString(), agent);
            assertThat(challenged.status()).as(challenged.body()).isEqualTo(200);
            assertThat(challenged.json().get("verdict").asText()).isEqualTo("challenge");
            assertThat(evaluation(server, app, challenged).get("identity").asText()).as("signed, no Origin needed").isEqualTo("signed");
            String redirect = challenged.json().get("redirect").asText();

            // The system's browser (ASWebAuthenticationSession, a Custom Tab): cookies of its own, no app headers.
            PageClient browser = new PageClient();
            assertThat(browser.get(redirect).statusCode()).isEqualTo(200);
            assertThat(browser.post(redirect + "/send", Map.of("channel", "email", "lang", "en")).statusCode()).isEqualTo(200);
            assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
            Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(GreenMailUtil.getBody(MAIL.getReceivedMessages()[0]));
            assertThat(code.find()).isTrue();
            HttpResponse<String> passed = browser.post(redirect + "/verify", Map.of("code", code.group(1), "lang", "en"));
            assertThat(passed.statusCode()).isEqualTo(303);
            assertThat(passed.headers().firstValue("Location")).as("back to the app, through its link").contains(APP_LINK);

            Response allowed = server.post("/v3/evaluate", access.toString(), agent);
            assertThat(allowed.json().get("verdict").asText()).as(allowed.body()).isEqualTo("allow");
            assertThat(allowed.json().get("logout").asBoolean()).isFalse();
            String deviceId = allowed.json().get("device_id").asText();
            assertThat(deviceId).isEqualTo(challenged.json().get("device_id").asText());

            ObjectNode beat = appCall(app, "mia", token);
            Response live = server.post("/v3/sessions/heartbeat", beat.toString(), agent);
            assertThat(live.status()).as(live.body()).isEqualTo(200);
            assertThat(live.json().get("active").asBoolean()).isTrue();
            assertThat(live.json().get("logout").asBoolean()).isFalse();
            JsonNode listed = server.get("/v3/users/mia/devices", bearer(app)).json().get("data").get(0);
            assertThat(listed.get("type").asText()).isEqualTo("mobile");
            assertThat(listed.get("actively_connected").asBoolean()).isTrue();

            // To the background: the session ends at once.
            assertThat(server.post("/v3/sessions/end", beat.toString(), agent).status()).isEqualTo(204);
            assertThat(server.get("/v3/users/mia/devices", bearer(app)).json().get("data").get(0).get("actively_connected").asBoolean()).isFalse();

            // The backend logs the phone out (the person's settings page); the app hears it at its next call.
            assertThat(server.send("DELETE", "/v3/users/mia/devices/" + deviceId, null, bearer(app)).status()).isEqualTo(204);
            assertThat(server.post("/v3/sessions/heartbeat", beat.toString(), agent).json().get("logout").asBoolean()).isTrue();
            assertThat(server.post("/v3/evaluate", access.toString(), agent).json().get("logout").asBoolean()).isTrue();
        }
    }

    private static JsonNode createApp(TestServer server) {
        Response created = server.post("/v3/apps", "{\"name\":\"Acme\",\"allowed_origins\":[\"https://app.example.com\"]}", ADMIN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** What every call of the app carries: its client id, the account, a session per launch, and its device. */
    private static ObjectNode appCall(JsonNode app, String user, String token) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("client_id", app.get("client_id").asText()).put("user", user).put("session", "ses_launch_" + user);
        ObjectNode device = body.putObject("device").put("token", token).put("timezone", "Europe/Paris");
        device.putObject("components").put("model", "iPhone15,2").put("os_version", "17.4").put("screen", "852x393").put("language", "fr-FR");
        return body;
    }

    private static Map<String, String> bearer(JsonNode app) {
        return Map.of("Authorization", "Bearer " + app.get("secret_key").asText());
    }

    private static JsonNode evaluation(TestServer server, JsonNode app, Response evaluated) {
        return server.get("/v3/evaluations/" + evaluated.json().get("evaluation_id").asText(), bearer(app)).json();
    }
}
