package io.seatguard.core.account;

import java.util.Locale;

/** Whether a device is attached to an account, or was logged out of it (CONTRACT.md devices {@code status}). */
public enum LinkStatus {
    ATTACHED,
    DETACHED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LinkStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
