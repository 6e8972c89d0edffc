package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A flagged account ({@code GET /v3/patterns}). */
public record Pattern(String user, String pattern, String level, long currentValue, Instant firstDetected, Instant lastSeen) {
    static Pattern of(JsonNode json) {
        return new Pattern(AnswerFields.text(json, "user", "a flagged account"), json.path("pattern").asText(), json.path("level").asText(), json.path("current_value").asLong(),
                AnswerFields.instant(json, "first_detected", "a flagged account"), AnswerFields.instant(json, "last_seen", "a flagged account"));
    }

    /**
     * As a record's, but without the personal data an app's log must not keep ({@link Redacted}):
     * the account id only as {@code (set)}.
     */
    @Override
    public String toString() {
        return "Pattern[user=" + Redacted.present(user) + ", pattern=" + pattern + ", level=" + level + ", currentValue=" + currentValue + ", firstDetected=" + firstDetected
                + ", lastSeen=" + lastSeen + "]";
    }
}
