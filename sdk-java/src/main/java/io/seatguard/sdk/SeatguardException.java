package io.seatguard.sdk;

/** Every failure of the SDK: an error answer ({@link SeatguardApiException}) or no answer ({@link SeatguardNetworkException}). */
public class SeatguardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SeatguardException(String message) {
        super(message);
    }

    public SeatguardException(String message, Throwable cause) {
        super(message, cause);
    }
}
