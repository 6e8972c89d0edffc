package io.seatguard.core.webhook;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.paging.CursorText;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a page of an endpoint's delivery log ended: the (created_at, message id) of its last row. The
 * next page reads deliveries strictly after it in the log's order (newest first), so deliveries made
 * meanwhile never shift a page. Opaque to clients (base64url), as history's cursor is, and tagged with
 * the endpoint's log it was given for ({@link CursorText}); a status filter does not change the order, so
 * one cursor serves the log with or without it.
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

    /** The text naming one endpoint's log, which a cursor is tagged with. */
    public static String scope(String appId, String endpointId) {
        return appId + "\nwebhook-deliveries\n" + endpointId;
    }

    /** Tagged with the log of {@code appId}'s endpoint {@code endpointId}. */
    public String encode(String appId, String endpointId) {
        return CursorText.encode(createdAt, messageId, scope(appId, endpointId));
    }

    /** The cursor, if the text is one this class wrote for that endpoint's log; empty otherwise. */
    public static Optional<DeliveryCursor> decode(String text, String appId, String endpointId) {
        return CursorText.decode(text, MESSAGE_ID).filter(place -> place.tag().isPresent() && place.givenFor(scope(appId, endpointId)))
                .map(place -> new DeliveryCursor(place.at(), place.id()));
    }
}
