package io.seatguard.core.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the API writes where a page ended, a row's (time, id), for the client to send back: base64url of
 * {@code millis:id}, opaque to clients. One codec for every paged list (history, the webhook delivery log),
 * each checking the id against its own pattern, so a cursor of one list is refused by another.
 */
public final class CursorText {
    /** Far longer than any cursor written: longer text is refused before it is decoded. */
    private static final int MAX_LENGTH = 80;

    /** A row's place in a list ordered by time, then id. */
    public record Place(Instant at, String id) {}

    private CursorText() {}

    public static String encode(Instant at, String id) {
        String plain = at.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The place, or empty when the text is not one {@link #encode} wrote with an id {@code ids} matches. */
    public static Optional<Place> decode(String text, Pattern ids) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            int colon = plain.indexOf(':');
            if (colon <= 0 || !plain.substring(0, colon).matches("\\d{1,15}") || !ids.matcher(plain.substring(colon + 1)).matches()) {
                return Optional.empty();
            }
            return Optional.of(new Place(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))), plain.substring(colon + 1)));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
