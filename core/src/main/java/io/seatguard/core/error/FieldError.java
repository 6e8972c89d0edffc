package io.seatguard.core.error;

import static java.util.Objects.requireNonNull;

/**
 * One fault in a request, named by the path of the field (e.g. {@code device.components.gpu}) and a
 * reason a person can act on.
 */
public record FieldError(String field, String message) {
    public FieldError {
        requireNonNull(field, "field is null");
        requireNonNull(message, "message is null");
    }
}
