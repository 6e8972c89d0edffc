package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** The challenge an evaluation opened (CONTRACT.md {@code challenge}). */
public record ChallengeRef(String id, String type, String status, Instant expiresAt) {
    public ChallengeRef {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(status, "status is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }
}
