package io.seatguard.sdk;

import java.util.List;

/**
 * The request was refused as invalid (400); {@link #fieldErrors()} names each fault. The client also
 * throws it, before sending anything and without a {@link #requestId()}, for an account id no account
 * can have (blank, over 256 characters, {@code .} or {@code ..}), with the words the server would use.
 */
public final class InvalidRequestException extends SeatguardApiException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String type, String detail, List<FieldError> fieldErrors) {
        super(400, type, detail, fieldErrors);
    }
}
