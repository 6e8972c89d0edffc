package io.seatguard.core.identity;

import static java.util.Objects.requireNonNull;

/** What a user-agent string says about the device: its class and a short browser and OS name. */
public record UserAgentInfo(DeviceType type, String browser, String os) {
    public static final UserAgentInfo UNKNOWN = new UserAgentInfo(DeviceType.UNKNOWN, "unknown", "unknown");

    public UserAgentInfo {
        requireNonNull(type, "type is null");
        requireNonNull(browser, "browser is null");
        requireNonNull(os, "os is null");
    }
}
