package io.seatguard.core.account;

import java.util.Locale;

/**
 * Whether a device is attached to an account, or was logged out of it (CONTRACT.md devices {@code status}).
 * The API tells only those two ({@link #apiName}); the store also keeps whether a logged-out device was
 * ever the account's.
 */
public enum LinkStatus {
    ATTACHED,
    /** Logged out after it was the account's. */
    DETACHED,
    /**
     * Logged out before it was ever let in: stopped at a challenge and refused there ("I am not the
     * owner") or by the owner, or a token separated from a logged-out device, whose new id carries the
     * logout. Still a new device to the account ({@code is_new_device}), or refusing it would let the next
     * login from it pass a policy on new devices (seed 003).
     */
    REFUSED;

    /** The name in the store. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name in the API: {@code attached} or {@code detached} (a refused device is logged out). */
    public String apiName() {
        return this == ATTACHED ? "attached" : "detached";
    }

    /** Logged out of the account: its next page view is told so. */
    public boolean loggedOut() {
        return this != ATTACHED;
    }

    public static LinkStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
