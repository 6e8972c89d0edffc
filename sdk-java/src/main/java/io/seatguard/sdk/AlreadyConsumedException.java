package io.seatguard.sdk;

import java.util.List;

/** The evaluation was consumed before (409): a replay, never a login to open. */
public final class AlreadyConsumedException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public AlreadyConsumedException(String type, String detail) {
        super(type, detail, List.of());
    }
}
