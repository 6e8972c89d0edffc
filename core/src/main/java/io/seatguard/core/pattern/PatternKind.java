package io.seatguard.core.pattern;

import java.util.Arrays;
import java.util.Optional;

/** The spreads of an account over time that seed 002 lists (CONTRACT.md "Patterns"). */
public enum PatternKind {
    /** Distinct devices in the rolling 30 days ({@code device_count}). */
    MANY_DEVICES("many_devices", false),
    /** Distinct countries in 24 hours, by the real network's country ({@code country_count_24h}). */
    MULTIPLE_COUNTRIES("multiple_countries", false),
    /** An established account seen on a new device from a new country together; counts occurrences. */
    NEW_DEVICE_NEW_COUNTRY("new_device_new_country", true),
    /** One device used by many accounts: the accounts linked to the device ({@code device_user_count}). */
    MANY_ACCOUNTS_ON_DEVICE("many_accounts_on_device", false);

    private final String wireName;
    private final boolean counter;

    PatternKind(String wireName, boolean counter) {
        this.wireName = wireName;
        this.counter = counter;
    }

    public String wireName() {
        return wireName;
    }

    /** A counter adds one per occurrence; the others keep the latest value seen. */
    public boolean isCounter() {
        return counter;
    }

    public static Optional<PatternKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
