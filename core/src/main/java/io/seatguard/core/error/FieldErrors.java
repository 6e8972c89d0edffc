package io.seatguard.core.error;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every fault of a request before failing, so a client learns all of them in one answer
 * rather than one per round trip.
 */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** Throws {@link SeatguardException} with {@link ErrorCode#INVALID_INPUT} if anything was added. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw SeatguardException.invalid(list());
        }
    }
}
