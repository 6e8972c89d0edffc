package io.seatguard.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.LogText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

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
     * form a browser's {@code Origin} header has (host lower-cased, the scheme's default port left out,
     * {@link Origins#of}), because CORS compares the header with the stored text as it is: an
     * {@code https://App.Example.com:443} stored as written would never match.
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
            String field = "allowed_origins[" + i + "]";
            if (!item.isTextual() || !isOrigin(item.textValue())) {
                errors.add(field, "must be an origin: http(s)://host[:port] without a path, like https://app.example.com");
            }
            else {
                origins.add(Origins.of(item.textValue()).orElseThrow());
            }
        }
        return new ArrayList<>(origins);
    }

    private static boolean isOrigin(String text) {
        if (text.length() > 200) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null
                    && (uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65_535);
        }
        catch (URISyntaxException e) {
            return false;
        }
    }
}
