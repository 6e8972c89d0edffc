package io.seatguard.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** Who the evaluation is about, as the integrator named them. */
public record UserRef(Optional<String> id, Optional<String> email, Optional<String> phone) {
    public UserRef {
        requireNonNull(id, "id is null");
        requireNonNull(email, "email is null");
        requireNonNull(phone, "phone is null");
    }
}
