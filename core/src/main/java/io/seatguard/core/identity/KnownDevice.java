package io.seatguard.core.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A device as the store knows it: its durable id within an app, its class, and when it was first and last seen. */
public record KnownDevice(String id, DeviceType type, String browser, String os, Instant firstSeen, Instant lastSeen) {
    public KnownDevice {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(browser, "browser is null");
        requireNonNull(os, "os is null");
        requireNonNull(firstSeen, "firstSeen is null");
        requireNonNull(lastSeen, "lastSeen is null");
    }
}
