package io.seatguard.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.seatguard.core.error.SeatguardException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses text carrying U+0000. PostgreSQL cannot store it in a text column or a JSON document, so a NUL
 * that got through would fail the request in the database, after validation, as if the storage were
 * down; SQLite would store it, and the two stores would disagree.
 */
public final class NulCharacters {
    static final String MESSAGE = "must not contain the NUL character (U+0000)";

    private NulCharacters() {}

    /**
     * Checks a parsed JSON body. A NUL can only arrive as the escape {@code \u0000} (JSON forbids the raw
     * byte in strings), so the tree is walked only when the raw body holds that escape.
     */
    static void refuseInJson(byte[] raw, JsonNode body) {
        if (mayHoldNul(raw)) {
            firstPath(body, "").ifPresent(field -> {
                throw SeatguardException.invalid(field.isEmpty() ? "body" : field, MESSAGE);
            });
        }
    }

    /** Checks the query string and, for a form, its fields: the dashboard and the hosted pages read both. */
    public static void refuseInParameters(Context ctx) {
        String query = ctx.queryString();
        if (query != null && query.contains("%00")) {
            firstName(ctx.queryParamMap()).ifPresent(NulCharacters::refuse);
        }
        if ("application/x-www-form-urlencoded".equals(MediaTypes.essence(ctx.contentType())) && ctx.body().contains("%00")) {
            firstName(ctx.formParamMap()).ifPresent(NulCharacters::refuse);
        }
    }

    private static void refuse(String field) {
        throw SeatguardException.invalid(field, MESSAGE);
    }

    private static Optional<String> firstName(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0 || parameter.getValue().stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                return Optional.of(parameter.getKey().replace('\0', '?'));
            }
        }
        return Optional.empty();
    }

    private static boolean mayHoldNul(byte[] raw) {
        for (int i = 0; i + 5 < raw.length; i++) {
            if (raw[i] == '\\' && raw[i + 1] == 'u' && raw[i + 2] == '0' && raw[i + 3] == '0' && raw[i + 4] == '0' && raw[i + 5] == '0') {
                return true;
            }
        }
        return false;
    }

    /** The dotted path of the first string (a value or a member's name) holding a NUL, as field errors name fields. */
    private static Optional<String> firstPath(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0 ? Optional.of(path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = firstPath(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext();) {
                Map.Entry<String, JsonNode> member = members.next();
                String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                if (member.getKey().indexOf('\0') >= 0) {
                    return Optional.of(memberPath.replace('\0', '?'));
                }
                Optional<String> found = firstPath(member.getValue(), memberPath);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
