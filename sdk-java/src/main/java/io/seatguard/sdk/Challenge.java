package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A challenge as {@code GET /v3/challenges/{id}} answers it. */
public record Challenge(String id, String evaluationId, String type, String status, Instant expiresAt, JsonNode raw) {
    static Challenge of(JsonNode json) {
        return new Challenge(AnswerFields.text(json, "id", "a challenge"), json.path("evaluation_id").asText(), json.path("type").asText(), json.path("status").asText(),
                AnswerFields.instant(json, "expires_at", "a challenge"), json);
    }

    /**
     * As a record's, but without the personal data an app's log must not keep ({@link Redacted}):
     * the raw JSON (it may say where a code went) by its size.
     */
    @Override
    public String toString() {
        return "Challenge[id=" + id + ", evaluationId=" + evaluationId + ", type=" + type + ", status=" + status + ", expiresAt=" + expiresAt + ", raw=" + Redacted.json(raw) + "]";
    }
}
