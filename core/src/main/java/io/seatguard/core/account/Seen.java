package io.seatguard.core.account;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * When something was first and last seen for an account (an IP, a fingerprint, the account itself).
 *
 * @param vouched an evaluation vouched for (server mode, signed identity) showed it for the account: kept
 *     for fingerprints ({@code fingerprint_user_count} in a vouched evaluation counts only those), false
 *     for the account and its IPs, which do not keep it
 */
public record Seen(Instant first, Instant last, boolean vouched) {
    public Seen {
        requireNonNull(first, "first is null");
        requireNonNull(last, "last is null");
    }

    /** Seen by evaluations not known to be vouched for. */
    public Seen(Instant first, Instant last) {
        this(first, last, false);
    }
}
