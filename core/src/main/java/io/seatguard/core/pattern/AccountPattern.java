package io.seatguard.core.pattern;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A flagged account (CONTRACT.md "Patterns"): its level only ever rises; the value and last-seen move.
 *
 * @param currentValue the latest value observed at or above the suspicious threshold (occurrences, for a counter)
 */
public record AccountPattern(String userId, PatternKind kind, PatternLevel level, long currentValue, Instant firstDetected, Instant lastSeen) {
    public AccountPattern {
        requireNonNull(userId, "userId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(level, "level is null");
        requireNonNull(firstDetected, "firstDetected is null");
        requireNonNull(lastSeen, "lastSeen is null");
    }
}
