package io.seatguard.core.app;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A secret key replaced by a rotation that asked for an overlap: still accepted before {@code until}. */
public record PreviousSecret(StoredSecret secret, Instant until) {
    public PreviousSecret {
        requireNonNull(secret, "secret is null");
        requireNonNull(until, "until is null");
    }

    public boolean acceptedAt(Instant now) {
        return now.isBefore(until);
    }
}
