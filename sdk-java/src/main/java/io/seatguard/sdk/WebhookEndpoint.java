package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A webhook endpoint of the app ({@code /v3/webhooks}; docs/webhooks.md): a URL and the event types
 * Seatguard sends it, signed with the endpoint's secret.
 *
 * @param secret the signing secret ({@code whsec_…}), present only in the answer that made it: to
 *     {@link SeatguardClient#createWebhookEndpoint} and {@link SeatguardClient#rotateWebhookSecret}; keep it then, it is not shown again
 *     (nor in {@link #toString()}, which says only whether there is one)
 * @param previousSecretExpiresAt after a rotation, until when the previous secret still signs beside the new one; empty when the
 *     rotation stopped it at once
 * @param enabled whether Seatguard sends to it; a disabled endpoint gets no deliveries ({@link SeatguardClient#setWebhookEnabled}).
 *     True from a server too old to disable endpoints, which leaves the field out
 * @param disabledReason {@code manual} or {@code failing} (its tries failed for 5 days with no 2xx between); empty while enabled
 * @param disabledAt when it was disabled; empty while enabled
 * @param failingSince when the first try that failed since the last 2xx started; empty when the last try succeeded
 */
public record WebhookEndpoint(String id, String url, List<String> events, Instant createdAt, Optional<String> secret, Optional<Instant> previousSecretExpiresAt,
        boolean enabled, Optional<String> disabledReason, Optional<Instant> disabledAt, Optional<Instant> failingSince) {
    static WebhookEndpoint of(JsonNode json) {
        List<String> events = new ArrayList<>();
        json.path("events").forEach(event -> events.add(event.asText()));
        return new WebhookEndpoint(AnswerFields.text(json, "id", "a webhook endpoint"), json.path("url").asText(), List.copyOf(events), AnswerFields.instant(json, "created_at", "a webhook endpoint"),
                Optional.ofNullable(json.path("secret").textValue()),
                AnswerFields.optionalInstant(json, "previous_secret_expires_at", "a webhook endpoint"), enabled(json),
                Optional.ofNullable(json.path("disabled_reason").textValue()), AnswerFields.optionalInstant(json, "disabled_at", "a webhook endpoint"),
                AnswerFields.optionalInstant(json, "failing_since", "a webhook endpoint"));
    }

    /** Left out by a server that cannot disable endpoints: enabled. Anything but a boolean is no answer of Seatguard's. */
    private static boolean enabled(JsonNode json) {
        JsonNode value = json.path("enabled");
        if (value.isMissingNode()) {
            return true;
        }
        if (!value.isBoolean()) {
            throw new SeatguardException(ForeignAnswer.shape("enabled that is not a boolean", "a webhook endpoint"));
        }
        return value.booleanValue();
    }

    /**
     * As a record's, but the secret only as {@code (hidden)} or {@code none}: a backend logging the
     * endpoint it just made or rotated must not write into its logs what lets anyone forge its webhooks.
     * The URL's query is hidden likewise: receivers that check a token of their own take it there
     * ({@code …/hooks?token=…}).
     */
    @Override
    public String toString() {
        return "WebhookEndpoint[id=" + id + ", url=" + Redacted.query(url) + ", events=" + events + ", createdAt=" + createdAt
                + ", secret=" + (secret.isPresent() ? "(hidden)" : "none") + ", previousSecretExpiresAt=" + previousSecretExpiresAt + ", enabled=" + enabled
                + ", disabledReason=" + disabledReason + ", disabledAt=" + disabledAt + ", failingSince=" + failingSince + "]";
    }
}
