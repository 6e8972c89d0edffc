package io.seatguard.core.webhook;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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
        String plain = createdAt.toEpochMilli() + ":" + messageId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor, or empty when the text is not one this class wrote. */
    public static Optional<DeliveryCursor> decode(String text) {
        if (text == null || text.isEmpty() || text.length() > 80) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            int colon = plain.indexOf(':');
            if (colon <= 0 || !plain.substring(0, colon).matches("\\d{1,15}") || !MESSAGE_ID.matcher(plain.substring(colon + 1)).matches()) {
                return Optional.empty();
            }
            return Optional.of(new DeliveryCursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))), plain.substring(colon + 1)));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
