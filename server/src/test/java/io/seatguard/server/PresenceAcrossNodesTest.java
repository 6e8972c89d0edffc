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
 * Two server processes on one PostgreSQL and one Redis (the real servers on the machine): a session kept
 * live on one node is seen by the other, in {@code concurrent_sessions} and {@code actively_connected}.
 * The first node runs in this JVM, the second in a process of its own.
 */
class PresenceAcrossNodesTest {
    @TempDir
    Path dataDir;

    @Test
    void aSessionLiveOnOneNodeIsConcurrentWithAnotherOnTheOtherNode() throws Exception {
        RedisTestServer.require();
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            ServerConfig config = TestServer.config(dataDir).databaseUrl(database.url()).redisUrl(RedisTestServer.URL).build();
            try (TestServer first = TestServer.startWith(config);
                    ServerProcess second = ServerProcess.start(dataDir.resolve("second-node"), "--database-url", database.url(), "--redis-url",
                            RedisTestServer.URL, "--admin-token", TestServer.ADMIN_TOKEN, "--geoip-db", "off", "--asn-db", "off")) {
                TestApp app = first.defaultApp();
                String laptop = evaluate(first.url(), app, "tok_una_laptop_0000001", "tab-a", "198.51.100.20").get("device_id").asText();
                // The second process never saw this account: presence in Redis tells it about the first one's session.
                JsonNode other = evaluate(second.url(), app, "tok_una_desktop_000001", "tab-b", "203.0.113.40");
                JsonNode evaluation = second.send("GET", "/v3/evaluations/" + other.get("evaluation_id").asText(), null, app.bearer()).json();
                assertThat(evaluation.get("checks").get("concurrent_sessions").asBoolean()).isTrue();
                assertThat(evaluation.get("risk").get("score").asInt()).isGreaterThanOrEqualTo(40);
                assertThat(evaluation.get("risk").get("signals").findValuesAsText("name")).contains("concurrent_sessions");
                assertThat(evaluation.get("risk").get("risks").get(0).get("category").asText()).isEqualTo("account_sharing");

                JsonNode devices = second.send("GET", "/v3/users/una/devices", null, app.bearer()).json().get("data");
                assertThat(devices).hasSize(2);
                devices.forEach(device -> assertThat(device.get("actively_connected").asBoolean()).as(device.toString()).isTrue());

                // Signing out on the first node ends the session everywhere at once.
                Response end = first.post("/v3/sessions/end", "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"una\",\"session\":\"tab-a\"}", Map.of());
                assertThat(end.status()).isEqualTo(204);
                JsonNode after = second.send("GET", "/v3/users/una/devices", null, app.bearer()).json().get("data");
                after.forEach(device -> assertThat(device.get("actively_connected").asBoolean())
                        .isEqualTo(!device.get("id").asText().equals(laptop)));
            }
        }
    }

    private static JsonNode evaluate(String node, TestApp app, String token, String session, String ip) {
        Response response = TestServer.send(node, "POST", "/v3/evaluate", "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"access\",\"user\":\"una\","
                + "\"session\":\"" + session + "\",\"device\":{\"token\":\"" + token + "\"}}",
                Map.of("User-Agent", EvaluateApiTest.DESKTOP, "X-Forwarded-For", ip, "Content-Type", "application/json"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
