package io.seatguard.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.error.DisplayNames;
import io.seatguard.core.error.FieldErrors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** An app's name and allowed origins as the API and the dashboard both read them: one set of rules and messages. */
public final class AppFields {
    static final int MAX_NAME = 200;
    static final int MAX_ORIGINS = 50;

    private AppFields() {}

    /** The name, stripped; null (and a fault added) when it is missing, blank, too long or holds a control or invisible character ({@link DisplayNames}). */
    public static String name(JsonNode nameNode, FieldErrors errors) {
        if (nameNode == null || nameNode.isNull()) {
            errors.add("name", "is required");
            return null;
        }
        Optional<String> fault = nameNode.isTextual() ? DisplayNames.fault(nameNode.textValue(), MAX_NAME) : Optional.of("must be a non-blank string");
        fault.ifPresent(message -> errors.add("name", message));
        return fault.isPresent() ? null : DisplayNames.stripped(nameNode.textValue());
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
                        + " (a host is a domain a browser can go to, an IPv4 address or an IPv6 one in brackets)");
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
        return Origins.exactly(text);
    }
}
