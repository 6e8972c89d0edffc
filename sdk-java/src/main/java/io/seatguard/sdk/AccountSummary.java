package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An account at a glance ({@code GET /v3/users/{user}}).
 *
 * @param deviceCount attached devices seen in the rolling 30 days
 * @param countries24h countries the account was placed in over the last 24 hours
 * @param patterns the sharing patterns it is flagged for
 * @param peopleAllTime an estimate of the people who have used it (docs/patterns.md), not a count
 * @param peopleActive the same for those active now; empty when presence could not be read
 */
public record AccountSummary(String id, Instant firstSeen, Instant lastSeen, int deviceCount, List<String> countries24h, List<Pattern> patterns,
        int peopleAllTime, Optional<Integer> peopleActive, JsonNode raw) {
    static AccountSummary of(JsonNode json) {
        List<String> countries = new ArrayList<>();
        json.path("countries_24h").forEach(country -> countries.add(country.asText()));
        List<Pattern> patterns = new ArrayList<>();
        json.path("patterns").forEach(pattern -> patterns.add(Pattern.of(pattern)));
        JsonNode people = json.path("people_estimate");
        return new AccountSummary(AnswerFields.text(json, "id", "an account"), AnswerFields.instant(json, "first_seen", "an account"),
                AnswerFields.instant(json, "last_seen", "an account"),
                json.path("device_count").asInt(), List.copyOf(countries), List.copyOf(patterns), people.path("all_time").asInt(),
                people.path("active").isInt() ? Optional.of(people.path("active").intValue()) : Optional.empty(), json);
    }

    /**
     * As a record's, but without the personal data an app's log must not keep ({@link Redacted}):
     * the account id only as {@code (set)}, the raw JSON by its size.
     */
    @Override
    public String toString() {
        return "AccountSummary[id=" + Redacted.present(id) + ", firstSeen=" + firstSeen + ", lastSeen=" + lastSeen + ", deviceCount=" + deviceCount
                + ", countries24h=" + countries24h + ", patterns=" + patterns + ", peopleAllTime=" + peopleAllTime + ", peopleActive=" + peopleActive
                + ", raw=" + Redacted.json(raw) + "]";
    }
}
