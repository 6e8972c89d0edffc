package io.seatguard.core.challenge;

import java.util.Locale;

/**
 * Where a challenge stands (CONTRACT.md "Challenges"). {@code created → presented → code_sent →
 * verified → completed} for a verification; a device-limit challenge goes from {@code presented}
 * straight to {@code completed}. {@code failed}, {@code expired} and {@code overridden} end it.
 */
public enum ChallengeStatus {
    CREATED,
    PRESENTED,
    CODE_SENT,
    VERIFIED,
    COMPLETED,
    FAILED,
    EXPIRED,
    OVERRIDDEN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether nothing more can happen to the challenge. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == EXPIRED || this == OVERRIDDEN;
    }
}
