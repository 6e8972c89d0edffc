package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/** One of an account's devices ({@code GET /v3/users/{user}/devices}). */
public record Device(String id, String type, String status, Instant lastSeen, Optional<Boolean> activelyConnected, String browser, String os,
        Optional<String> lastCountry) {
    static Device of(JsonNode json) {
        JsonNode connected = json.path("actively_connected");
        return new Device(AnswerFields.text(json, "id", "a device"), json.path("type").asText(), json.path("status").asText(), AnswerFields.instant(json, "last_seen", "a device"),
                connected.isBoolean() ? Optional.of(connected.booleanValue()) : Optional.empty(), json.path("info").path("browser").asText(),
                json.path("info").path("os").asText(), Evaluation.text(json.path("last_country")));
    }
}
