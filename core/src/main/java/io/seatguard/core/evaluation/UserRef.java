package io.seatguard.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Who the evaluation is about, as the integrator named them.
 *
 * @param identity how that naming came to be believed; empty for evaluations recorded before it was kept
 */
public record UserRef(Optional<String> id, Optional<String> email, Optional<String> phone, Optional<IdentityProof> identity) {
    public UserRef(Optional<String> id, Optional<String> email, Optional<String> phone) {
        this(id, email, phone, Optional.empty());
    }

    public UserRef {
        requireNonNull(id, "id is null");
        requireNonNull(email, "email is null");
        requireNonNull(phone, "phone is null");
        requireNonNull(identity, "identity is null");
    }
}
