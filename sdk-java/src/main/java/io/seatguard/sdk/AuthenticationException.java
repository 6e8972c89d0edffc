package io.seatguard.sdk;

import java.util.List;

/**
 * The secret key is missing or wrong (401); {@link #fieldErrors()} names the header and why, as Seatguard
 * answered it (e.g. {@code Authorization}: {@code is not a secret key of any app}).
 */
public final class AuthenticationException extends SeatguardApiException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String type, String detail) {
        this(type, detail, List.of());
    }

    public AuthenticationException(String type, String detail, List<FieldError> fieldErrors) {
        super(401, type, detail, fieldErrors);
    }
}
