package io.seatguard.core.history;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.identity.DeviceType;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * An account's spread at a glance ({@code GET /v3/users/{user}}).
 *
 * @param deviceCount attached devices seen in the rolling 30 days
 * @param countries24h countries the account was placed in over the last 24 hours
 * @param letInByType the account's devices ever let in (attached, or logged out after they were), all of
 *     them, by type: what {@link PeopleEstimate#allTime} is judged on. Counted in the store, not taken from
 *     the device list, which stops at its most recent links and looks up each one's last country.
 */
public record AccountSummary(String userId, Instant firstSeen, Instant lastSeen, int deviceCount, Set<String> countries24h,
        Map<DeviceType, Integer> letInByType) {
    public AccountSummary {
        requireNonNull(userId, "userId is null");
        requireNonNull(firstSeen, "firstSeen is null");
        requireNonNull(lastSeen, "lastSeen is null");
        countries24h = Set.copyOf(countries24h);
        letInByType = Map.copyOf(letInByType);
    }
}
