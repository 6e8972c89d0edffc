package io.seatguard.core.history;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;

/**
 * An account's spread at a glance ({@code GET /v3/users/{user}}).
 *
 * @param deviceCount attached devices seen in the rolling 30 days
 * @param countries24h countries the account was placed in over the last 24 hours
 */
public record AccountSummary(String userId, Instant firstSeen, Instant lastSeen, int deviceCount, Set<String> countries24h) {
    public AccountSummary {
        requireNonNull(userId, "userId is null");
        requireNonNull(firstSeen, "firstSeen is null");
        requireNonNull(lastSeen, "lastSeen is null");
        countries24h = Set.copyOf(countries24h);
    }
}
