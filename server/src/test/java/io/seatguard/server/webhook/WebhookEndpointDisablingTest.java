package io.seatguard.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PATCH /v3/webhooks/{id}} {@code {"enabled": …}} (docs/webhooks.md, "Disabled endpoints"): a
 * disabled endpoint gets no new deliveries, its pending ones are failed, it cannot be redelivered to;
 * enabled again, it gets them as before. Its deliveries are written in the event's own transaction, so
 * the log is read at once, without waiting on the sender. The storage contract covers the disabling
 * after five days of failing tries.
 */
class WebhookEndpointDisablingTest {
    private static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @TempDir
    Path dataDir;

    @Test
    void anEndpointDisabledByHandGetsNoDeliveriesUntilItIsEnabledAgain() {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).build())) {
            TestApp app = server.defaultApp();
            // Never routed: its tries fail, which does not matter here.
            Response created = server.post("/v3/webhooks", "{\"url\":\"http://" + TestServer.UNROUTED_PUBLIC_HOST + "/hook\",\"events\":[\"evaluation.created\"]}",
                    app.bearer());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertEnabled(created.json());
            String endpoint = created.json().get("id").asText();
            String path = "/v3/webhooks/" + endpoint;
            evaluate(server, app, "ann");
            assertThat(log(server, app, endpoint)).hasSize(1);

            Response disabled = patch(server, path, "{\"enabled\":false}", app);
            assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
            assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
            assertThat(disabled.json().get("disabled_reason").asText()).isEqualTo("manual");
            assertThat(disabled.json().get("disabled_at").isTextual()).isTrue();
            assertThat(server.get("/v3/webhooks", app.bearer()).json().get("data").get(0).get("enabled").asBoolean()).as("the list").isFalse();
            assertThat(server.get(path, app.bearer()).json().get("disabled_reason").asText()).as("a GET").isEqualTo("manual");

            JsonNode failed = log(server, app, endpoint).get(0);
            assertThat(failed.get("status").asText()).as("nothing stays pending").isEqualTo("failed");
            assertThat(failed.get("last_error").asText()).isEqualTo("endpoint disabled");
            evaluate(server, app, "bob");
            assertThat(log(server, app, endpoint)).as("no delivery for a disabled endpoint").hasSize(1);

            Response refused = server.post(path + "/deliveries/" + failed.get("message_id").asText() + "/redeliver", null, app.bearer());
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).endsWith("endpoint-disabled");
            assertThat(refused.json().get("detail").asText()).contains(endpoint + " is disabled", "by hand", "\"enabled\": true");

            Response enabled = patch(server, path, "{\"enabled\":true}", app);
            assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
            assertEnabled(enabled.json());
            evaluate(server, app, "cid");
            assertThat(log(server, app, endpoint)).as("cid's event reaches it again").hasSize(2);
            assertThat(server.post(path + "/deliveries/" + failed.get("message_id").asText() + "/redeliver", null, app.bearer()).status()).isEqualTo(202);
        }
    }

    @Test
    void badInputIsNamedAndAnotherAppsEndpointIsNotFound() {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).build())) {
            TestApp app = server.defaultApp();
            String endpoint = server.post("/v3/webhooks", "{\"url\":\"http://" + TestServer.UNROUTED_PUBLIC_HOST + "/hook\",\"events\":[\"evaluation.created\"]}",
                    app.bearer()).json().get("id").asText();
            String path = "/v3/webhooks/" + endpoint;
            for (Map.Entry<String, List<String>> bad : Map.of(
                    "{}", List.of("enabled"),
                    "{\"enabled\":null}", List.of("enabled"),
                    "{\"enabled\":\"false\"}", List.of("enabled"),
                    "{\"enabled\":0}", List.of("enabled"),
                    "{\"enabled\":true,\"url\":\"https://example.com/\"}", List.of("url"),
                    "{\"disabled\":true}", List.of("disabled", "enabled")).entrySet()) {
                Response refused = patch(server, path, bad.getKey(), app);
                assertThat(refused.status()).as(bad.getKey()).isEqualTo(400);
                assertThat(refused.contentType()).as(bad.getKey()).startsWith("application/problem+json");
                assertThat(refused.json().get("errors").findValuesAsText("field")).as(bad.getKey()).containsExactlyInAnyOrderElementsOf(bad.getValue());
            }
            assertThat(patch(server, path, "[true]", app).status()).isEqualTo(400);
            assertThat(patch(server, path, "{\"enabled\":", app).status()).isEqualTo(400);
            assertEnabled(server.get(path, app.bearer()).json());

            TestApp other = server.createApp("other");
            Response elsewhere = patch(server, path, "{\"enabled\":false}", other);
            assertThat(elsewhere.status()).isEqualTo(404);
            assertThat(elsewhere.contentType()).startsWith("application/problem+json");
            assertThat(patch(server, "/v3/webhooks/wh_nope", "{\"enabled\":false}", app).status()).isEqualTo(404);
            assertEnabled(server.get(path, app.bearer()).json());
        }
    }

    private static void assertEnabled(JsonNode endpoint) {
        assertThat(endpoint.get("enabled").asBoolean()).as(endpoint.toString()).isTrue();
        for (String field : List.of("disabled_reason", "disabled_at", "failing_since")) {
            assertThat(endpoint.has(field) && endpoint.get(field).isNull()).as(field).isTrue();
        }
    }

    private static Response patch(TestServer server, String path, String body, TestApp app) {
        return server.send("PATCH", path, body, app.bearer());
    }

    private static JsonNode log(TestServer server, TestApp app, String endpoint) {
        Response log = server.get("/v3/webhooks/" + endpoint + "/deliveries", app.bearer());
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        return log.json().get("data");
    }

    private static void evaluate(TestServer server, TestApp app, String user) {
        Response response = TestServer.send(server.url(), "POST", "/v3/evaluate", "{\"action\":\"login\",\"user\":\"" + user + "\",\"ip\":\"198.51.100.7\","
                + "\"user_agent\":\"" + DESKTOP + "\",\"device\":{\"token\":\"tok_" + user + "_laptop_000001\"}}",
                Map.of("Authorization", "Bearer " + app.secretKey(), "Content-Type", "application/json"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
