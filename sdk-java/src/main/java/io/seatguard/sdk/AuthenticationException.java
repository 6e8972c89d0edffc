package io.seatguard.sdk;

import java.util.List;

/** The secret key is missing or wrong (401). */
public final class AuthenticationException extends SeatguardApiException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String type, String detail) {
        super(401, type, detail, List.of());
    }
}
