package io.seatguard.core.evaluation;

import java.util.Optional;

/**
 * Anonymity flags (CONTRACT.md {@code detection_flags}). Each is empty while no source has judged it:
 * "we did not look" must not read as "we looked and it is clean".
 */
public record DetectionFlags(
        Optional<Boolean> vpn,
        Optional<Boolean> proxy,
        Optional<Boolean> tor,
        Optional<Boolean> hosting,
        Optional<Boolean> relay,
        Optional<Boolean> ipMismatch,
        Optional<Boolean> timezoneMismatch) {
    public static final DetectionFlags UNKNOWN = new DetectionFlags(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
