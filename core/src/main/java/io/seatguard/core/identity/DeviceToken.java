package io.seatguard.core.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One persistent token a device holds: its hash, when it was first shown, and its latest recorded
 * sighting (exact to a day, and absent for tokens stored before sightings were kept).
 */
public record DeviceToken(String tokenHash, Instant createdAt, Optional<Instant> lastSeen) {
    public DeviceToken {
        requireNonNull(tokenHash, "tokenHash is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(lastSeen, "lastSeen is null");
    }
}
