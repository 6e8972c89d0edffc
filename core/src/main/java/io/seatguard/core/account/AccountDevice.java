package io.seatguard.core.account;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.identity.DeviceType;
import java.time.Instant;
import java.util.Optional;

/**
 * A device as listed for one account (CONTRACT.md {@code GET /v3/users/{user}/devices}): its link to the
 * account and what the device row knows.
 *
 * @param lastCountry empty until IP intelligence locates the device's last address
 */
public record AccountDevice(
        String id, DeviceType type, LinkStatus status, Instant firstSeen, Instant lastSeen, String browser, String os, Optional<String> lastCountry) {
    public AccountDevice {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(status, "status is null");
        requireNonNull(firstSeen, "firstSeen is null");
        requireNonNull(lastSeen, "lastSeen is null");
        requireNonNull(browser, "browser is null");
        requireNonNull(os, "os is null");
        requireNonNull(lastCountry, "lastCountry is null");
    }
}
