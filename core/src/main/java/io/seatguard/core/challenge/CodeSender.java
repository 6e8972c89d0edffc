package io.seatguard.core.challenge;

import java.util.Set;

/** Port: delivers verification codes (SMTP, an SMS provider, or the development outbox). */
public interface CodeSender {
    /** The channels this server can deliver on now. */
    Set<String> channels();

    /**
     * Sends the message or throws; the code is already stored (hashed) when this is called. Throws
     * {@link DeliveryUncertain} when the message was handed over but no answer came (it may still arrive),
     * any other exception when it was certainly not sent.
     */
    void send(CodeMessage message);
}
