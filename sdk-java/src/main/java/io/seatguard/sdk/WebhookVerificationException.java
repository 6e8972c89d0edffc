package io.seatguard.sdk;

/** A webhook request that is not Seatguard's (or too old): answer it 400 and do not act on it. */
public final class WebhookVerificationException extends SeatguardException {
    private static final long serialVersionUID = 1L;

    public WebhookVerificationException(String message) {
        super(message);
    }
}
