package io.seatguard.core.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the API writes where a page ended, a row's (time, id), for the client to send back: base64url of
 * {@code millis:id:tag}, opaque to clients. One codec for every paged list (history, the webhook delivery
 * log), each checking the id against its own pattern, so a cursor of one kind of list is refused by another.
 *
 * <p>The tag names the list the cursor was given for ({@code scope}: the app, and the account, device,
 * address or endpoint), so a cursor sent with another list is refused rather than read as a position
 * there: found in review, an account's history cursor sent for another account answered that account's
 * rows older than the first one's position, silently leaving out its newer ones. A cursor without a tag
 * (history's, given out before tags) is still taken, as a position.
 */
public final class CursorText {
    /** Far longer than any cursor written: longer text is refused before it is decoded. */
    private static final int MAX_LENGTH = 120;
    private static final Pattern TEXT = Pattern.compile("(\\d{1,15}):([^:]+)(?::([0-9a-f]{12}))?");

    /** A row's place in a list ordered by time, then id, as a client sent it back, with the tag of the list it was given for, if any. */
    public record Place(Instant at, String id, Optional<String> tag) {
        /** Whether it was given for the list {@code scope} names (one without a tag is taken for any). */
        public boolean givenFor(String scope) {
            return tag.map(own -> own.equals(CursorText.tag(scope))).orElse(true);
        }
    }

    private CursorText() {}

    /** The place, tagged with {@code scope}, a text naming the list (its app, and what it lists). */
    public static String encode(Instant at, String id, String scope) {
        String plain = at.toEpochMilli() + ":" + id + ":" + tag(scope);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The place, or empty when the text is not one {@link #encode} wrote with an id {@code ids} matches. */
    public static Optional<Place> decode(String text, Pattern ids) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            Matcher parts = TEXT.matcher(plain);
            if (!parts.matches() || !ids.matcher(parts.group(2)).matches()) {
                return Optional.empty();
            }
            return Optional.of(new Place(Instant.ofEpochMilli(Long.parseLong(parts.group(1))), parts.group(2), Optional.ofNullable(parts.group(3))));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The first 48 bits of the scope's SHA-256, in hex: a mistake is caught, and the scope is not shown. */
    static String tag(String scope) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
