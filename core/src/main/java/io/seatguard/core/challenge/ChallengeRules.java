package io.seatguard.core.challenge;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The limits a verification challenge runs under.
 *
 * @param maxAttempts wrong codes allowed before the challenge fails
 * @param resendCooldown the least time between two codes sent for one challenge
 * @param maxSends the most codes one challenge sends
 */
public record ChallengeRules(int maxAttempts, Duration resendCooldown, int maxSends) {
    public static final ChallengeRules DEFAULTS = new ChallengeRules(5, Duration.ofSeconds(30), 5);

    public ChallengeRules {
        if (maxAttempts < 1 || maxSends < 1) {
            throw new IllegalArgumentException("maxAttempts and maxSends must be positive");
        }
        requireNonNull(resendCooldown, "resendCooldown is null");
    }
}
