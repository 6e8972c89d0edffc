package io.seatguard.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends every operation of the served OpenAPI document a few dozen malformed requests: plausible bodies
 * with fields swapped for hostile values, bodies that are not JSON, odd path segments and query values,
 * wrong credentials, another tenant's ids. Whatever arrives, the answer must be below 500, every 4xx must
 * be a well-formed problem document (an {@code invalid-input} one naming its fields), another app's
 * resource must never answer 2xx, and another app's stored data must be unchanged afterwards.
 *
 * <p>Hand-written tables ({@code BadInputTest}) pin the exact answer to known cases; this finds the cases
 * nobody wrote down. The seed is fixed so CI is repeatable; {@code -Dseatguard.fuzz.seed=N} explores others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest {
    private static final long SEED = Long.getLong("seatguard.fuzz.seed", 20_261_130L);
    private static final int CASES_PER_OPERATION = Integer.getInteger("seatguard.fuzz.cases", 60);
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-z_]+)}");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Path segments, already percent-encoded where they need to be. */
    private static final List<String> HOSTILE_SEGMENTS = List.of("x", "a".repeat(3_000), "%00", "%FF", "%2e%2e", "null", "-1", "ev_0000",
            "%F0%9F%98%80", "%20", "%25", "%2F", "u%0A1", "1e999");
    private static final List<String> HOSTILE_QUERY_VALUES = List.of("", "0", "-1", "1", "10", "2147483648", "1e3", "abc", "a".repeat(3_000),
            "%FF", "null", "%00", "2026-01-01T00:00:00Z", "203.0.113.5", "%3A%3A1%2F200", "99999999999999999999");
    private static final List<String> ODD_CONTENT_TYPES = List.of("text/plain", "application/json; charset=utf-16", "",
            "application/x-www-form-urlencoded", "application/json;;");
    private static final List<String> GARBAGE_AUTHORIZATIONS = List.of("Bearer ", "Basic abc", "Bearer " + "A".repeat(5_000), "Bearer sk_nope",
            "Bearer pk_nope", "Token x");

    private TestServer server;
    private TestApp app;
    private TestApp other;
    /** A third app whose key the fuzzer sends as "the wrong app's key"; the other app's key is never sent. */
    private TestApp stranger;
    /** Ids of each kind of resource, ours and another app's, by the path prefix that takes them. */
    private final Map<String, String> ours = new HashMap<>();
    private final Map<String, String> theirs = new HashMap<>();
    private final Map<String, String> theirStateBefore = new TreeMap<>();
    private String allowedOrigin;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        server = TestServer.start(TestServer.Store.SQLITE, dataDir);
        app = server.defaultApp();
        other = server.createApp("other");
        stranger = server.createApp("stranger");
        createResources(app, ours);
        createResources(other, theirs);
        ours.put("/v3/apps/", server.createApp("fuzz-target").id());
        theirStateBefore.putAll(stateOf(other, theirs));
        allowedOrigin = server.get("/v3/apps/" + app.id(), Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)).json()
                .get("allowed_origins").get(0).asText();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private void createResources(TestApp owner, Map<String, String> ids) {
        JsonNode evaluation = ok(server.post("/v3/evaluate", """
                {"action":"login","user":"u1","email":"u1@example.com","ip":"203.0.113.9",
                 "device":{"token":"tok-%s","components":{"gpu":"fuzz gpu","screen":"1920x1080","timezone":"Europe/Paris"}}}"""
                .formatted(owner.id()), owner.bearer()));
        ids.put("/v3/evaluations/", evaluation.get("evaluation_id").asText());
        ids.put("device_id", evaluation.path("device").path("id").asText());
        String listName = "fuzz_" + owner.id().substring(owner.id().length() - 6);
        ids.put("/v3/lists/", ok(server.post("/v3/lists", "{\"name\":\"" + listName + "\",\"kind\":\"ip\",\"values\":[\"203.0.113.0/24\"]}",
                owner.bearer())).get("id").asText());
        ids.put("/v3/policies/", ok(server.post("/v3/policies", """
                {"name":"fuzz","actions":["login"],"conditions":{"all":[{"check":"ip","op":"in_list","value":"%s"}]},"verdict":"deny"}"""
                .formatted(listName), owner.bearer())).get("id").asText());
        ids.put("/v3/webhooks/", ok(server.post("/v3/webhooks", "{\"url\":\"https://" + TestServer.UNROUTED_PUBLIC_HOST + "/hook\",\"events\":[\"evaluation.created\"]}",
                owner.bearer())).get("id").asText());
    }

    private static JsonNode ok(TestServer.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }

    /** Everything a GET shows of an app's resources, to compare before and after the fuzzing. */
    private Map<String, String> stateOf(TestApp owner, Map<String, String> ids) {
        Map<String, String> state = new TreeMap<>();
        for (String path : List.of("/v3/evaluations/" + ids.get("/v3/evaluations/"), "/v3/policies/" + ids.get("/v3/policies/"),
                "/v3/lists/" + ids.get("/v3/lists/"), "/v3/webhooks/" + ids.get("/v3/webhooks/"), "/v3/users/u1/devices", "/v3/users/u1",
                "/v3/policies", "/v3/lists", "/v3/webhooks")) {
            TestServer.Response response = server.get(path, owner.bearer());
            state.put(path, response.status() + " " + withoutVolatileFields(response.body()));
        }
        return state;
    }

    /** Presence and "seen ago" fields move with the clock, not with what the fuzzer did. */
    private static String withoutVolatileFields(String body) {
        return body.replaceAll("\"(actively_connected|last_active_at|active_sessions)\":[^,}]*", "");
    }

    @Test
    void everyOperationAnswersMalformedRequestsWithAProblemAndNeverA5xx() throws IOException {
        JsonNode document = Json.MAPPER.readTree(server.get("/v3/openapi.json", Map.of()).body());
        Random random = new Random(SEED);
        SchemaValues values = new SchemaValues(document, random);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> authorizedAnswers = new TreeMap<>();
        int sent = 0;
        String previous = "";
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (operation.getKey().equals("parameters")) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                authorizedAnswers.put(name, 0);
                for (int i = 0; i < CASES_PER_OPERATION; i++) {
                    FuzzRequest request = build(path.getKey(), operation.getKey().toUpperCase(), operation.getValue(), values, random);
                    Answer answer = send(request);
                    sent++;
                    String before = previous;
                    check(name, request, answer).map(failure -> answer.status() < 0 ? failure + " | previous: " + before : failure).ifPresent(failures::add);
                    previous = request.describe() + " → " + answer.status();
                    if (answer.status() != 401 && answer.status() != 403) {
                        authorizedAnswers.merge(name, 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(1_000);
        // Every failure, in full, for whoever has to fix them (the assertion shows the first ones only).
        Files.write(Path.of("target", "api-fuzz-failures.txt"), failures);
        Map<String, Long> kinds = new TreeMap<>();
        failures.forEach(failure -> kinds.merge(failure.substring(0, failure.indexOf(" ← ")).replaceAll("\\{[a-z_]+}", "{}"), 1L, Long::sum));
        assertThat(failures.subList(0, Math.min(failures.size(), 30))).as("seed %d: %d of %d requests answered wrongly, by kind %s; the first ones",
                SEED, failures.size(), sent, kinds).isEmpty();
        // The fuzzer must get past authentication, or it tested nothing behind it.
        assertThat(authorizedAnswers).allSatisfy((operation, count) -> assertThat(count).as(operation).isGreaterThan(CASES_PER_OPERATION / 3));
        assertThat(stateOf(other, theirs)).as("another app's data after the fuzzing").isEqualTo(theirStateBefore);
        assertThat(server.get("/readyz", Map.of()).status()).isEqualTo(200);
    }

    /** One request, and what it used that the checks need to know. */
    private record FuzzRequest(String method, String uri, Map<String, String> headers, byte[] body, boolean theirId) {
        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            String shortUri = uri.length() > 200 ? uri.substring(0, 200) + "…" : uri;
            return method + " " + shortUri + " " + headers.keySet() + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    private record Answer(int status, String contentType, String body) {}

    private FuzzRequest build(String template, String method, JsonNode operation, SchemaValues values, Random random) {
        boolean theirId = false;
        StringBuilder path = new StringBuilder();
        Matcher parameter = PATH_PARAMETER.matcher(template);
        int end = 0;
        while (parameter.find()) {
            path.append(template, end, parameter.start());
            String key = parameter.group(1).equals("id") ? template.substring(0, template.indexOf('{')) : parameter.group(1);
            double pick = random.nextDouble();
            if (key.equals("user")) {
                path.append(pick < 0.5 ? "u1" : pick(HOSTILE_SEGMENTS, random));
            }
            else if (pick < 0.3 && ours.containsKey(key)) {
                path.append(ours.get(key));
            }
            else if (pick < 0.45 && theirs.containsKey(key)) {
                path.append(theirs.get(key));
                theirId = true;
            }
            else {
                path.append(pick(HOSTILE_SEGMENTS, random));
            }
            end = parameter.end();
        }
        path.append(template.substring(end));
        List<String> query = new ArrayList<>();
        for (JsonNode declared : operation.path("parameters")) {
            if (declared.path("in").asText().equals("query") && random.nextBoolean()) {
                String value = declared.path("name").asText().equals("device_id") && random.nextBoolean()
                        ? ours.get("device_id") : pick(HOSTILE_QUERY_VALUES, random);
                query.add(declared.path("name").asText() + "=" + value);
                if (random.nextDouble() < 0.1) {
                    query.add(declared.path("name").asText() + "=" + pick(HOSTILE_QUERY_VALUES, random));
                }
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        authorize(operation, headers, random);
        byte[] body = null;
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (!bodySchema.isMissingNode()) {
            body = body(values, bodySchema, !headers.containsKey("Authorization"), random);
            headers.put("Content-Type", random.nextDouble() < 0.85 ? "application/json" : pick(ODD_CONTENT_TYPES, random));
        }
        boolean takesOrigin = operation.path("parameters").findValuesAsText("name").contains("Origin");
        if (takesOrigin && random.nextDouble() < 0.6) {
            headers.put("Origin", allowedOrigin);
            headers.put("Access-Control-Request-Method", pick(List.of("POST", "GET", "DELETE", "bogus"), random));
        }
        else if (random.nextDouble() < 0.1) {
            headers.put("Origin", pick(List.of("null", "http://evil.example", "http://" + "a".repeat(3_000) + ".example"), random));
        }
        if (random.nextDouble() < 0.1) {
            headers.put("X-Forwarded-For", pick(List.of("1.2.3.4, garbage", "::1", "a".repeat(3_000), ",,,", "999.1.1.1"), random));
        }
        if (random.nextDouble() < 0.1) {
            headers.put("User-Agent", pick(List.of("a".repeat(6_000), "", "Mozilla/5.0 (" + "(".repeat(500)), random));
        }
        String uri = server.url() + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        return new FuzzRequest(method, uri, headers, body, theirId);
    }

    /** Sets credentials as the operation wants them: mostly right, sometimes another app's or garbage. */
    private void authorize(JsonNode operation, Map<String, String> headers, Random random) {
        String schemes = operation.path("security").toString();
        boolean optional = schemes.contains("{}");
        double pick = random.nextDouble();
        if (schemes.contains("adminToken")) {
            headers.put("Authorization", pick < 0.8 ? "Bearer " + TestServer.ADMIN_TOKEN : pick(GARBAGE_AUTHORIZATIONS, random));
            return;
        }
        if (!schemes.contains("secretKey") || optional && pick < 0.5) {
            return;
        }
        if (pick < 0.8 || optional && pick < 0.9) {
            headers.put("Authorization", "Bearer " + app.secretKey());
            return;
        }
        headers.put("Authorization", pick < 0.85 ? "Bearer " + stranger.secretKey() : pick(GARBAGE_AUTHORIZATIONS, random));
    }

    private byte[] body(SchemaValues values, JsonNode schema, boolean browserMode, Random random) {
        double pick = random.nextDouble();
        if (pick < 0.15) {
            return pick(SchemaValues.rawBodies(), random);
        }
        JsonNode body = values.plausible(schema).deepCopy();
        if (browserMode && body instanceof ObjectNode object && random.nextDouble() < 0.8) {
            object.put("client_id", app.clientId());
        }
        if (pick >= 0.3) {
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                body = mutate(body, random);
            }
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces, removes or adds one node somewhere in the body. */
    private static JsonNode mutate(JsonNode body, Random random) {
        List<String> pointers = new ArrayList<>();
        collectPointers(body, "", pointers);
        if (pointers.isEmpty() || random.nextDouble() < 0.05) {
            return pick(SchemaValues.hostile(), random);
        }
        String pointer = pick(pointers, random);
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = body.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        double pick = random.nextDouble();
        if (parent instanceof ObjectNode object) {
            if (pick < 0.1) {
                object.remove(last);
            }
            else if (pick < 0.2) {
                object.set("unknown_" + random.nextInt(100), pick(SchemaValues.hostile(), random));
            }
            else {
                object.set(last, pick(SchemaValues.hostile(), random));
            }
        }
        else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), pick(SchemaValues.hostile(), random));
        }
        return body;
    }

    private static void collectPointers(JsonNode node, String at, List<String> pointers) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(field -> {
                String pointer = at + "/" + field.replace("~", "~0").replace("/", "~1");
                pointers.add(pointer);
                collectPointers(object.get(field), pointer, pointers);
            });
        }
        else if (node instanceof ArrayNode array) {
            for (int i = 0; i < Math.min(array.size(), 5); i++) {
                pointers.add(at + "/" + i);
                collectPointers(array.get(i), at + "/" + i, pointers);
            }
        }
    }

    private static Answer send(FuzzRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.uri())).timeout(Duration.ofSeconds(30));
        request.headers().forEach(builder::header);
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        }
        catch (IOException e) {
            return new Answer(-1, "", "connection failed: " + e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What is wrong with an answer, if anything. */
    private static Optional<String> check(String operation, FuzzRequest request, Answer answer) {
        String where = operation + " → " + answer.status() + " " + answer.contentType().replaceAll(";.*", "") + " ← " + request.describe() + " → "
                + (answer.body().length() > 300 ? answer.body().substring(0, 300) + "…" : answer.body());
        if (answer.status() < 100 || answer.status() >= 500) {
            return Optional.of("server error: " + where);
        }
        if (request.theirId() && answer.status() < 300) {
            return Optional.of("another app's resource answered: " + where);
        }
        if (answer.status() < 400) {
            return Optional.empty();
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return Optional.of("not problem+json: " + where);
        }
        JsonNode problem;
        try {
            problem = Json.MAPPER.readTree(answer.body());
        }
        catch (IOException e) {
            return Optional.of("problem is not JSON: " + where);
        }
        if (problem.path("status").asInt() != answer.status() || problem.path("title").asText().isBlank() || !problem.path("errors").isArray()) {
            return Optional.of("malformed problem: " + where);
        }
        if (problem.path("type").asText().endsWith("/invalid-input")) {
            boolean named = problem.get("errors").size() > 0;
            for (JsonNode error : problem.get("errors")) {
                // An empty key is a field too ({"": 1}), so the name must be there, not necessarily non-empty.
                named &= error.path("field").isTextual() && !error.path("message").asText().isBlank();
            }
            if (!named) {
                return Optional.of("invalid input without a named field: " + where);
            }
        }
        return Optional.empty();
    }

    private static <T> T pick(List<T> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }
}
