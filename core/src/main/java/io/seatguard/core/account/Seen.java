package io.seatguard.core.account;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** When something was first and last seen for an account (an IP, a fingerprint, the account itself). */
public record Seen(Instant first, Instant last) {
    public Seen {
        requireNonNull(first, "first is null");
        requireNonNull(last, "last is null");
    }
}
