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
 * @param vouched whether a vouched evaluation (or a challenge it opened) attached the link
 *     ({@link LinkedDevice#vouched}): only such links count towards a vouched evaluation's device limit
 */
public record AccountDevice(
        String id, DeviceType type, LinkStatus status, Instant firstSeen, Instant lastSeen, String browser, String os, Optional<String> lastCountry,
        boolean vouched) {
    /** A vouched link (as links stored before links kept whether they were). */
    public AccountDevice(String id, DeviceType type, LinkStatus status, Instant firstSeen, Instant lastSeen, String browser, String os,
            Optional<String> lastCountry) {
        this(id, type, status, firstSeen, lastSeen, browser, os, lastCountry, true);
    }

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
