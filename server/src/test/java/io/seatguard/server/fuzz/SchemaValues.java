package io.seatguard.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * JSON values for fuzzing, read off the OpenAPI document's schemas: a plausible body for an operation
 * (examples, enums and bounds where the schema has them, so most of it passes validation and the
 * mutations reach the code behind it), and a fixed pool of hostile values to put in its place.
 */
final class SchemaValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 4;

    private final JsonNode document;
    private final Random random;

    SchemaValues(JsonNode document, Random random) {
        this.document = document;
        this.random = random;
    }

    /** Follows {@code $ref}s to the schema they name. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current != null && current.has("$ref")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current == null ? NODES.objectNode() : current;
    }

    /** A value the schema would likely accept: every required property and about half of the others. */
    JsonNode plausible(JsonNode schema) {
        return plausible(schema, 0);
    }

    private JsonNode plausible(JsonNode schemaOrRef, int depth) {
        JsonNode schema = resolve(schemaOrRef);
        if (schema.has("examples") && schema.get("examples").size() > 0) {
            return schema.get("examples").get(random.nextInt(schema.get("examples").size()));
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        for (String alternatives : List.of("oneOf", "anyOf")) {
            if (schema.has(alternatives)) {
                JsonNode options = schema.get(alternatives);
                return plausible(options.get(random.nextInt(options.size())), depth + 1);
            }
        }
        return switch (typeOf(schema)) {
            case "object" -> plausibleObject(schema, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < MAX_DEPTH && schema.has("items")) {
                    int count = Math.max(1, schema.path("minItems").asInt(1));
                    for (int i = 0; i < count; i++) {
                        array.add(plausible(schema.get("items"), depth + 1));
                    }
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(schema.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(schema.path("minimum").asDouble(1.5));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "null" -> NODES.nullNode();
            default -> NODES.textNode(schema.path("format").asText("").equals("email") ? "someone@example.com" : "fuzz");
        };
    }

    private JsonNode plausibleObject(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth >= MAX_DEPTH) {
            return object;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (required.contains(property.getKey()) || random.nextBoolean()) {
                object.set(property.getKey(), plausible(property.getValue(), depth + 1));
            }
        }
        return object;
    }

    /** The schema's type; of a list like {@code ["string", "null"]}, the first that is not null. */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
            return "null";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    /** Values of every JSON type that validation must refuse or handle: wrong types, extremes, odd text. */
    static List<JsonNode> hostile() {
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 2_000; i++) {
            many.add("x" + i);
        }
        ObjectNode nested = NODES.objectNode();
        nested.putObject("a").putObject("b").putArray("c").add(NODES.objectNode());
        ObjectNode emptyKey = NODES.objectNode();
        emptyKey.put("", "");
        return List.of(
                NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(Long.MIN_VALUE),
                NODES.numberNode(BigInteger.TWO.pow(80)), NODES.numberNode(1e308), NODES.numberNode(-0.0), NODES.numberNode(0.5),
                NODES.textNode(""), NODES.textNode(" "), NODES.textNode("a".repeat(10_000)), NODES.textNode("\u0000"),
                NODES.textNode("null"), NODES.textNode("-1"), NODES.textNode("1e309"), NODES.textNode("\uD83D\uDE00".repeat(50)),
                NODES.textNode("<script>alert(1)</script>"), NODES.textNode("../../etc/passwd"), NODES.textNode("2026-02-30T25:61:00Z"),
                NODES.textNode("999999999999999999999"), NODES.textNode("@"), NODES.textNode("::"), NODES.textNode("256.256.256.256"),
                NODES.textNode("sk_" + "A".repeat(64)), NODES.textNode("%00%FF"), NODES.textNode("' OR 1=1 --"),
                NODES.arrayNode(), NODES.arrayNode().add(NODES.nullNode()), NODES.arrayNode().add(1).add("a").add(NODES.objectNode()), many,
                NODES.objectNode(), emptyKey, nested);
    }

    /** Bodies that are not the JSON the schema describes, or not JSON at all. */
    static List<byte[]> rawBodies() {
        List<String> texts = List.of("", " ", "{", "}", "null", "[]", "\"text\"", "1", "{\"a\":\"\\ud800\"}", "\uFEFF{}", "{} {}",
                "{\"a\":1e999999}", "{\"a\":-}", "{\"a\":NaN}", "{'a':1}", "{\"a\":1,}", "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000), "{\"\\u0000\":1}");
        List<byte[]> bodies = new ArrayList<>(texts.stream().map(text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList());
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.add(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0});
        return bodies;
    }
}
