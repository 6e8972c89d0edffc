package io.seatguard.core.challenge;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The limits a verification challenge runs under.
 *
 * @param maxAttempts wrong codes allowed before the challenge fails
 * @param resendCooldown the least time between two codes sent for one challenge
 * @param maxSends the most codes one challenge sends
 * @param codeLifetime how long a code is taken after it was sent (never past the challenge's expiry): a
 *     challenge may live up to 24 hours, and a code that lived as long was a day's chance for whoever
 *     reads the person's messages, while the message itself promised 10 minutes
 */
public record ChallengeRules(int maxAttempts, Duration resendCooldown, int maxSends, Duration codeLifetime) {
    public static final Duration DEFAULT_CODE_LIFETIME = Duration.ofMinutes(10);
    public static final ChallengeRules DEFAULTS = new ChallengeRules(5, Duration.ofSeconds(30), 5, DEFAULT_CODE_LIFETIME);

    /** With the default code lifetime. */
    public ChallengeRules(int maxAttempts, Duration resendCooldown, int maxSends) {
        this(maxAttempts, resendCooldown, maxSends, DEFAULT_CODE_LIFETIME);
    }

    public ChallengeRules {
        if (maxAttempts < 1 || maxSends < 1) {
            throw new IllegalArgumentException("maxAttempts and maxSends must be positive");
        }
        requireNonNull(resendCooldown, "resendCooldown is null");
        requireNonNull(codeLifetime, "codeLifetime is null");
        if (codeLifetime.isNegative() || codeLifetime.isZero()) {
            throw new IllegalArgumentException("codeLifetime must be positive");
        }
    }
}
