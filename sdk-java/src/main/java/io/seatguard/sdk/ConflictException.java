package io.seatguard.sdk;

import java.util.List;

/**
 * The request conflicts with what is stored (409): a name already taken, a list a policy still names.
 * {@link AlreadyConsumedException} is the consume's own case.
 */
public class ConflictException extends SeatguardApiException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String type, String detail, List<FieldError> fieldErrors) {
        super(409, type, detail, fieldErrors);
    }
}
