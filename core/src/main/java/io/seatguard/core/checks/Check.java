package io.seatguard.core.checks;

import java.util.OptionalLong;

/**
 * A named fact about an evaluation (CONTRACT.md {@code checks}). Written once and read by scoring,
 * policies, history and the dashboard. Implementations are pure: same inputs, same value.
 */
public interface Check {
    /** The wire name, e.g. {@code is_new_device}. */
    String name();

    CheckType type();

    /** A {@link Boolean}, {@link Long} or {@link String} according to {@link #type()}. */
    Object evaluate(CheckInputs inputs);

    /**
     * The highest value a number check reports, when it stops counting there (a count that reached it
     * reads "at least this many"); empty for a check that counts on. Policies are validated against it,
     * so a condition cannot compare with a number the count can no longer tell apart.
     */
    default OptionalLong limit() {
        return OptionalLong.empty();
    }
}
