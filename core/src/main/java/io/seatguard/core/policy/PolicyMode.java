package io.seatguard.core.policy;

import java.util.Arrays;
import java.util.Optional;

/** Whether a matching policy decides the verdict ({@code enforce}) or only records what it would have done ({@code monitor}). */
public enum PolicyMode {
    ENFORCE("enforce"),
    MONITOR("monitor");

    private final String wireName;

    PolicyMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PolicyMode> fromWireName(String name) {
        return Arrays.stream(values()).filter(mode -> mode.wireName.equals(name)).findFirst();
    }
}
