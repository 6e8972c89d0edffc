package io.seatguard.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.fuzz.ExampleRequests.ExampleRequest;
import io.seatguard.server.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every operation of the served OpenAPI document that reads a JSON body or query parameters (and every
 * POST, whose handler reads the body to refuse one it takes none of) gets a valid example request, mutated
 * once in a hostile way: a value of another JSON type, extreme numbers, over-long text, NUL and lone
 * surrogates, bytes that are not UTF-8, deep nesting, duplicate or unknown keys, no body, a top level that is
 * no object, the wrong media type, hostile query values. The answer must be 2xx or 4xx, a 4xx a problem
 * document whose complaints about the request itself name the field, and a refused request must leave the
 * app's policies, lists, webhooks and apps as they were.
 *
 * <p>Operations come from the document, so a new route is fuzzed as soon as it is documented; one without
 * an example in {@link #examples} fails {@link #everyOperationThatReadsInputHasAnExample}. {@link ApiFuzzTest}
 * fuzzes credentials, path segments and other tenants' ids; this one fuzzes what a body and query say.
 */
class HostileInputPropertiesTest {
    /** 600 tries: about 20 s on a shared two-core machine (five requests a try), well under a minute. */
    private static final int TRIES = 600;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> ADMIN = ExampleRequests.ADMIN;
    /** Problem types about what the request says: those must name the field (or {@code body}, {@code Content-Type}). */
    private static final List<String> NAMING_PROBLEMS = List.of("/invalid-input", "/malformed-json", "/unsupported-media-type",
            "/body-too-large");
    private static final String RAW = "@@raw@@";
    private static TestServer server;
    private static TestApp app;
    private static ExampleRequests requests;
    private static String listId;
    private static String policyId;
    private static JsonNode document;

    @BeforeContainer
    static void start() throws IOException {
        server = TestServer.start(TestServer.Store.SQLITE, Files.createTempDirectory("hostile-input"));
        requests = new ExampleRequests(server);
        app = requests.app();
        listId = requests.listId();
        policyId = requests.policyId();
        document = Json.MAPPER.readTree(server.get("/v3/openapi.json", Map.of()).body());
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A valid request per operation, by "METHOD /path" as the document names it ({@link ExampleRequests}). */
    private static Map<String, ExampleRequest> examples() {
        return requests.examples();
    }

    /** The documented operations that read a body or a query: "METHOD /path" to the operation. */
    private static Map<String, JsonNode> operationsThatReadInput() {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                boolean readsBody = operation.getValue().has("requestBody") || List.of("POST", "PUT", "PATCH").contains(method);
                if (readsBody || !queryParameters(operation.getValue()).isEmpty()) {
                    operations.put(method + " " + path.getKey(), operation.getValue());
                }
            }
        }
        return operations;
    }

    private static List<String> queryParameters(JsonNode operation) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = parameter.has("$ref") ? document.at(parameter.get("$ref").asText().substring(1)) : parameter;
            if (resolved.path("in").asText().equals("query")) {
                names.add(resolved.path("name").asText());
            }
        }
        return names;
    }

    @Example
    void everyOperationThatReadsInputHasAnExample() {
        assertThat(examples().keySet()).as("operations with an example request").containsAll(operationsThatReadInput().keySet());
        assertThat(operationsThatReadInput().keySet()).as("examples of operations the document still has").containsAll(examples().keySet());
    }

    @Example
    void everyExampleIsAccepted() {
        for (Map.Entry<String, ExampleRequest> example : examples().entrySet()) {
            String method = example.getKey().substring(0, example.getKey().indexOf(' '));
            ExampleRequest request = example.getValue();
            TestServer.Response response = server.send(method, request.pathAndQuery(), request.body(), request.headers());
            if (example.getKey().endsWith("/redeliver")) {
                assertThat(response.status()).as(example.getKey() + " " + response.body()).isEqualTo(404);
            }
            else if (example.getKey().endsWith("/consume")) {
                // Consumed once only: a second run of this example meets a used evaluation.
                assertThat(response.status()).as(example.getKey() + " " + response.body()).isIn(200, 409);
            }
            else {
                assertThat(response.status()).as(example.getKey() + " " + response.body()).isBetween(200, 299);
            }
        }
    }

    /** How one example request is spoilt; {@code pick} chooses where, and with what, deterministically. */
    enum Mutation {
        SWAP_TYPE, EXTREME_NUMBER, OVERLONG_STRING, NUL_OR_SURROGATE, INVALID_UTF8, DEEP_NESTING, DUPLICATE_KEY, UNKNOWN_FIELD, MISSING_FIELD,
        EMPTY_BODY, NON_OBJECT_TOP_LEVEL, WRONG_CONTENT_TYPE, HOSTILE_QUERY
    }

    record Hostile(String operation, Mutation mutation, int pick) {}

    @Provide
    Arbitrary<Hostile> hostileRequests() {
        Map<String, JsonNode> operations = operationsThatReadInput();
        return Arbitraries.of(List.copyOf(operations.keySet())).flatMap(operation -> Combinators.combine(Arbitraries.just(operation),
                Arbitraries.of(mutationsOf(operation)), Arbitraries.integers().between(0, 1_000_000)).as(Hostile::new));
    }

    /** A GET's body is read by nobody, so only its query is spoilt; a route without a query still refuses an unknown parameter. */
    private static List<Mutation> mutationsOf(String operation) {
        if (operation.startsWith("GET ")) {
            return List.of(Mutation.HOSTILE_QUERY);
        }
        return List.of(Mutation.values());
    }

    @Property(tries = TRIES, seed = "20261206")
    void hostileInputIsRefusedByNameAndChangesNothing(@ForAll("hostileRequests") Hostile hostile) throws IOException {
        ExampleRequest example = examples().get(hostile.operation());
        assertThat(example).as("an example request of " + hostile.operation()).isNotNull();
        String method = hostile.operation().substring(0, hostile.operation().indexOf(' '));
        Sent sent = spoil(example, operationsThatReadInput().get(hostile.operation()), hostile);
        Map<String, String> before = state();
        HttpResponse<String> response = send(method, sent);
        Statistics.label("mutation, status").collect(hostile.mutation(), response.statusCode() / 100 + "xx");
        String what = hostile + " " + sent.describe() + " → " + response.statusCode() + " " + abbreviated(response.body());
        assertThat(response.statusCode()).as(what).isBetween(200, 499);
        assertThat(response.statusCode() / 100).as(what).isNotEqualTo(3);
        if (response.statusCode() < 400) {
            return;
        }
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
        JsonNode problem = Json.MAPPER.readTree(response.body());
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.statusCode());
        assertThat(problem.path("errors").isArray()).as(what).isTrue();
        if (NAMING_PROBLEMS.stream().anyMatch(problem.path("type").asText()::endsWith)) {
            assertThat(problem.get("errors")).as(what).isNotEmpty().allSatisfy(error -> {
                assertThat(error.path("field").isTextual()).as(what).isTrue();
                assertThat(error.path("message").asText()).as(what).isNotBlank();
            });
        }
        assertThat(state()).as("what a refused request left: " + what).isEqualTo(before);
    }

    /** Everything a refused request must leave alone: the app's policies, lists (with their values), webhooks, and the apps. */
    private static Map<String, String> state() {
        Map<String, String> state = new TreeMap<>();
        for (String path : List.of("/v3/policies", "/v3/lists", "/v3/lists/" + listId, "/v3/webhooks", "/v3/policies/" + policyId)) {
            // An endpoint's failing_since moves as the dispatcher's tries (of the evaluations' events) fail, not by a request.
            state.put(path, server.get(path, app.bearer()).body().replaceAll("\"failing_since\":[^,}]*", ""));
        }
        state.put("/v3/apps", server.get("/v3/apps", ADMIN).body().replaceAll("\"last_used_at\":[^,}]*", ""));
        return state;
    }

    /** A request as it goes on the wire. */
    record Sent(String pathAndQuery, Map<String, String> headers, byte[] body) {
        String describe() {
            String text = body == null ? "(no body)" : new String(body, StandardCharsets.UTF_8);
            return abbreviated(pathAndQuery) + " " + headers.keySet() + " " + abbreviated(text);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + ")" : text;
    }

    private static Sent spoil(ExampleRequest example, JsonNode operation, Hostile hostile) {
        Map<String, String> headers = new LinkedHashMap<>(example.headers());
        String pathAndQuery = example.pathAndQuery();
        int pick = hostile.pick();
        JsonNode body = example.body() == null ? null : read(example.body());
        byte[] raw = null;
        switch (hostile.mutation()) {
            case SWAP_TYPE -> raw = replaced(body, pick, pickOf(OTHER_TYPES, pick / 7));
            case EXTREME_NUMBER -> raw = replaced(body, pick, pickOf(EXTREME_NUMBERS, pick / 7));
            case OVERLONG_STRING -> raw = replaced(body, pick, pickOf(List.of("\"" + "a".repeat(5_000) + "\"", "\"" + "é".repeat(40_000) + "\"",
                    "[" + "\"x\",".repeat(3_000) + "\"x\"]"), pick / 7));
            case NUL_OR_SURROGATE -> raw = pick % 3 == 0 ? withMember(body, pick / 3, pickOf(ODD_TEXT, pick / 7)) : replaced(body, pick, pickOf(ODD_TEXT, pick / 7));
            case INVALID_UTF8 -> raw = replacedBytes(body, pick, pickOf(INVALID_UTF8, pick / 7));
            case DEEP_NESTING -> raw = replaced(body, pick, pick % 2 == 0 ? "[".repeat(3_000) + "]".repeat(3_000)
                    : "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_000));
            case DUPLICATE_KEY -> raw = duplicateKey(body, pick);
            case UNKNOWN_FIELD -> raw = withMember(body, pick, pickOf(List.of("\"unknown_field\"", "\"\"", "\"__proto__\"", "\"a.b[0]\""), pick / 11));
            case MISSING_FIELD -> raw = withoutOneField(body, pick);
            case EMPTY_BODY -> {
                raw = new byte[0];
                headers.put("Content-Type", "application/json");
            }
            case NON_OBJECT_TOP_LEVEL -> raw = bytes(pickOf(List.of("[]", "[" + (body == null ? "{}" : body) + "]", "\"text\"", "1", "null", "true"), pick));
            case WRONG_CONTENT_TYPE -> {
                raw = bytes(body == null ? "{}" : body.toString());
                headers.put("Content-Type", pickOf(List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
                        "application/json; charset=utf-16", "multipart/form-data; boundary=x", ""), pick));
            }
            case HOSTILE_QUERY -> {
                pathAndQuery = hostileQuery(pathAndQuery, queryParameters(operation), pick);
                raw = body == null ? null : bytes(body.toString());
            }
        }
        if (raw != null && !headers.containsKey("Content-Type")) {
            headers.put("Content-Type", "application/json");
        }
        return new Sent(pathAndQuery, headers, raw);
    }

    private static final List<String> OTHER_TYPES = List.of("\"text\"", "7", "true", "false", "null", "[]", "{}", "[1,\"a\",null]", "{\"x\":1}", "\"\"");
    private static final List<String> EXTREME_NUMBERS = List.of("1208925819614629174706176", "-1", "-9223372036854775809", "9223372036854775808",
            "0.5", "-0.0", "1e400", "-1e400", "1e-400", "2147483648", "4294967296", "1.0", "1E2", "0");
    /** JSON text holding characters a database or a UTF-8 encoder cannot take. */
    private static final List<String> ODD_TEXT = List.of("\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00\"", "\"\\udbff\\u0041\"", "\"\\u0000\"",
            "\"\\uffff\\ufffe\"", "\"\\u202e\\u200b\"");
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82});

    private static String hostileQuery(String pathAndQuery, List<String> names, int pick) {
        int mark = pathAndQuery.indexOf('?');
        String path = mark < 0 ? pathAndQuery : pathAndQuery.substring(0, mark);
        String query = mark < 0 ? "" : pathAndQuery.substring(mark + 1);
        String name = names.isEmpty() ? "unknown" : pickOf(names, pick);
        String value = pickOf(List.of("", "-1", "0", "1.5", "1e400", "99999999999999999999", "abc", "%00", "%FF", "%ED%A0%80", "a".repeat(5_000),
                "true", "null", "[]", "%7B%7D", "%20", "1%2C2"), pick / 5);
        String added = switch (pick % 5) {
            case 0 -> "unknown_parameter=" + value;
            case 1 -> name;
            case 2 -> name + "=" + value + "&" + name + "=" + value;
            default -> name + "=" + value;
        };
        // The spoilt parameter takes the place of the example's own of that name.
        List<String> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !pair.startsWith(name + "=")) {
                kept.add(pair);
            }
        }
        kept.add(added);
        return path + "?" + String.join("&", kept);
    }

    private static JsonNode read(String text) {
        try {
            return Json.MAPPER.readTree(text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every place in a body a value can be put: object members and array items, as (container, key or index). */
    private static List<Object[]> places(JsonNode node) {
        List<Object[]> places = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (String field : names(object)) {
                places.add(new Object[] {object, field});
                places.addAll(places(object.get(field)));
            }
        }
        else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                places.add(new Object[] {array, i});
                places.addAll(places(array.get(i)));
            }
        }
        return places;
    }

    /** The body with one value (any, at any depth) replaced by raw JSON text; without a body, the text is the body. */
    private static byte[] replaced(JsonNode body, int pick, String rawJson) {
        return replacedBytes(body, pick, bytes(rawJson));
    }

    private static byte[] replacedBytes(JsonNode body, int pick, byte[] raw) {
        if (body == null || places(body).isEmpty()) {
            return concat(bytes("{\"value\":"), raw, bytes("}"));
        }
        JsonNode copy = body.deepCopy();
        Object[] place = pickOf(places(copy), pick);
        if (place[0] instanceof ObjectNode object) {
            object.put((String) place[1], RAW);
        }
        else {
            ((ArrayNode) place[0]).set((Integer) place[1], RAW);
        }
        String text = copy.toString();
        int at = text.indexOf("\"" + RAW + "\"");
        return concat(bytes(text.substring(0, at)), raw, bytes(text.substring(at + RAW.length() + 2)));
    }

    /** The body with one more member in one of its objects (any, at any depth), named by raw JSON text. */
    private static byte[] withMember(JsonNode body, int pick, String rawName) {
        ObjectNode copy = body instanceof ObjectNode object ? object.deepCopy() : Json.MAPPER.createObjectNode();
        List<ObjectNode> objects = new ArrayList<>(List.of(copy));
        places(copy).stream().map(place -> place[0]).filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast).distinct().forEach(objects::add);
        pickOf(objects, pick).put(RAW, 1);
        String text = copy.toString();
        int at = text.indexOf("\"" + RAW + "\"");
        return concat(bytes(text.substring(0, at)), bytes(rawName), bytes(text.substring(at + RAW.length() + 2)));
    }

    /** The body with one of its top-level members written twice, the second time with another value. */
    private static byte[] duplicateKey(JsonNode body, int pick) {
        if (!(body instanceof ObjectNode object) || object.isEmpty()) {
            return bytes("{\"a\":1,\"a\":2}");
        }
        String field = pickOf(List.copyOf(names(object)), pick);
        String text = object.toString();
        return bytes("{" + Json.MAPPER.valueToTree(field) + ":" + pickOf(OTHER_TYPES, pick / 3) + "," + text.substring(1));
    }

    private static byte[] withoutOneField(JsonNode body, int pick) {
        if (!(body instanceof ObjectNode object) || object.isEmpty()) {
            return bytes("{}");
        }
        ObjectNode copy = object.deepCopy();
        copy.remove(pickOf(List.copyOf(names(copy)), pick));
        return bytes(copy.toString());
    }

    private static TreeSet<String> names(ObjectNode object) {
        TreeSet<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static <T> T pickOf(List<T> options, int pick) {
        return options.get(Math.floorMod(pick, options.size()));
    }

    private static HttpResponse<String> send(String method, Sent sent) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.url() + sent.pathAndQuery())).timeout(Duration.ofSeconds(30));
        sent.headers().forEach((name, value) -> {
            if (!value.isEmpty()) {
                builder.header(name, value);
            }
        });
        builder.method(method, sent.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(sent.body()));
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(sent.describe(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
