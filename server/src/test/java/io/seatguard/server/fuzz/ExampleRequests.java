package io.seatguard.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.TestApp;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A valid request of every operation that reads a body or a query, on resources this makes in a test
 * server: {@link HostileInputPropertiesTest} spoils them, {@code ResponseConformanceTest} checks what
 * they are answered. One table, so a new route's example serves both.
 */
public final class ExampleRequests {
    public static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN);

    /** One valid request of an operation: what follows its path, its headers and its body (null: none). */
    public record ExampleRequest(String pathAndQuery, Map<String, String> headers, String body) {}

    /** A list's name is unique in its app: each example list gets a new one, so the example stays valid after a spoilt one was taken. */
    private final AtomicInteger names = new AtomicInteger();
    private final TestApp app;
    /** The app the app routes change (rename, rotate its keys), so the app every other request uses stays usable. */
    private final String targetAppId;
    private final String evaluationId;
    private final String listId;
    private final String policyId;
    private final String webhookId;

    /** Makes, in the server's default app, what the examples name: an evaluation, an IP list, a policy using it and a webhook endpoint. */
    public ExampleRequests(TestServer server) {
        app = server.defaultApp();
        targetAppId = server.createApp("fuzz-target").id();
        evaluationId = created(server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"u1\",\"ip\":\"203.0.113.9\"}", app.bearer()))
                .get("evaluation_id").asText();
        listId = created(server.post("/v3/lists", "{\"name\":\"fuzz_ips\",\"kind\":\"ip\",\"values\":[\"203.0.113.0/24\"]}", app.bearer())).get("id").asText();
        policyId = created(server.post("/v3/policies", policyBody("fuzz"), app.bearer())).get("id").asText();
        webhookId = created(server.post("/v3/webhooks", webhookBody(), app.bearer())).get("id").asText();
    }

    public TestApp app() {
        return app;
    }

    public String evaluationId() {
        return evaluationId;
    }

    public String listId() {
        return listId;
    }

    public String policyId() {
        return policyId;
    }

    public String webhookId() {
        return webhookId;
    }

    private static String policyBody(String name) {
        return "{\"name\":\"" + name + "\",\"actions\":[\"login\"],\"priority\":10,\"conditions\":{\"all\":[{\"check\":\"ip\",\"op\":\"in_list\",\"value\":\"fuzz_ips\"}]},"
                + "\"verdict\":\"deny\"}";
    }

    private static String webhookBody() {
        return "{\"url\":\"https://" + TestServer.UNROUTED_PUBLIC_HOST + "/hook\",\"events\":[\"evaluation.created\"]}";
    }

    private static JsonNode created(TestServer.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }

    /** A valid request per operation, by "METHOD /path" as the document names it. */
    public Map<String, ExampleRequest> examples() {
        Map<String, String> secret = app.bearer();
        Map<String, String> browser = Map.of();
        String session = "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"u1\",\"session\":\"tab-1\",\"device\":{\"token\":\"tok_fuzz_000000001\"}}";
        Map<String, ExampleRequest> examples = new TreeMap<>();
        examples.put("POST /v3/evaluate", new ExampleRequest("/v3/evaluate", secret,
                "{\"action\":\"login\",\"user\":\"u1\",\"email\":\"u1@example.com\",\"ip\":\"203.0.113.9\",\"metadata\":{\"plan\":\"pro\",\"seats\":3},"
                        + "\"device\":{\"token\":\"tok_fuzz_000000001\",\"components\":{\"screen\":\"1920x1080\"},\"timezone\":\"Europe/Paris\"}}"));
        examples.put("POST /v3/sessions/heartbeat", new ExampleRequest("/v3/sessions/heartbeat", browser, session));
        examples.put("POST /v3/sessions/end", new ExampleRequest("/v3/sessions/end", browser, session));
        examples.put("POST /v3/evaluations/{id}/consume", new ExampleRequest("/v3/evaluations/" + evaluationId + "/consume", secret, null));
        examples.put("POST /v3/apps", new ExampleRequest("/v3/apps", ADMIN,
                "{\"name\":\"fuzzed\",\"allowed_origins\":[\"https://shop.example.com\"],\"require_signed_identity\":false}"));
        examples.put("PATCH /v3/apps/{id}", new ExampleRequest("/v3/apps/" + targetAppId, ADMIN,
                "{\"name\":\"fuzz-target\",\"allowed_origins\":[\"https://shop.example.com\"]}"));
        examples.put("POST /v3/apps/{id}/rotate-secret", new ExampleRequest("/v3/apps/" + targetAppId + "/rotate-secret", ADMIN,
                "{\"previous_key_valid_for\":60}"));
        examples.put("POST /v3/apps/{id}/rotate-identity-secret", new ExampleRequest("/v3/apps/" + targetAppId + "/rotate-identity-secret", ADMIN, null));
        examples.put("POST /v3/policies", new ExampleRequest("/v3/policies", secret, policyBody("fuzz-new")));
        examples.put("PUT /v3/policies/{id}", new ExampleRequest("/v3/policies/" + policyId, secret, policyBody("fuzz")));
        examples.put("POST /v3/policies/backtest", new ExampleRequest("/v3/policies/backtest?days=7", secret, policyBody("draft")));
        examples.put("POST /v3/policies/{id}/backtest", new ExampleRequest("/v3/policies/" + policyId + "/backtest?days=7", secret, null));
        examples.put("POST /v3/lists", new ExampleRequest("/v3/lists", secret, "{\"name\":\"fuzz_emails_" + names.incrementAndGet() + "\",\"kind\":\"email\",\"values\":[\"a@example.com\"]}"));
        examples.put("POST /v3/lists/{id}/add", new ExampleRequest("/v3/lists/" + listId + "/add", secret, "{\"values\":[\"198.51.100.7\"]}"));
        examples.put("POST /v3/lists/{id}/remove", new ExampleRequest("/v3/lists/" + listId + "/remove", secret, "{\"values\":[\"198.51.100.7\"]}"));
        examples.put("POST /v3/webhooks", new ExampleRequest("/v3/webhooks", secret, webhookBody()));
        examples.put("POST /v3/webhooks/{id}/rotate-secret", new ExampleRequest("/v3/webhooks/" + webhookId + "/rotate-secret", secret,
                "{\"previous_secret_valid_for\":3600}"));
        examples.put("PATCH /v3/webhooks/{id}", new ExampleRequest("/v3/webhooks/" + webhookId, secret, "{\"enabled\":true}"));
        examples.put("GET /v3/webhooks/{id}/deliveries", new ExampleRequest("/v3/webhooks/" + webhookId + "/deliveries?limit=10&status=failed", secret, null));
        // No delivery exists to send again: its answer is a 404, and what the fuzzing checks is that a body is refused first.
        examples.put("POST /v3/webhooks/{id}/deliveries/{message_id}/redeliver",
                new ExampleRequest("/v3/webhooks/" + webhookId + "/deliveries/msg_0000/redeliver", secret, null));
        examples.put("GET /v3/history", new ExampleRequest("/v3/history?ip=203.0.113.9&limit=10", secret, null));
        examples.put("GET /v3/users/{user}/history", new ExampleRequest("/v3/users/u1/history?limit=10", secret, null));
        examples.put("GET /v3/patterns", new ExampleRequest("/v3/patterns?level=suspicious&format=json&limit=10", secret, null));
        return examples;
    }
}
