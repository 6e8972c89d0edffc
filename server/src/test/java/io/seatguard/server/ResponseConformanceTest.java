package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.fuzz.ExampleRequests;
import io.seatguard.server.fuzz.ExampleRequests.ExampleRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every documented operation, called with a valid request that succeeds and with the common failures (no
 * credentials, an unknown id, a malformed request), answers as the served OpenAPI document says: a
 * documented status, a documented media type, and a JSON body the documented schema accepts
 * ({@link DocumentedResponses}). An operation this test does not call successfully fails it, so a new route
 * is checked as soon as it is documented.
 *
 * <p>The valid requests are {@link ExampleRequests}' (shared with the hostile-input properties), plus the
 * reads and deletes that take no input, made here.
 */
class ResponseConformanceTest {
    /** An expected status that is any: the answer is only checked against the document. */
    private static final int ANY = -1;
    /** An expected status that is any success: the caller checks it is one. */
    private static final int SUCCESS = 0;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[a-z_]+}");

    @TempDir
    Path dataDir;

    private TestServer server;
    private DocumentedResponses documented;
    /** Each once, in the order found: the delivery log is read until a delivery is in it. */
    private final Set<String> mismatches = new LinkedHashSet<>();
    /** The statuses each operation was answered with. */
    private final Map<String, Set<Integer>> answered = new TreeMap<>();

    @Test
    void everyOperationAnswersAsDocumented() throws InterruptedException {
        try (TestServer started = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            server = started;
            documented = new DocumentedResponses(server.get("/v3/openapi.json", Map.of()).body());
            ExampleRequests requests = new ExampleRequests(server);
            TestApp app = requests.app();
            Map<String, String> secret = app.bearer();

            Map<String, ExampleRequest> examples = requests.examples();
            // The example's message does not exist (the fuzzing wants a body refused before the lookup); a real one is redelivered below.
            ExampleRequest missingDelivery = examples.remove("POST /v3/webhooks/{id}/deliveries/{message_id}/redeliver");
            examples.forEach((operation, example) -> succeeds(operation, example.pathAndQuery(), example.headers(), example.body()));

            String webhook = requests.webhookId();
            String evaluation = requests.evaluationId();
            // A challenge, a device to log out and an account to erase, each of an account of its own.
            succeeds("POST /v3/policies", "/v3/policies", secret, """
                    {"name": "Verify kai", "actions": ["login"], "conditions": {"check": "user", "op": "eq", "value": "kai"},
                     "verdict": "challenge", "challenge": {"type": "verification", "channels": ["email"], "success_url": "https://app.example/ok"}}""");
            JsonNode challenged = succeeds("POST /v3/evaluate", "/v3/evaluate", secret,
                    "{\"action\":\"login\",\"user\":\"kai\",\"email\":\"kai@example.com\",\"ip\":\"198.51.100.4\",\"device\":{\"token\":\"tok_kai_laptop_00001\"}}");
            String challenge = challenged.path("redirect").asText().replaceAll(".*/", "");
            JsonNode ofAna = succeeds("POST /v3/evaluate", "/v3/evaluate", secret,
                    "{\"action\":\"login\",\"user\":\"ana\",\"ip\":\"198.51.100.5\",\"device\":{\"token\":\"tok_ana_laptop_00001\"}}");
            String device = ofAna.path("device_id").asText();
            succeeds("POST /v3/evaluate", "/v3/evaluate", secret, "{\"action\":\"signup\",\"user\":\"zoe\",\"ip\":\"198.51.100.6\"}");

            // The browser routes' CORS preflights, from an origin the app allows.
            String origin = succeeds("GET /v3/apps/{id}", "/v3/apps/" + app.id(), ExampleRequests.ADMIN, null).path("allowed_origins").path(0).asText();
            for (String path : List.of("/v3/evaluate", "/v3/sessions/heartbeat", "/v3/sessions/end")) {
                succeeds("OPTIONS " + path, path, Map.of("Origin", origin, "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "content-type"), null);
                answers("OPTIONS " + path, 403, "OPTIONS", path, Map.of("Origin", "https://not-allowed.example", "Access-Control-Request-Method", "POST"), null);
            }

            // Browser mode answers the page, not the server: its own shape.
            succeeds("POST /v3/evaluate", "/v3/evaluate", Map.of("Origin", origin), "{\"client_id\":\"" + app.clientId()
                    + "\",\"action\":\"login\",\"user\":\"u1\",\"device\":{\"token\":\"tok_fuzz_000000001\",\"components\":{\"screen\":\"1920x1080\"}}}");
            succeeds("GET /v3/evaluations/{id}", "/v3/evaluations/" + challenged.path("evaluation_id").asText(), secret, null);
            answers("POST /v3/evaluations/{id}/consume", 409, "POST", "/v3/evaluations/" + evaluation + "/consume", secret, null);
            answers("DELETE /v3/lists/{id}", 409, "DELETE", "/v3/lists/" + requests.listId(), secret, null);
            answers("POST /v3/lists", 409, "POST", "/v3/lists", secret, "{\"name\":\"fuzz_ips\",\"kind\":\"ip\",\"values\":[]}");

            // An account on five devices, flagged many_devices: its summary, devices, history and the patterns list have something in them.
            for (int i = 1; i <= 5; i++) {
                succeeds("POST /v3/evaluate", "/v3/evaluate", secret, "{\"action\":\"login\",\"user\":\"max\",\"ip\":\"198.51.100." + (10 + i)
                        + "\",\"session\":\"s" + i + "\",\"device\":{\"token\":\"tok_max_device_0000" + i + "\",\"components\":{\"screen\":\"" + (1000 + i)
                        + "x800\",\"gpu\":\"gpu " + i + "\"},\"timezone\":\"Europe/Paris\"}}");
            }
            succeeds("GET /v3/patterns", "/v3/patterns", secret, null);
            succeeds("GET /v3/users/{user}", "/v3/users/max", secret, null);
            succeeds("GET /v3/users/{user}/devices", "/v3/users/max/devices", secret, null);
            JsonNode maxHistory = succeeds("GET /v3/users/{user}/history", "/v3/users/max/history?limit=2", secret, null);
            succeeds("GET /v3/users/{user}/history", "/v3/users/max/history?limit=2&cursor=" + maxHistory.path("next_cursor").asText(), secret, null);
            succeeds("GET /v3/history", "/v3/history?device_id=" + ofAna.path("device_id").asText(), secret, null);
            // Past its device limit, the account's next page view gets the device-limit challenge: a challenge of the other type.
            succeeds("POST /v3/policies", "/v3/policies", secret, "{\"name\":\"device limit\",\"actions\":[\"access\"],\"mode\":\"enforce\","
                    + "\"conditions\":{\"check\":\"device_count\",\"op\":\"gt\",\"value\":3},\"verdict\":\"challenge\",\"challenge\":{\"type\":\"device_limit\","
                    + "\"device_limit\":3,\"logout_url\":\"https://app.example/out\",\"expires_in_seconds\":600}}");
            JsonNode limited = succeeds("POST /v3/evaluate", "/v3/evaluate", secret,
                    "{\"action\":\"access\",\"user\":\"max\",\"ip\":\"198.51.100.11\",\"session\":\"s1\",\"device\":{\"token\":\"tok_max_device_00001\"}}");
            succeeds("GET /v3/challenges/{id}", "/v3/challenges/" + limited.path("redirect").asText().replaceAll(".*/", ""), secret, null);
            succeeds("GET /v3/evaluations/{id}", "/v3/evaluations/" + limited.path("evaluation_id").asText(), secret, null);

            succeeds("GET /v3/sdk.classic.js", "/v3/sdk.classic.js", Map.of(), null);
            succeeds("GET /v3/openapi.json", "/v3/openapi.json", Map.of(), null);
            succeeds("GET /healthz", "/healthz", Map.of(), null);
            succeeds("GET /readyz", "/readyz", Map.of(), null);
            succeeds("GET /metrics", "/metrics", Map.of(), null);
            succeeds("GET /v3/evaluations/{id}", "/v3/evaluations/" + evaluation, secret, null);
            succeeds("GET /v3/challenges/{id}", "/v3/challenges/" + challenge, secret, null);
            succeeds("GET /v3/apps", "/v3/apps", ExampleRequests.ADMIN, null);
            succeeds("GET /v3/apps/{id}", "/v3/apps/" + app.id(), ExampleRequests.ADMIN, null);
            succeeds("GET /v3/users/{user}", "/v3/users/ana", secret, null);
            succeeds("GET /v3/users/{user}/devices", "/v3/users/ana/devices", secret, null);
            succeeds("DELETE /v3/users/{user}/devices/{device_id}", "/v3/users/ana/devices/" + device, secret, null);
            succeeds("DELETE /v3/users/{user}", "/v3/users/zoe", secret, null);
            // The logged-out device's next page view and heartbeat are told to log out.
            succeeds("POST /v3/evaluate", "/v3/evaluate", secret,
                    "{\"action\":\"access\",\"user\":\"ana\",\"ip\":\"198.51.100.5\",\"device\":{\"token\":\"tok_ana_laptop_00001\"}}");
            succeeds("POST /v3/sessions/heartbeat", "/v3/sessions/heartbeat", Map.of(),
                    "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"ana\",\"session\":\"tab-9\",\"device\":{\"token\":\"tok_ana_laptop_00001\"}}");
            succeeds("GET /v3/patterns", "/v3/patterns?format=csv", secret, null);

            succeeds("GET /v3/policies", "/v3/policies", secret, null);
            succeeds("GET /v3/policies/{id}", "/v3/policies/" + requests.policyId(), secret, null);
            String policy = succeeds("POST /v3/policies", "/v3/policies", secret,
                    "{\"name\":\"to delete\",\"actions\":[\"signup\"],\"conditions\":{\"check\":\"user\",\"op\":\"eq\",\"value\":\"nobody\"},\"verdict\":\"deny\"}")
                    .path("id").asText();
            succeeds("DELETE /v3/policies/{id}", "/v3/policies/" + policy, secret, null);

            succeeds("GET /v3/lists", "/v3/lists", secret, null);
            succeeds("GET /v3/lists/{id}", "/v3/lists/" + requests.listId(), secret, null);
            String list = succeeds("POST /v3/lists", "/v3/lists", secret, "{\"name\":\"to_delete\",\"kind\":\"ip\",\"values\":[]}").path("id").asText();
            succeeds("DELETE /v3/lists/{id}", "/v3/lists/" + list, secret, null);

            succeeds("GET /v3/webhooks", "/v3/webhooks", secret, null);
            succeeds("GET /v3/webhooks/{id}", "/v3/webhooks/" + webhook, secret, null);
            String message = firstDelivery(secret, webhook);
            succeeds("GET /v3/webhooks/{id}/deliveries/{message_id}", "/v3/webhooks/" + webhook + "/deliveries/" + message, secret, null);
            succeeds("POST /v3/webhooks/{id}/deliveries/{message_id}/redeliver", "/v3/webhooks/" + webhook + "/deliveries/" + message + "/redeliver",
                    secret, null);
            String doomed = succeeds("POST /v3/webhooks", "/v3/webhooks", secret,
                    "{\"url\":\"https://" + TestServer.UNROUTED_PUBLIC_HOST + "/gone\",\"events\":[\"evaluation.created\"]}").path("id").asText();
            succeeds("PATCH /v3/webhooks/{id}", "/v3/webhooks/" + doomed, secret, "{\"enabled\":false}");
            succeeds("GET /v3/webhooks/{id}", "/v3/webhooks/" + doomed, secret, null);
            answers("POST /v3/webhooks/{id}/deliveries/{message_id}/redeliver", 409, "POST", "/v3/webhooks/" + doomed + "/deliveries/" + message + "/redeliver",
                    secret, null);
            succeeds("DELETE /v3/webhooks/{id}", "/v3/webhooks/" + doomed, secret, null);

            answers("POST /v3/evaluate", 401, "POST", "/v3/evaluate", Map.of("Authorization", "Bearer sk_not_a_key"), examples.get("POST /v3/evaluate").body());
            answers("POST /v3/evaluate", 403, "POST", "/v3/evaluate", Map.of("Origin", "https://not-allowed.example"),
                    "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"login\",\"user\":\"u1\",\"device\":{\"token\":\"tok_fuzz_000000001\"}}");
            // A client id of the right shape that no app has.
            String unknownClientId = "pk_" + "0".repeat(app.clientId().length() - 3);
            answers("POST /v3/sessions/heartbeat", 401, "POST", "/v3/sessions/heartbeat", Map.of(),
                    "{\"client_id\":\"" + unknownClientId + "\",\"user\":\"u1\",\"session\":\"tab-1\",\"device\":{\"token\":\"tok_fuzz_000000001\"}}");
            Response script = answers("GET /v3/sdk.js", SUCCESS, "GET", "/v3/sdk.js", Map.of(), null);
            script.header("ETag").ifPresent(etag -> answers("GET /v3/sdk.js", 304, "GET", "/v3/sdk.js", Map.of("If-None-Match", etag), null));

            Map<String, ExampleRequest> withInput = requests.examples();
            withInput.put("POST /v3/webhooks/{id}/deliveries/{message_id}/redeliver", missingDelivery);
            commonFailures(withInput, secret);
            answers("GET /v3/evaluations/{id}", 404, "GET", "/v3/evaluations/ev_0000", secret, null);
        }

        Set<String> notSucceeded = new TreeSet<>(documented.operations());
        answered.forEach((operation, statuses) -> {
            if (statuses.stream().anyMatch(status -> status / 100 == 2)) {
                notSucceeded.remove(operation);
            }
        });
        assertSoftly(softly -> {
            softly.assertThat(notSucceeded).as("documented operations this test never called with a request that succeeds (add one); statuses answered: " + answered).isEmpty();
            softly.assertThat(mismatches).as("answers that are not as the OpenAPI document says").isEmpty();
        });
    }

    /**
     * The common failures, of every operation they apply to: no key and a wrong one, an unknown id, and,
     * for an operation that reads input, an unknown query parameter, a body that is no object, one sent as
     * text and one too large.
     */
    private void commonFailures(Map<String, ExampleRequest> withInput, Map<String, String> secret) {
        for (String operation : documented.operations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            String unknownIds = PATH_PARAMETER.matcher(template).replaceAll("nope_0000");
            ExampleRequest example = withInput.get(operation);
            String validBody = example == null ? null : example.body();
            if (documented.needsCredentials(operation)) {
                answers(operation, 401, method, unknownIds, Map.of(), validBody);
                answers(operation, 401, method, unknownIds, Map.of("Authorization", "Bearer sk_not_a_key"), validBody);
                if (!unknownIds.equals(template)) {
                    Map<String, String> credentials = template.startsWith("/v3/apps") ? ExampleRequests.ADMIN : secret;
                    // An unknown account is no error where it is only an account without history yet.
                    answers(operation, template.startsWith("/v3/users/") ? ANY : 404, method, unknownIds, credentials, validBody);
                }
            }
            if (example != null) {
                String query = example.pathAndQuery().contains("?") ? "&" : "?";
                answers(operation, 400, method, example.pathAndQuery() + query + "unknown_parameter=1", example.headers(), example.body());
                if (example.body() != null || !method.equals("GET")) {
                    answers(operation, 400, method, example.pathAndQuery(), example.headers(), "[]");
                }
                if (example.body() != null) {
                    Map<String, String> asText = new HashMap<>(example.headers());
                    asText.put("Content-Type", "text/plain");
                    answers(operation, 415, method, example.pathAndQuery(), asText, example.body());
                    answers(operation, 413, method, example.pathAndQuery(), example.headers(), "{\"name\":\"" + "a".repeat(70 * 1024) + "\"}");
                }
            }
        }
    }

    /** Sends a valid request, checks its answer, and returns its JSON body (a missing node for none or another type). */
    private JsonNode succeeds(String operation, String pathAndQuery, Map<String, String> headers, String body) {
        Response answer = answers(operation, SUCCESS, operation.substring(0, operation.indexOf(' ')), pathAndQuery, headers, body);
        if (answer.status() / 100 != 2) {
            mismatches.add(operation + " (" + pathAndQuery + ") → " + answer.status() + ": a valid request, refused: " + abbreviated(answer.body()));
        }
        return answer.contentType().startsWith("application/json") && !answer.body().isEmpty() ? answer.json() : MissingNode.getInstance();
    }

    /**
     * Sends a request and records what is wrong with its answer; {@code expected} is the status it must have
     * ({@link #SUCCESS}: any 2xx, checked by the caller; {@link #ANY}: any).
     */
    private Response answers(String operation, int expected, String method, String pathAndQuery, Map<String, String> headers, String body) {
        Response answer = server.send(method, pathAndQuery, body, headers);
        answered.computeIfAbsent(operation, o -> new TreeSet<>()).add(answer.status());
        String what = operation + " (" + method + " " + pathAndQuery + ") → " + answer.status();
        if (expected != SUCCESS && expected != ANY && answer.status() != expected) {
            mismatches.add(what + ": expected " + expected + ", " + abbreviated(answer.body()));
        }
        documented.mismatches(operation, answer).forEach(mismatch -> mismatches.add(what + ": " + mismatch));
        return answer;
    }

    /**
     * The id of a message the endpoint has: the examples' evaluations enqueued some for it. The dispatcher
     * writes them out of the request, so this reads the log until one is there.
     */
    private String firstDelivery(Map<String, String> secret, String webhook) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            Response log = answers("GET /v3/webhooks/{id}/deliveries", SUCCESS, "GET", "/v3/webhooks/" + webhook + "/deliveries", secret, null);
            JsonNode deliveries = log.json().path("data");
            if (!deliveries.isEmpty()) {
                return deliveries.get(0).get("message_id").asText();
            }
            assertThat(Instant.now()).as("a delivery of webhook " + webhook + " in its log").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
