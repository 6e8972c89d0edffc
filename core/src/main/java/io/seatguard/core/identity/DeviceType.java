package io.seatguard.core.identity;

import java.util.Locale;

/** The device classes the seeds count separately (seed 000: computer, tablet and mobile device counts). */
public enum DeviceType {
    COMPUTER,
    TABLET,
    MOBILE,
    UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type a device stored as {@code stored} keeps once seen as {@code seen}: the first known reading
     * stays (one device's user agent can change its reading, a phone asking for the desktop site, and its
     * counts should not move with it), except that a computer seen as a tablet becomes one. That is the
     * reading {@link TouchMacs} and {@link AndroidDesktopSites} correct: an iPad, or an Android tablet
     * asking for the desktop site, stored as a computer before the SDK's touch points were read is one, and
     * a tablet's browser asking for the desktop site reads as a computer, never the reverse.
     */
    public static DeviceType kept(DeviceType stored, DeviceType seen) {
        return stored == UNKNOWN || (stored == COMPUTER && seen == TABLET) ? seen : stored;
    }

    public static DeviceType fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
