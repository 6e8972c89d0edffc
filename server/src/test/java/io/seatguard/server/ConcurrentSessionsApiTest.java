package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.http.Json;
import io.seatguard.storage.RedisTestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code concurrent_sessions}' guards against false positives (docs/checks.md, ConcurrentSessionsCheck) and
 * presence's separation of apps, through the HTTP API, on both presence adapters: the guards were pinned
 * only in core (ConcurrentSessionsTest, on the pipeline), so nothing checked that what reaches them from
 * a request (the device resolved by its token, the client address behind the proxy, the app of the client
 * id) is what they compare. Each guard is checked against its control: the same steps on another device,
 * or another network, are concurrent.
 */
class ConcurrentSessionsApiTest {
    private static final String HOME_WIFI = "81.2.69.160";
    private static final String MOBILE_DATA = "89.160.20.112";
    private static final String ELSEWHERE = "216.160.83.56";

    /** Presence in this node's memory, or in Redis as several nodes share it. */
    enum PresenceKind {
        MEMORY,
        REDIS
    }

    @TempDir
    Path dataDir;

    private static TestServer start(PresenceKind presence, Path dataDir) {
        if (presence == PresenceKind.MEMORY) {
            return TestServer.start(TestServer.Store.SQLITE, dataDir);
        }
        RedisTestServer.require();
        return TestServer.startWith(TestServer.config(dataDir).redisUrl(RedisTestServer.URL).build());
    }

