package io.seatguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.seatguard.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the OpenAPI document promises an operation answers, and whether an answer keeps that promise: its
 * status is documented (exactly, by a range such as {@code 4XX}, or by {@code default}), its media type is
 * one documented for that status (none when none is), and a JSON body validates against the documented
 * schema.
 *
 * <p>The whole document is loaded as one schema resource and each response schema is taken by its JSON
 * pointer in it, so {@code $ref}s into {@code #/components/schemas} resolve as they do for any reader of
 * the document, with the OpenAPI 3.1 dialect (JSON Schema 2020-12 and the OpenAPI vocabulary). Formats
 * ({@code date-time}, {@code uri}, ...) are asserted, not only annotated: a client parses them. Object
 * schemas are closed first ({@link ClosedSchemas}): a property the server answers and the document does not
 * name (one renamed, say) is a mismatch too.
 */
final class DocumentedResponses {
    /** Where the document is said to live: the validator looks it up there, in memory. */
    private static final String DOCUMENT_IRI = "https://seatguard.invalid/v3/openapi.json";

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    DocumentedResponses(String documentText) {
        try {
            this.document = Json.MAPPER.readTree(documentText);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        String closedText = ClosedSchemas.closed(document).toString();
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, closedText)).schemaRegistryConfig(config));
    }

    /** Every documented operation, as "METHOD /path". */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (String method : names(path.getValue())) {
                if (!method.equals("parameters")) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** Whether the operation needs credentials: it has security requirements and none of them is empty. */
    boolean needsCredentials(String operation) {
        JsonNode security = operationNode(operation).path("security");
        if (security.isMissingNode()) {
            security = document.path("security");
        }
        if (security.isEmpty()) {
            return false;
        }
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** What is wrong with one answer to the operation; empty when it is as documented. */
    List<String> mismatches(String operation, TestServer.Response answer) {
        List<String> mismatches = new ArrayList<>();
        JsonNode responses = operationNode(operation).get("responses");
        Optional<String> key = responseKey(responses, answer.status());
        if (key.isEmpty()) {
            mismatches.add("status " + answer.status() + " is not documented (documented: " + names(responses) + ")");
            return mismatches;
        }
        String pointer = operationPointer(operation) + "/responses/" + escape(key.get());
        JsonNode response = responses.get(key.get());
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = document.at(pointer);
        }
        JsonNode content = response.path("content");
        String mediaType = answer.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (content.isEmpty()) {
            if (!answer.body().isEmpty()) {
                mismatches.add("status " + answer.status() + " documents no body, but one of type '" + answer.contentType() + "' came");
            }
            return mismatches;
        }
        if (!content.has(mediaType)) {
            mismatches.add("status " + answer.status() + " answered type '" + answer.contentType() + "', documented: " + names(content));
            return mismatches;
        }
        JsonNode schema = content.get(mediaType).get("schema");
        if (schema == null || !(mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
            return mismatches;
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(answer.body());
        }
        catch (IOException e) {
            mismatches.add("status " + answer.status() + " answered " + mediaType + " that is not JSON: " + e.getMessage());
            return mismatches;
        }
        String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
        List<Error> errors = schemaAt(schemaPointer).validate(body);
        // A property whose value fails its schema is also "not evaluated" by the closed object: only the first says what is wrong.
        boolean otherErrors = errors.stream().anyMatch(error -> !"unevaluatedProperties".equals(error.getKeyword()));
        for (Error error : errors) {
            if (otherErrors && "unevaluatedProperties".equals(error.getKeyword())) {
                continue;
            }
            mismatches.add("status " + answer.status() + " body: " + error.getMessage() + " (schema " + error.getSchemaLocation() + ")");
        }
        return mismatches;
    }

    /** The documented response that covers a status: its own, its range's ({@code 4XX}), or {@code default}. */
    private static Optional<String> responseKey(JsonNode responses, int status) {
        for (String key : List.of(Integer.toString(status), status / 100 + "XX", "default")) {
            if (responses.has(key)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private Schema schemaAt(String pointer) {
        // A pointer's characters outside a URI fragment's ({, }, space) are percent-encoded, as RFC 6901 section 6 has it.
        String fragment = URLEncoder.encode(pointer, StandardCharsets.UTF_8).replace("%2F", "/").replace("%7E", "~").replace("+", "%20");
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + fragment)));
    }

    private JsonNode operationNode(String operation) {
        JsonNode node = document.at(operationPointer(operation));
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("no operation " + operation + " in the document");
        }
        return node;
    }

    private static String operationPointer(String operation) {
        int space = operation.indexOf(' ');
        return "/paths/" + escape(operation.substring(space + 1)) + "/" + operation.substring(0, space).toLowerCase(Locale.ROOT);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A JSON pointer's reference token (RFC 6901): "~" and "/" escaped. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
