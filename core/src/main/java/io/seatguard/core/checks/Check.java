package io.seatguard.core.checks;

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
}
