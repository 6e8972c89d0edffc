package io.seatguard.core.history;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.paging.CursorText;
import java.time.Instant;
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
        return CursorText.encode(createdAt, evaluationId);
    }

    /** The cursor, or empty when the text is not one this class wrote. */
    public static Optional<HistoryCursor> decode(String text) {
        return CursorText.decode(text, ID).map(place -> new HistoryCursor(place.at(), place.id()));
    }
}
