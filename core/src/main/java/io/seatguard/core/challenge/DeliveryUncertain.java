package io.seatguard.core.challenge;

/**
 * Thrown by a {@link CodeSender} when the message was handed over in full but its answer never came: the SMS
 * provider's request was sent and the wait for its answer timed out, or the mail's end was sent and the
 * mail server's final reply never came. The provider may have taken it, so it may still arrive; any other
 * failure is certain (no connection, a refusal, an error answer), and nothing was sent.
 */
public final class DeliveryUncertain extends RuntimeException {
    public DeliveryUncertain(String message) {
        super(message);
    }
}
