package io.seatguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A copy of an OpenAPI document whose object schemas refuse properties they do not name
 * ({@code unevaluatedProperties: false}), for checking answers: the document leaves them open so clients
 * take new fields, but a field the server sends and the document never names is a field renamed or
 * forgotten in the document.
 *
 * <p>A schema that already says what other properties may be is left as it is. So is a schema that is a
 * member of an {@code allOf}, or a component an {@code allOf} refers to: a member sees only its own
 * properties, so closing it would refuse its siblings'. The schema holding the {@code allOf} is closed
 * instead ({@code unevaluatedProperties} sees through {@code allOf} and {@code $ref}), and where such a
 * component is used alone, the reference goes to a closed alias of it ({@code Name.closed}).
 */
final class ClosedSchemas {
    private static final String REFERENCE = "#/components/schemas/";
    private final Set<String> composed = new HashSet<>();

    private ClosedSchemas() {}

    static JsonNode closed(JsonNode document) {
        JsonNode copy = document.deepCopy();
        ClosedSchemas closer = new ClosedSchemas();
        closer.findComposed(copy);
        closer.walkDocument(copy.path("paths"));
        closer.walkDocument(copy.path("components").path("responses"));
        ObjectNode schemas = (ObjectNode) copy.path("components").path("schemas");
        for (Map.Entry<String, JsonNode> component : schemas.properties()) {
            closer.walkSchema(component.getValue(), closer.composed.contains(REFERENCE + component.getKey()));
        }
        closer.referToClosedAliases(copy, false);
        for (String reference : closer.composed) {
            schemas.putObject(reference.substring(REFERENCE.length()) + ".closed").put("$ref", reference).put("unevaluatedProperties", false);
        }
        return copy;
    }

    /** Every reference to a component an {@code allOf} refers to, but the {@code allOf}'s own, goes to its closed alias. */
    private void referToClosedAliases(JsonNode node, boolean memberOfAllOf) {
        if (!(node instanceof ObjectNode object)) {
            node.forEach(child -> referToClosedAliases(child, false));
            return;
        }
        if (!memberOfAllOf && composed.contains(object.path("$ref").asText())) {
            object.put("$ref", object.get("$ref").asText() + ".closed");
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getKey().equals("allOf")) {
                field.getValue().forEach(member -> referToClosedAliases(member, true));
            }
            else {
                referToClosedAliases(field.getValue(), false);
            }
        }
    }

    /** The components some {@code allOf} refers to. */
    private void findComposed(JsonNode node) {
        if (node.isObject() && node.has("allOf")) {
            for (JsonNode member : node.get("allOf")) {
                if (member.has("$ref")) {
                    composed.add(member.get("$ref").asText());
                }
            }
        }
        node.forEach(this::findComposed);
    }

    /** The schemas of the paths' and responses' media types. */
    private void walkDocument(JsonNode node) {
        if (!node.isObject()) {
            node.forEach(this::walkDocument);
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().equals("schema")) {
                walkSchema(field.getValue(), false);
            }
            else {
                walkDocument(field.getValue());
            }
        }
    }

    private void walkSchema(JsonNode node, boolean open) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        boolean saysWhatElse = schema.has("additionalProperties") || schema.has("unevaluatedProperties");
        if (!open && !saysWhatElse && (schema.has("properties") || schema.has("allOf"))) {
            schema.put("unevaluatedProperties", false);
        }
        schema.path("allOf").forEach(member -> walkSchema(member, true));
        schema.path("properties").forEach(property -> walkSchema(property, false));
        for (String key : new String[] {"anyOf", "oneOf", "prefixItems"}) {
            schema.path(key).forEach(member -> walkSchema(member, false));
        }
        walkSchema(schema.path("items"), false);
        walkSchema(schema.path("additionalProperties"), false);
    }
}
