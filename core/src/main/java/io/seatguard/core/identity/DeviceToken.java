package io.seatguard.core.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One persistent token a device holds.
 *
 * @param createdAt when it was first shown
 * @param lastSeen its latest recorded sighting (exact to a day), absent for tokens stored before
 *     sightings were kept
 * @param deviceSeenAtJoin when its device had last been seen before this token joined it (exact to a
 *     minute), absent for a token that created its device and for tokens stored before this was kept
 */
public record DeviceToken(String tokenHash, Instant createdAt, Optional<Instant> lastSeen, Optional<Instant> deviceSeenAtJoin) {
    public DeviceToken {
        requireNonNull(tokenHash, "tokenHash is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(lastSeen, "lastSeen is null");
        requireNonNull(deviceSeenAtJoin, "deviceSeenAtJoin is null");
    }

    /** Whether it joined its device within {@code window} of the device's previous sighting. */
    public boolean joinedWithin(java.time.Duration window) {
        return deviceSeenAtJoin.map(seen -> !createdAt.isAfter(seen.plus(window))).orElse(false);
    }
}
