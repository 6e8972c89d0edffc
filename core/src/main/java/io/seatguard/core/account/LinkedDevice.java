package io.seatguard.core.account;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.identity.DeviceType;
import java.time.Instant;

/** A device as seen from one account: when the account first and last used it, and whether it is still attached. */
public record LinkedDevice(String deviceId, DeviceType type, LinkStatus status, Instant firstSeen, Instant lastSeen) {
    public LinkedDevice {
        requireNonNull(deviceId, "deviceId is null");
        requireNonNull(type, "type is null");
        requireNonNull(status, "status is null");
        requireNonNull(firstSeen, "firstSeen is null");
        requireNonNull(lastSeen, "lastSeen is null");
    }
}
