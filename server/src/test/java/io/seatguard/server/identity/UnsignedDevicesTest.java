package io.seatguard.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.sdk.IdentitySignature;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.challenge.PageClient;
import io.seatguard.server.http.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Review finding: anyone holding an app's public client id sent unsigned browser evaluations naming any
 * account, each from a new device token, and each let its device in to the account. The owner's next
 * evaluation, even one from the app's backend, then counted those devices in {@code device_count} (five
 * after four calls) and a policy on it refused the owner or sent them to the device-limit page: a denial of
 * service on any account. A vouched evaluation (server mode, signed identity) now counts only the devices
 * vouched evaluations let in, and the device-limit page it opens counts the same; an unsigned one still
 * counts every device, so an app that vouches for nobody limits devices as before. On both stores: the
 * embedded one answers from its cache.
 */
class UnsignedDevicesTest {
    private static final String OWNER_NETWORK = "81.2.69.160";
    private static final String ATTACKER_NETWORK = "89.160.20.112";
    private static final String RETURN_TO = "https://app.example/watch/1";

    @TempDir
    Path dataDir;

    private TestServer server;
    private UnsignedCallerApp app;

    private void start(TestServer.Store store, String policy) {
        server = TestServer.start(store, dataDir);
        app = UnsignedCallerApp.create(server);
        Response made = server.post("/v3/policies", policy, app.bearer());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void devicesLetInWithTheClientIdAloneCannotGetTheOwnerRefused(TestServer.Store store) {
        start(store, """
                {"name": "at most three devices", "actions": ["login"], "verdict": "deny",
                 "conditions": {"check": "device_count", "op": "gt", "value": 3}}""");
        serverEvaluate("login", "vic", "tok_vic_laptop_00000001");
        letIntrudersIn("vic", 4);

        JsonNode owner = app.evaluation(serverEvaluate("login", "vic", "tok_vic_laptop_00000001"));
        assertThat(owner.get("identity").asText()).isEqualTo("server");
        assertThat(owner.get("checks").get("device_count").asLong()).as("the laptop alone: the intruders' devices are not the owner's").isEqualTo(1);
        assertThat(owner.get("checks").get("computer_device_count").asLong()).isEqualTo(1);
        assertThat(owner.get("verdict").asText()).isEqualTo("allow");

        ObjectNode signed = browserBody("login", "vic", "tok_vic_phone_000000001")
                .put("identity_signature", IdentitySignature.sign(app.identitySecret(), "vic", null, null));
        JsonNode page = app.evaluation(app.browserEvaluate(signed, OWNER_NETWORK));
        assertThat(page.get("identity").asText()).isEqualTo("signed");
        assertThat(page.get("checks").get("device_count").asLong()).as("the laptop and this browser").isEqualTo(2);
        assertThat(page.get("verdict").asText()).isEqualTo("allow");

        // An app that vouches for nobody keeps limiting devices as before: an unsigned login counts every one.
        JsonNode unsigned = app.evaluation(app.browserEvaluate(browserBody("login", "vic", "tok_vic_tablet_00000001"), OWNER_NETWORK));
        assertThat(unsigned.get("identity").asText()).isEqualTo("unsigned");
        assertThat(unsigned.get("checks").get("device_count").asLong()).as("the laptop, the signed browser, four intruders and this one").isEqualTo(7);
        assertThat(unsigned.get("verdict").asText()).isEqualTo("deny");
    }

    /**
     * The owner's backend sends a login over the limit to the device-limit page: it counts the devices the
     * policy counted, lists the intruders' too (so the owner can log them out), and lets the owner on once
     * the vouched devices fit, whatever the intruders' still attached.
     */
    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void theDeviceLimitPageOfAVouchedLoginCountsAsItsPolicyDid(TestServer.Store store) {
        start(store, """
                {"name": "two devices", "actions": ["login"], "conditions": {"check": "device_count", "op": "gt", "value": 2},
                 "verdict": "challenge", "challenge": {"type": "device_limit", "device_limit": 2, "success_url": "%s",
                               "logout_url": "https://app.example/bye"}}""".formatted(RETURN_TO));
        serverEvaluate("login", "vic", "tok_vic_laptop_00000001");
        String tablet = deviceOf(serverEvaluate("login", "vic", "tok_vic_tablet_00000001"));
        List<String> intruders = letIntrudersIn("vic", 3);

        JsonNode login = serverEvaluate("login", "vic", "tok_vic_phone_000000001");
        JsonNode stored = app.evaluation(login);
        assertThat(stored.get("checks").get("device_count").asLong()).as("laptop, tablet, phone").isEqualTo(3);
        assertThat(login.get("verdict").asText()).isEqualTo("challenge");
        String page = login.get("redirect").asText();

        PageClient browser = new PageClient();
        String body = browser.get(page).body();
        assertThat(body).as("every attached device is listed").contains(intruders.get(0)).contains(intruders.get(2)).contains(tablet);
        assertThat(body).as("the intruders are marked as not counted").contains("Not counted towards the limit");
        assertThat(countOccurrences(body, "Not counted towards the limit")).isEqualTo(3);

        HttpResponse<String> intruderOut = browser.post(page + "/logout-device", Map.of("lang", "en", "device_id", intruders.get(0)));
        assertThat(intruderOut.statusCode()).as(intruderOut.body()).isEqualTo(200);
        assertThat(status(intruders.get(0))).isEqualTo("detached");

        HttpResponse<String> tabletOut = browser.post(page + "/logout-device", Map.of("lang", "en", "device_id", tablet));
        assertThat(tabletOut.statusCode()).as("the laptop and the phone fit two: on to the app").isEqualTo(303);
        assertThat(tabletOut.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).startsWith(RETURN_TO));
        assertThat(status(deviceOf(login))).isEqualTo("attached");
        assertThat(status(intruders.get(1))).as("the intruders the owner left alone stay").isEqualTo("attached");

        JsonNode next = app.evaluation(serverEvaluate("login", "vic", "tok_vic_phone_000000001"));
        assertThat(next.get("checks").get("device_count").asLong()).isEqualTo(2);
        assertThat(next.get("verdict").asText()).isEqualTo("allow");
    }

