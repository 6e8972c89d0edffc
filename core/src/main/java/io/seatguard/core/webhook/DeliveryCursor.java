package io.seatguard.core.webhook;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.paging.CursorText;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a page of an endpoint's delivery log ended: the (created_at, message id) of its last row. The
 * next page reads deliveries strictly after it in the log's order (newest first), so deliveries made
 * meanwhile never shift a page. Opaque to clients (base64url), as history's cursor is.
 */
public record DeliveryCursor(Instant createdAt, String messageId) {
    private static final Pattern MESSAGE_ID = Pattern.compile("msg_[0-9a-f]{24}");

    public DeliveryCursor {
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(messageId, "messageId is null");
    }

    public static DeliveryCursor after(Delivery last) {
        return new DeliveryCursor(last.createdAt(), last.messageId());
    }

    public String encode() {
        return CursorText.encode(createdAt, messageId);
    }

    /** The cursor, or empty when the text is not one this class wrote. */
    public static Optional<DeliveryCursor> decode(String text) {
        return CursorText.decode(text, MESSAGE_ID).map(place -> new DeliveryCursor(place.at(), place.id()));
    }
}