    @ParameterizedTest
    @EnumSource(PresenceKind.class)
    void onePhoneMovingFromWifiToMobileDataIsNotConcurrentWithItself(PresenceKind presence) {
        try (TestServer server = start(presence, dataDir)) {
            TestApp app = server.defaultApp();
            assertThat(concurrent(server, app, "wifi", "tok_wifi_phone_00000001", "tab-a", HOME_WIFI, EvaluateApiTest.IPHONE)).isFalse();
            assertThat(beat(server, app, "wifi", "tab-a", "tok_wifi_phone_00000001", HOME_WIFI).get("active").asBoolean()).isTrue();

            assertThat(concurrent(server, app, "wifi", "tok_wifi_phone_00000001", "tab-b", MOBILE_DATA, EvaluateApiTest.IPHONE))
                    .as("the same phone's next tab, now on mobile data").isFalse();
            assertThat(concurrent(server, app, "wifi", "tok_wifi_phone_00000002", "tab-c", ELSEWHERE, EvaluateApiTest.IPHONE))
                    .as("control: another phone on another network").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(PresenceKind.class)
    void twoTabsOfOneBrowserAreNotConcurrent(PresenceKind presence) {
        try (TestServer server = start(presence, dataDir)) {
            TestApp app = server.defaultApp();
            concurrent(server, app, "tabs", "tok_tabs_laptop_0000001", "tab-a", HOME_WIFI, EvaluateApiTest.DESKTOP);
            assertThat(beat(server, app, "tabs", "tab-a", "tok_tabs_laptop_0000001", HOME_WIFI).get("active").asBoolean()).isTrue();

            // Behind a NAT that gives each connection an address of its pool (a carrier's, an office's), the
            // browser's second tab reaches the server from another address than its first.
            assertThat(concurrent(server, app, "tabs", "tok_tabs_laptop_0000001", "tab-b", MOBILE_DATA, EvaluateApiTest.DESKTOP))
                    .as("a second tab of the same browser").isFalse();
            assertThat(concurrent(server, app, "tabs", "tok_tabs_laptop_0000001", "tab-a", ELSEWHERE, EvaluateApiTest.DESKTOP))
                    .as("the first tab's next page").isFalse();
            assertThat(concurrent(server, app, "tabs", "tok_tabs_laptop_0000002", "tab-c", HOME_WIFI, EvaluateApiTest.DESKTOP))
                    .as("control: another laptop, on another network than both tabs now").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(PresenceKind.class)
    void oneHouseholdsIpv6Slash64IsOneNetwork(PresenceKind presence) {
        try (TestServer server = start(presence, dataDir)) {
            TestApp app = server.defaultApp();
            concurrent(server, app, "six", "tok_six_laptop_00000001", "tab-a", "2a02:8070:1:2:aaaa::1", EvaluateApiTest.DESKTOP);

            assertThat(concurrent(server, app, "six", "tok_six_laptop_00000002", "tab-b", "2a02:8070:1:2:bbbb:cccc:dddd:2", EvaluateApiTest.DESKTOP))
                    .as("another laptop in the same /64").isFalse();
            assertThat(concurrent(server, app, "six", "tok_six_laptop_00000003", "tab-c", "2a02:8070:1:3::3", EvaluateApiTest.DESKTOP))
                    .as("control: another laptop in the next /64").isTrue();
        }
    }

    /**
     * Presence is the app's own: another app's client id naming the same account and session (and even the
     * device's token) neither keeps, resumes nor ends this app's session, and its evaluations do not see it.
     */
    @ParameterizedTest
    @EnumSource(PresenceKind.class)
    void anotherAppsHeartbeatsAndEndsNeverReachThisAppsSession(PresenceKind presence) {
        try (TestServer server = start(presence, dataDir)) {
            TestApp mine = server.defaultApp();
            TestApp other = server.createApp("other");
            concurrent(server, mine, "kai", "tok_kai_laptop_00000001", "tab-1", HOME_WIFI, EvaluateApiTest.DESKTOP);

            JsonNode foreignBeat = beat(server, other, "kai", "tab-1", "tok_kai_laptop_00000001", ELSEWHERE);
            assertThat(foreignBeat.get("active").asBoolean()).as("the other app never opened tab-1").isFalse();
            assertThat(foreignBeat.get("logout").asBoolean()).isFalse();
            Response foreignEnd = server.post("/v3/sessions/end", "{\"client_id\":\"" + other.clientId() + "\",\"user\":\"kai\",\"session\":\"tab-1\"}", Map.of());
            assertThat(foreignEnd.status()).isEqualTo(204);
            assertThat(concurrent(server, other, "kai", "tok_kai_laptop_00000002", "tab-2", MOBILE_DATA, EvaluateApiTest.DESKTOP))
                    .as("the other app's account of the same name has no session live").isFalse();

            assertThat(beat(server, mine, "kai", "tab-1", "tok_kai_laptop_00000001", HOME_WIFI).get("active").asBoolean())
                    .as("the other app's end did not end this app's session").isTrue();
            assertThat(server.get("/v3/users/kai/devices", mine.bearer()).json().get("data").get(0).get("actively_connected").asBoolean()).isTrue();
            assertThat(concurrent(server, mine, "kai", "tok_kai_laptop_00000003", "tab-3", ELSEWHERE, EvaluateApiTest.DESKTOP))
                    .as("this app's session still counts for this app").isTrue();
        }
    }

    /** An allowed unsigned page view of {@code user} (it opens {@code session}), and its {@code concurrent_sessions}. */
    private static boolean concurrent(TestServer server, TestApp app, String user, String token, String session, String from, String userAgent) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("client_id", app.clientId()).put("action", "access").put("user", user).put("session", session);
        body.putObject("device").put("token", token);
        Response response = server.post("/v3/evaluate", body.toString(), Map.of("User-Agent", userAgent, "X-Forwarded-For", from));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("verdict").asText()).as(response.body()).isEqualTo("allow");
        JsonNode evaluation = server.get("/v3/evaluations/" + response.json().get("evaluation_id").asText(), app.bearer()).json();
        JsonNode check = evaluation.get("checks").get("concurrent_sessions");
        assertThat(check.isBoolean()).as("presence was read: %s", check).isTrue();
        return check.asBoolean();
    }

    private static JsonNode beat(TestServer server, TestApp app, String user, String session, String token, String from) {
        return SessionsApiTest.heartbeat(server, app, user, session, token, from);
    }
}
