package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.config.ServerConfig;
import io.seatguard.storage.PostgresTestDatabase;
import io.seatguard.storage.RedisTestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server nodes on one PostgreSQL and one Redis (the real servers on the machine): a session kept
 * live on one node is seen by the other, in {@code concurrent_sessions} and {@code actively_connected}.
 */
class PresenceAcrossNodesTest {
    @TempDir
    Path dataDir;

    @Test
    void aSessionLiveOnOneNodeIsConcurrentWithAnotherOnTheOtherNode() {
        RedisTestServer.require();
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            ServerConfig config = ServerConfig.embeddedForTests(dataDir).withDatabaseUrl(database.url()).withRedisUrl(RedisTestServer.URL);
            try (TestServer first = TestServer.startWith(config); TestServer second = TestServer.startWith(config)) {
                TestApp app = first.defaultApp();
                String laptop = evaluate(first, app, "tok_una_laptop_0000001", "tab-a", "198.51.100.20").get("device_id").asText();
                // The second node never saw this account: presence in Redis tells it about the first one's session.
                JsonNode other = evaluate(second, app, "tok_una_desktop_000001", "tab-b", "203.0.113.40");
                JsonNode evaluation = second.get("/v3/evaluations/" + other.get("evaluation_id").asText(), app.bearer()).json();
                assertThat(evaluation.get("checks").get("concurrent_sessions").asBoolean()).isTrue();
                assertThat(evaluation.get("risk").get("score").asInt()).isGreaterThanOrEqualTo(40);
                assertThat(evaluation.get("risk").get("signals").findValuesAsText("name")).contains("concurrent_sessions");
                assertThat(evaluation.get("risk").get("risks").get(0).get("category").asText()).isEqualTo("account_sharing");

                JsonNode devices = second.get("/v3/users/una/devices", app.bearer()).json().get("data");
                assertThat(devices).hasSize(2);
                devices.forEach(device -> assertThat(device.get("actively_connected").asBoolean()).as(device.toString()).isTrue());

                // Signing out on the first node ends the session everywhere at once.
                Response end = first.post("/v3/sessions/end", "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"una\",\"session\":\"tab-a\"}", Map.of());
                assertThat(end.status()).isEqualTo(204);
                JsonNode after = second.get("/v3/users/una/devices", app.bearer()).json().get("data");
                after.forEach(device -> assertThat(device.get("actively_connected").asBoolean())
                        .isEqualTo(!device.get("id").asText().equals(laptop)));
            }
        }
    }

    private static JsonNode evaluate(TestServer server, TestApp app, String token, String session, String ip) {
        Response response = server.post("/v3/evaluate", "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"access\",\"user\":\"una\",\"session\":\""
                + session + "\",\"device\":{\"token\":\"" + token + "\"}}", Map.of("User-Agent", EvaluateApiTest.DESKTOP, "X-Forwarded-For", ip));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
