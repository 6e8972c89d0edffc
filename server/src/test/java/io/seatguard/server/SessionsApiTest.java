package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Heartbeats and session ends (CONTRACT.md "Presence"), including the logout they report. */
class SessionsApiTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void aHeartbeatReportsTheLogoutOfItsDevice(TestServer.Store store) {
        try (TestServer server = TestServer.start(store, dataDir)) {
            TestApp app = server.defaultApp();
            String device = evaluate(server, app, "login", "ola", "tok_ola_laptop_0000001", "tab-1").get("device_id").asText();

            JsonNode beat = heartbeat(server, app, "ola", "tab-1", "tok_ola_laptop_0000001");
            assertThat(beat.get("active").asBoolean()).isTrue();
            assertThat(beat.get("logout").asBoolean()).isFalse();

            assertThat(server.send("DELETE", "/v3/users/ola/devices/" + device, null, app.bearer()).status()).isEqualTo(204);
            JsonNode afterLogout = heartbeat(server, app, "ola", "tab-1", "tok_ola_laptop_0000001");
            assertThat(afterLogout.get("logout").asBoolean()).isTrue();
            assertThat(afterLogout.get("active").asBoolean()).isFalse();
            // Brief b5 (a): a tab of that device whose beats carry no token is told too, by its session.
            JsonNode tokenless = heartbeat(server, app, "ola", "tab-1", null);
            assertThat(tokenless.get("logout").asBoolean()).isTrue();
            assertThat(tokenless.get("active").asBoolean()).isFalse();
            // Another account on the same browser is not logged out by it.
            assertThat(heartbeat(server, app, "pat", "tab-2", "tok_ola_laptop_0000001").get("logout").asBoolean()).isFalse();
            // A tab without a token, or with one we never saw, has nothing to be logged out of.
            assertThat(heartbeat(server, app, "ola", "tab-3", null).get("logout").asBoolean()).isFalse();
            assertThat(heartbeat(server, app, "ola", "tab-4", "tok_never_seen_000000001").get("logout").asBoolean()).isFalse();

            Response end = server.post("/v3/sessions/end", "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"ola\",\"session\":\"tab-3\"}", Map.of());
            assertThat(end.status()).isEqualTo(204);
            // Ending a session twice, or one never seen, is fine.
            assertThat(server.post("/v3/sessions/end", "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"ola\",\"session\":\"tab-3\"}", Map.of()).status())
                    .isEqualTo(204);
        }
    }

    @Test
    void aDeviceIsActivelyConnectedWhileItsSessionIsLive() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            evaluate(server, app, "login", "kim", "tok_kim_laptop_0000001");
            assertThat(server.get("/v3/users/kim/devices", app.bearer()).json().get("data").get(0).get("actively_connected").asBoolean())
                    .as("a login without a session id keeps no session").isFalse();
            assertThat(heartbeat(server, app, "kim", "tab-1", "tok_kim_laptop_0000001").get("active").asBoolean())
                    .as("no allowed evaluation opened tab-1: its heartbeat opens nothing, even from the account's own device").isFalse();
            assertThat(server.get("/v3/users/kim/devices", app.bearer()).json().get("data").get(0).get("actively_connected").asBoolean()).isFalse();
            evaluate(server, app, "access", "kim", "tok_kim_laptop_0000001", "tab-1");
            assertThat(heartbeat(server, app, "kim", "tab-1", "tok_kim_laptop_0000001").get("active").asBoolean()).isTrue();
            assertThat(server.get("/v3/users/kim/devices", app.bearer()).json().get("data").get(0).get("actively_connected").asBoolean()).isTrue();
            server.post("/v3/sessions/end", "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"kim\",\"session\":\"tab-1\"}", Map.of());
            assertThat(server.get("/v3/users/kim/devices", app.bearer()).json().get("data").get(0).get("actively_connected").asBoolean()).isFalse();
        }
    }

    /**
     * Unsigned page views for made-up accounts, sent with the public client id, fill the app's live sessions
     * only up to --presence-max-live-per-app: the next one's session is not kept live (counted in
     * /metrics), while a server-mode evaluation's session always is.
     */
    @Test
    void madeUpAccountsFillAnAppsLiveSessionsOnlyUpToItsCapAndVouchedSessionsAreStillKept() {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).presenceMaxLivePerApp(100).build())) {
            TestApp app = server.defaultApp();
            for (int i = 0; i < 100; i++) {
                evaluate(server, app, "access", "made-up-" + i, "tok_made_up_" + (100_000_000 + i), "tab-" + i);
            }
            assertThat(heartbeat(server, app, "made-up-99", "tab-99", "tok_made_up_100000099").get("active").asBoolean()).isTrue();
            evaluate(server, app, "access", "made-up-100", "tok_made_up_100000100", "tab-100");
            assertThat(heartbeat(server, app, "made-up-100", "tab-100", "tok_made_up_100000100").get("active").asBoolean())
                    .as("past the cap, a made-up account's new session is not kept live").isFalse();

            Response vouched = server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"kim\",\"session\":\"tab-kim\",\"ip\":\"198.51.100.30\"}",
                    app.bearer());
            assertThat(vouched.status()).as(vouched.body()).isEqualTo(200);
            assertThat(heartbeat(server, app, "kim", "tab-kim", null).get("active").asBoolean()).as("a server-mode session is always kept").isTrue();
            assertThat(MetricsText.value(server.get("/metrics", Map.of()).body(), "seatguard_presence_refused_over_app_cap_total"))
                    .as("the evaluation's touch and the heartbeat's resume").isEqualTo(2.0);
        }
    }

    @Test
    void aHeartbeatCannotMakeUpALiveSessionOnSomeoneElsesAccount() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            evaluate(server, app, "login", "mallory", "tok_mallory_laptop_001");
            evaluate(server, app, "login", "vic", "tok_vic_laptop_00000001");

            // Mallory's own token, on vic's account, from another network.
            JsonNode forged = heartbeat(server, app, "vic", "ses_forged", "tok_mallory_laptop_001", "203.0.113.66");
            assertThat(forged.get("active").asBoolean()).as("her device is not vic's: no session is opened").isFalse();
            JsonNode unknown = heartbeat(server, app, "vic", "ses_forged_2", null, "203.0.113.67");
            assertThat(unknown.get("active").asBoolean()).as("nor for a tab without a token").isFalse();

            Response access = server.post("/v3/evaluate", "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"access\",\"user\":\"vic\","
                    + "\"session\":\"ses_vic\",\"device\":{\"token\":\"tok_vic_laptop_00000001\"}}",
                    Map.of("User-Agent", EvaluateApiTest.DESKTOP, "X-Forwarded-For", "198.51.100.20"));
            assertThat(access.status()).as(access.body()).isEqualTo(200);
            JsonNode evaluation = server.get("/v3/evaluations/" + access.json().get("evaluation_id").asText(), app.bearer()).json();
            assertThat(evaluation.get("checks").get("concurrent_sessions").asBoolean()).isFalse();

            // Vic's own device keeps the session its page view opened, but opens none by a heartbeat alone.
            assertThat(heartbeat(server, app, "vic", "ses_vic", "tok_vic_laptop_00000001", "198.51.100.20").get("active").asBoolean()).isTrue();
            assertThat(heartbeat(server, app, "vic", "ses_vic_tab_2", "tok_vic_laptop_00000001", "198.51.100.20").get("active").asBoolean()).isFalse();
        }
    }

    @Test
    void loggingADeviceOutEndsItsLiveSessions() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            String device = evaluate(server, app, "login", "kim", "tok_kim_laptop_0000001", "tab-1").get("device_id").asText();
            heartbeat(server, app, "kim", "tab-1", "tok_kim_laptop_0000001");
            assertThat(server.get("/v3/users/kim/devices", app.bearer()).json().get("data").get(0).get("actively_connected").asBoolean()).isTrue();

            assertThat(server.send("DELETE", "/v3/users/kim/devices/" + device, null, app.bearer()).status()).isEqualTo(204);

            assertThat(server.get("/v3/users/kim/devices", app.bearer()).json().get("data").get(0).get("actively_connected").asBoolean())
                    .as("its tab is no longer a live session, before any heartbeat").isFalse();
        }
    }

    @Test
    void aServerListeningOnIpv6AnswersItsPeers() {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).host("::1").build())) {
            TestApp app = server.defaultApp();
            String base = "http://[::1]:" + server.server().port();
            Response evaluated = TestServer.send(base, "POST", "/v3/evaluate", "{\"client_id\":\"" + app.clientId()
                    + "\",\"action\":\"login\",\"user\":\"six\",\"device\":{\"token\":\"tok_six_laptop_0000001\"}}",
                    Map.of("User-Agent", EvaluateApiTest.DESKTOP));
            assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
            assertThat(evaluated.json().get("ip").asText()).isEqualTo("::1");
            Response beat = TestServer.send(base, "POST", "/v3/sessions/heartbeat", "{\"client_id\":\"" + app.clientId()
                    + "\",\"user\":\"six\",\"session\":\"tab-1\",\"device\":{\"token\":\"tok_six_laptop_0000001\"}}", Map.of());
            assertThat(beat.status()).as(beat.body()).isEqualTo(200);
        }
    }

    @Test
    void badSessionCallsNameTheField() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            assertProblem(server.post("/v3/sessions/heartbeat", "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"ola\"}", Map.of()), 400, "session");
            assertProblem(server.post("/v3/sessions/heartbeat", "{\"client_id\":\"" + app.clientId() + "\",\"session\":\"s\"}", Map.of()), 400, "user");
            assertProblem(server.post("/v3/sessions/heartbeat", "{\"user\":\"ola\",\"session\":\"s\"}", Map.of()), 400, "client_id");
            assertProblem(server.post("/v3/sessions/heartbeat", "{\"client_id\":\"" + app.clientId() + "\",\"user\":7,\"session\":\"s\"}", Map.of()), 400, "user");
            assertProblem(server.post("/v3/sessions/heartbeat", "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"ola\",\"session\":\"" + "s".repeat(129)
                    + "\"}", Map.of()), 400, "session");
            assertProblem(server.post("/v3/sessions/heartbeat", "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"ola\",\"session\":\"s\",\"device\":{\"token\":\"short\"}}",
                    Map.of()), 400, "device.token");
            assertProblem(server.post("/v3/sessions/end", "{\"client_id\":\"pk_unknownapp\",\"user\":\"ola\",\"session\":\"s\"}", Map.of()), 401, null);
            assertProblem(server.post("/v3/sessions/heartbeat", "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"ola\",\"session\":\"s\"}",
                    Map.of("Origin", "https://stranger.example")), 403, null);
            Response wrongType = server.send("POST", "/v3/sessions/end", "user=ola", Map.of("Content-Type", "application/x-www-form-urlencoded"));
            assertThat(wrongType.status()).isEqualTo(415);
        }
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field")).contains(field);
        }
    }

    static JsonNode heartbeat(TestServer server, TestApp app, String user, String session, String token) {
        return heartbeat(server, app, user, session, token, "127.0.0.1");
    }

    static JsonNode heartbeat(TestServer server, TestApp app, String user, String session, String token, String from) {
        String device = token == null ? "" : ",\"device\":{\"token\":\"" + token + "\"}";
        Response response = server.post("/v3/sessions/heartbeat",
                "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"" + user + "\",\"session\":\"" + session + "\"" + device + "}",
                Map.of("X-Forwarded-For", from));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode evaluate(TestServer server, TestApp app, String action, String user, String token) {
        return evaluate(server, app, action, user, token, null);
    }

    /** With {@code session}, the allowed evaluation opens that session: a heartbeat keeps it live from then on. */
    private static JsonNode evaluate(TestServer server, TestApp app, String action, String user, String token, String session) {
        String tab = session == null ? "" : ",\"session\":\"" + session + "\"";
        Response response = server.post("/v3/evaluate", "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"" + action + "\",\"user\":\"" + user
                + "\"" + tab + ",\"device\":{\"token\":\"" + token + "\"}}", Map.of("User-Agent", EvaluateApiTest.DESKTOP));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
