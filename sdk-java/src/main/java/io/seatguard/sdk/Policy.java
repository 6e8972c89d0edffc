package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy of the app ({@code /v3/policies}; docs/policies.md): when its conditions hold for an
 * evaluation of one of its actions, its verdict is the answer. The conditions, challenge and notices
 * are in {@link #raw()} as Seatguard returned them, ready to be sent back changed.
 *
 * @param mode {@code enforce}, or {@code monitor} (recorded, not answered)
 * @param refusedNow the faults today's settings find in this stored policy ({@code field}, {@code message}); empty when it would be accepted now
 */
public record Policy(String id, String name, List<String> actions, String verdict, String mode, boolean enabled, int priority,
        List<SeatguardApiException.FieldError> refusedNow, Instant createdAt, Instant updatedAt, JsonNode raw) {
    static Policy of(JsonNode json) {
        List<String> actions = new ArrayList<>();
        json.path("actions").forEach(action -> actions.add(action.asText()));
        List<SeatguardApiException.FieldError> refused = new ArrayList<>();
        json.path("refused_now").forEach(fault -> refused.add(new SeatguardApiException.FieldError(fault.path("field").asText(), fault.path("message").asText())));
        return new Policy(AnswerFields.text(json, "id", "a policy"), json.path("name").asText(), List.copyOf(actions), json.path("verdict").asText(), json.path("mode").asText(),
                json.path("enabled").asBoolean(), json.path("priority").asInt(), List.copyOf(refused), AnswerFields.instant(json, "created_at", "a policy"),
                AnswerFields.instant(json, "updated_at", "a policy"), json);
    }

    /**
     * As a record's, but without the personal data an app's log must not keep ({@link Redacted}):
     * the raw document (its conditions may name addresses, emails or accounts) by its size.
     */
    @Override
    public String toString() {
        return "Policy[id=" + id + ", name=" + name + ", actions=" + actions + ", verdict=" + verdict + ", mode=" + mode + ", enabled=" + enabled + ", priority=" + priority
                + ", refusedNow=" + refusedNow + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + ", raw=" + Redacted.json(raw) + "]";
    }
}
