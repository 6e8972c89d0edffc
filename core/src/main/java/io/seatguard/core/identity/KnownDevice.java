package io.seatguard.core.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A device as the store knows it: its durable id within an app, its class and when it was first seen. */
public record KnownDevice(String id, DeviceType type, String browser, String os, Instant firstSeen) {
    public KnownDevice {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(browser, "browser is null");
        requireNonNull(os, "os is null");
        requireNonNull(firstSeen, "firstSeen is null");
    }
}
