package io.seatguard.sdk;

import java.util.List;

/** No such evaluation, challenge, account or device in this app (404). */
public final class NotFoundException extends SeatguardApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String type, String detail) {
        super(404, type, detail, List.of());
    }
}
