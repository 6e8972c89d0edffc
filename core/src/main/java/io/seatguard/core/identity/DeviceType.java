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

    public static DeviceType fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
