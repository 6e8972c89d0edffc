package io.seatguard.sdk;

/** No answer: Seatguard could not be reached or did not answer in time (after the retries of an idempotent call). */
public final class SeatguardNetworkException extends SeatguardException {
    private static final long serialVersionUID = 1L;

    public SeatguardNetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
