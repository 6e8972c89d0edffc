package io.seatguard.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.http.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluation.created} says the mode of the policy its {@code policy_id} names (docs/webhooks.md):
 * when only a monitor policy matched, the verdict stays {@code allow} and {@code policy_id} names that
 * policy, and the message said nothing else, so a receiver acting on the id acted on a policy meant
 * only to be watched.
 */
class WebhookPolicyModeTest {
    private static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @TempDir
    Path dataDir;

    @Test
    void theMessageNamesThePolicysModeBesideItsId() throws Exception {
        try (Receiver receiver = new Receiver(0);
                TestServer server = TestServer.startWith(TestServer.config(dataDir).webhookAllowPrivate(true).build())) {
            TestApp app = server.defaultApp();
            Response endpoint = server.post("/v3/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"evaluation.created\"]}", app.bearer());
            assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
            String watched = createPolicy(server, app, "monitor", "watched");
            String enforced = createPolicy(server, app, "enforce", "blocked");

            String watchedEvaluation = evaluate(server, app, "watched");
            String enforcedEvaluation = evaluate(server, app, "blocked");
            String unmatchedEvaluation = evaluate(server, app, "nobody");

            Map<String, JsonNode> byEvaluation = new HashMap<>();
            for (Receiver.Received received : receiver.await(3, Duration.ofSeconds(20))) {
                JsonNode data = Json.MAPPER.readTree(received.body()).get("data");
                byEvaluation.put(data.get("evaluation_id").asText(), data);
            }
            JsonNode monitorOnly = byEvaluation.get(watchedEvaluation);
            assertThat(monitorOnly.get("verdict").asText()).as("a monitor policy never changes the verdict").isEqualTo("allow");
            assertThat(monitorOnly.get("policy_id").asText()).isEqualTo(watched);
            assertThat(monitorOnly.path("policy_mode").asText()).isEqualTo("monitor");
            JsonNode enforcedMatch = byEvaluation.get(enforcedEvaluation);
            assertThat(enforcedMatch.get("verdict").asText()).isEqualTo("deny");
            assertThat(enforcedMatch.get("policy_id").asText()).isEqualTo(enforced);
            assertThat(enforcedMatch.path("policy_mode").asText()).isEqualTo("enforce");
            JsonNode noMatch = byEvaluation.get(unmatchedEvaluation);
            assertThat(noMatch.has("policy_id")).as("no policy: neither field, as a field without a value is left out").isFalse();
            assertThat(noMatch.has("policy_mode")).isFalse();
        }
    }

    private static String createPolicy(TestServer server, TestApp app, String mode, String user) {
        Response created = server.post("/v3/policies", "{\"name\":\"" + mode + " " + user + "\",\"mode\":\"" + mode + "\",\"actions\":[\"login\"],"
                + "\"conditions\":{\"check\":\"user\",\"op\":\"eq\",\"value\":\"" + user + "\"},\"verdict\":\"deny\"}",
                Map.of("Authorization", "Bearer " + app.secretKey(), "Content-Type", "application/json"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String evaluate(TestServer server, TestApp app, String user) {
        Response response = TestServer.send(server.url(), "POST", "/v3/evaluate", "{\"action\":\"login\",\"user\":\"" + user + "\",\"ip\":\"198.51.100.7\","
                + "\"user_agent\":\"" + DESKTOP + "\",\"device\":{\"token\":\"tok_" + user + "_laptop_000001\"}}",
                Map.of("Authorization", "Bearer " + app.secretKey(), "Content-Type", "application/json"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("evaluation_id").asText();
    }
}