    /** Unsigned access calls naming the account, each from a new device and allowed: the ids of the devices they let in. */
    private List<String> letIntrudersIn(String user, int count) {
        List<String> devices = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String token = "tok_mallory_device_000" + i;
            Response response = app.browserEvaluate(browserBody("access", user, token), ATTACKER_NETWORK);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("verdict").asText()).isEqualTo("allow");
            devices.add(deviceOf(response.json()));
        }
        assertThat(server.get("/v3/users/" + user + "/devices", app.bearer()).json().get("data").findValuesAsText("status"))
                .as("each is one of the account's devices now").filteredOn("attached"::equals).hasSizeGreaterThanOrEqualTo(count);
        return devices;
    }

    /** The device an evaluation was made on. */
    private String deviceOf(JsonNode evaluated) {
        return app.evaluation(evaluated).get("device").get("id").asText();
    }

    private String status(String deviceId) {
        for (JsonNode device : server.get("/v3/users/vic/devices", app.bearer()).json().get("data")) {
            if (device.get("id").asText().equals(deviceId)) {
                return device.get("status").asText();
            }
        }
        return "none";
    }

    private static int countOccurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private ObjectNode browserBody(String action, String user, String token) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("client_id", app.clientId()).put("action", action).put("user", user);
        body.putObject("device").put("token", token);
        return body;
    }

    private JsonNode serverEvaluate(String action, String user, String token) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("action", action).put("user", user).put("ip", OWNER_NETWORK).put("user_agent", UnsignedCallerApp.DESKTOP)
                .put("return_to", RETURN_TO);
        body.putObject("device").put("token", token);
        Response response = server.post("/v3/evaluate", body.toString(), app.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

}
