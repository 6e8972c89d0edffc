package io.seatguard.core.evaluation;

import java.util.Locale;

/** What the integrating app should do with a request (CONTRACT.md). */
public enum Verdict {
    ALLOW,
    DENY,
    CHALLENGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
