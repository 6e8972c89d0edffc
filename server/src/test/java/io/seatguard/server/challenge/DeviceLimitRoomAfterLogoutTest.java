package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Review finding: once the app's backend logged one of the owner's devices out, the account had room for
 * the device being signed in on, yet the device-limit page still asked to "Log out of some" and offered a
 * Log out button; posting it logged nothing out (rightly: the account was within its limit) and went on
 * to return_to without a word, the device the owner chose still in. The page now says the account has
 * room and offers Continue only; a logout posted from a page read before says nothing needed to go.
 */
class DeviceLimitRoomAfterLogoutTest {
    private static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String POLICY = """
            {"name": "Two devices", "actions": ["access"], "conditions": {"check": "device_count", "op": "gt", "value": 2},
             "verdict": "challenge", "challenge": {"type": "device_limit", "device_limit": 2, "success_url": "https://app.example/plans",
                           "logout_url": "https://app.example/bye"}}""";
    private static final String RETURN_TO = "https://app.example/watch/1";
    private static final String OWNER = "owner2";

    @TempDir
    Path dataDir;

    /** The redirect of the owner's server-mode access from the device holding {@code token}; empty when allowed. */
    private static String access(TestServer server, TestApp app, String token) {
        Response response = server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"" + OWNER + "\",\"ip\":\"198.51.100.7\",\"user_agent\":\""
                + DESKTOP + "\",\"return_to\":\"" + RETURN_TO + "\",\"device\":{\"token\":\"" + token + "\"}}", app.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().has("redirect") && !response.json().get("redirect").isNull() ? response.json().get("redirect").asText() : "";
    }

    /** Each of the owner's devices by id, with its status as the API lists it. */
    private static Map<String, String> statuses(TestServer server, TestApp app) {
        Map<String, String> statusById = new HashMap<>();
        server.get("/v3/users/" + OWNER + "/devices", app.bearer()).json().get("data")
                .forEach(device -> statusById.put(device.get("id").asText(), device.get("status").asText()));
        return statusById;
    }

    private static String challengeStatus(TestServer server, TestApp app, String page) {
        return server.get("/v3/challenges/" + page.substring(page.lastIndexOf('/') + 1), app.bearer()).json().get("status").asText();
    }

    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void aPageWhoseAccountHasRoomAgainOffersContinueAndSaysWhyNothingWasLoggedOut(TestServer.Store store) {
        try (TestServer server = TestServer.start(store, dataDir)) {
            TestApp app = server.defaultApp();
            Response policy = server.post("/v3/policies", POLICY, app.bearer());
            assertThat(policy.status()).as(policy.body()).isEqualTo(201);
            assertThat(access(server, app, "tok_owner2_device0_01")).as("device 0 allowed").isEmpty();
            String device0 = List.copyOf(statuses(server, app).keySet()).getFirst();
            assertThat(access(server, app, "tok_owner2_device1_01")).as("device 1 allowed").isEmpty();
            String device1 = statuses(server, app).keySet().stream().filter(id -> !id.equals(device0)).findFirst().orElseThrow();
            String page = access(server, app, "tok_owner2_device2_01");
            assertThat(page).as("device 2: over the limit of two").startsWith(server.url() + "/challenge/");

            PageClient readBefore = new PageClient();
            assertThat(readBefore.get(page).body()).as("over the limit").contains("Log out of some to continue here").contains("logout-device");

            assertThat(server.send("DELETE", "/v3/users/" + OWNER + "/devices/" + device1, null, app.bearer()).status()).isEqualTo(204);

            String fresh = new PageClient().get(page).body();
            assertThat(fresh).as("within the limit now: no logout is offered")
                    .doesNotContain("Log out of some").doesNotContain("logout-device").doesNotContain(device0)
                    .contains("has room for this device now").contains("/challenge/" + page.substring(page.lastIndexOf('/') + 1) + "/continue\"");

            HttpResponse<String> logout = readBefore.post(page + "/logout-device", Map.of("lang", "en", "device_id", device0));
            assertThat(logout.statusCode()).as("answered on the page, not sent on without a word").isEqualTo(200);
            assertThat(logout.body()).contains("No device needed to be logged out").doesNotContain("logout-device").contains("/continue\"");
            assertThat(statuses(server, app)).as("device 0 stays in, device 1 is out").containsEntry(device0, "attached").containsEntry(device1, "detached");
            assertThat(challengeStatus(server, app, page)).as("not passed until the owner continues").isNotEqualTo("completed");

            HttpResponse<String> continued = readBefore.post(page + "/continue", Map.of("lang", "en"));
            assertThat(continued.statusCode()).isEqualTo(303);
            assertThat(continued.headers().firstValue("Location")).hasValue(RETURN_TO);
            assertThat(challengeStatus(server, app, page)).isEqualTo("completed");
            assertThat(statuses(server, app)).as("device 2 is the account's now").containsEntry(device0, "attached").containsValue("attached").hasSize(3);
        }
    }
}
