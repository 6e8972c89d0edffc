package io.seatguard.core.account;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.identity.DeviceType;
import java.time.Instant;

/**
 * A device as seen from one account: when the account first and last used it, and whether it is still attached.
 *
 * @param vouched whether an evaluation whose account was vouched for (server mode or a signed identity), or
 *     a challenge such an evaluation opened, attached it; false when only unsigned browser calls, whose
 *     account is the caller's word, did. A vouched evaluation reads an unvouched link as a new device.
 */
public record LinkedDevice(String deviceId, DeviceType type, LinkStatus status, Instant firstSeen, Instant lastSeen, boolean vouched) {
    /** A vouched link (as links stored before links kept whether they were). */
    public LinkedDevice(String deviceId, DeviceType type, LinkStatus status, Instant firstSeen, Instant lastSeen) {
        this(deviceId, type, status, firstSeen, lastSeen, true);
    }

    public LinkedDevice {
        requireNonNull(deviceId, "deviceId is null");
        requireNonNull(type, "type is null");
        requireNonNull(status, "status is null");
        requireNonNull(firstSeen, "firstSeen is null");
        requireNonNull(lastSeen, "lastSeen is null");
    }
}
