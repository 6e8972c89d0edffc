package io.seatguard.core.history;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.paging.CursorText;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a page of history ended: the (created_at, id) of its last row. The next page reads rows
 * strictly after it in the order newest first, so rows inserted meanwhile never shift a page: no row
 * that existed is skipped or repeated. Opaque to clients (base64url), and tagged with the history it was
 * given for ({@link CursorText}): one sent with another account's, device's, address's or app's history is
 * refused.
 */
public record HistoryCursor(Instant createdAt, String evaluationId) {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public HistoryCursor {
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(evaluationId, "evaluationId is null");
    }

    /** Tagged with {@code scope}, a text naming the history (its app, and the account, device or address). */
    public String encode(String scope) {
        return CursorText.encode(createdAt, evaluationId, scope);
    }

    /** A cursor as a client sent it back: the position, and whether it was given for a history. */
    public record Given(HistoryCursor cursor, CursorText.Place place) {
        /** Whether it was given for this history (one given out before tags is taken for any). */
        public boolean givenFor(String scope) {
            return place.givenFor(scope);
        }
    }

    /** The cursor, or empty when the text is not one this class wrote. */
    public static Optional<Given> decode(String text) {
        return CursorText.decode(text, ID).map(place -> new Given(new HistoryCursor(place.at(), place.id()), place));
    }
}
