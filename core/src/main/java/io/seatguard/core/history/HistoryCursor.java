package io.seatguard.core.history;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a page of history ended: the (created_at, id) of its last row. The next page reads rows
 * strictly after it in the order newest first, so rows inserted meanwhile never shift a page: no row
 * that existed is skipped or repeated. Opaque to clients (base64url).
 */
public record HistoryCursor(Instant createdAt, String evaluationId) {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public HistoryCursor {
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(evaluationId, "evaluationId is null");
    }

    public String encode() {
        String plain = createdAt.toEpochMilli() + ":" + evaluationId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor, or empty when the text is not one this class wrote. */
    public static Optional<HistoryCursor> decode(String text) {
        if (text == null || text.isEmpty() || text.length() > 80) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            int colon = plain.indexOf(':');
            if (colon <= 0 || !plain.substring(0, colon).matches("\\d{1,15}") || !ID.matcher(plain.substring(colon + 1)).matches()) {
                return Optional.empty();
            }
            return Optional.of(new HistoryCursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))), plain.substring(colon + 1)));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
