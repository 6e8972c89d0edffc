package io.seatguard.sdk;

import java.util.List;

/** The request was refused as invalid (400); {@link #fieldErrors()} names each fault. */
public final class InvalidRequestException extends SeatguardApiException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String type, String detail, List<FieldError> fieldErrors) {
        super(400, type, detail, fieldErrors);
    }
}
