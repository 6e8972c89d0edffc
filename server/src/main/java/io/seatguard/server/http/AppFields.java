package io.seatguard.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.LogText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** An app's name and allowed origins as the API and the dashboard both read them: one set of rules and messages. */
public final class AppFields {
    static final int MAX_NAME = 200;
    static final int MAX_ORIGINS = 50;

    private AppFields() {}

    /** The name, stripped; null (and a fault added) when it is missing, blank, too long or holds a control character. */
    public static String name(JsonNode nameNode, FieldErrors errors) {
        if (nameNode == null || nameNode.isNull()) {
            errors.add("name", "is required");
        }
        else if (!nameNode.isTextual() || nameNode.textValue().isBlank()) {
            errors.add("name", "must be a non-blank string");
        }
        else if (nameNode.textValue().strip().codePointCount(0, nameNode.textValue().strip().length()) > MAX_NAME) {
            // Characters, as the OpenAPI's maxLength counts them: an emoji is one, not two.
            errors.add("name", "must be at most " + MAX_NAME + " characters");
        }
        else if (LogText.isUnfitForName(nameNode.textValue())) {
            // The name is shown on the dashboard and in the start-up banner; see LogText.
            errors.add("name", LogText.UNFIT_NAME);
        }
        else {
            return nameNode.textValue().strip();
        }
        return null;
    }

    /**
     * Origins as browsers send them: scheme, host and optional port; nothing else. Each is kept in the
     * form a browser's {@code Origin} header has ({@link HttpUrl#origin}: scheme and host lower-cased, an
     * IPv6 address compressed, an IPv4 address as a dotted quad, the scheme's default port left out),
     * because CORS compares the header with the stored text as it is: an {@code https://App.Example.com:443}
     * or {@code http://[0:0::1]} stored as written would never match.
     */
    public static List<String> origins(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add("allowed_origins", "must be an array of origins like https://app.example.com");
            return List.of();
        }
        if (node.size() > MAX_ORIGINS) {
            errors.add("allowed_origins", "must have at most " + MAX_ORIGINS + " origins");
            return List.of();
        }
        LinkedHashSet<String> origins = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            Optional<String> origin = item.isTextual() ? origin(item.textValue()) : Optional.empty();
            if (origin.isEmpty()) {
                errors.add("allowed_origins[" + i + "]", "must be an origin: http(s)://host[:port] without a path, like https://app.example.com"
                        + " (a host is a domain, in its xn-- form if internationalized, an IPv4 address or an IPv6 one in brackets)");
            }
            else {
                origins.add(origin.get());
            }
        }
        return new ArrayList<>(origins);
    }

    private static Optional<String> origin(String text) {
        if (text.length() > 200) {
            return Optional.empty();
        }
        return HttpUrl.parse(text).filter(url -> !url.hadCredentials() && url.rest().isEmpty()).map(HttpUrl::origin);
    }
}
