package io.seatguard.core.identity;

import static java.util.Objects.requireNonNull;

/**
 * What a user-agent string says about the device: its class, a short browser and OS name, the browser's
 * major version ({@link #UNKNOWN_VERSION} when the agent does not say), and whether the parser read it as
 * a browser inside an app ({@code inApp}: a web view, or an app's own browser such as Instagram's), which
 * only words addressed to a person use ("an app on iOS").
 */
public record UserAgentInfo(DeviceType type, String browser, String os, int browserMajor, boolean inApp) {
    public static final int UNKNOWN_VERSION = 0;
    public static final UserAgentInfo UNKNOWN = new UserAgentInfo(DeviceType.UNKNOWN, "unknown", "unknown");

    /** An agent whose browser version is not known. */
    public UserAgentInfo(DeviceType type, String browser, String os) {
        this(type, browser, os, UNKNOWN_VERSION);
    }

    /** A browser's agent, not one inside an app. */
    public UserAgentInfo(DeviceType type, String browser, String os, int browserMajor) {
        this(type, browser, os, browserMajor, false);
    }

    public UserAgentInfo {
        if (browserMajor < 0) {
            throw new IllegalArgumentException("browserMajor must not be negative: " + browserMajor);
        }
        requireNonNull(type, "type is null");
        requireNonNull(browser, "browser is null");
        requireNonNull(os, "os is null");
    }
}
