package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One message to one webhook endpoint and how its delivery went.
 *
 * @param status {@code pending} (a try is due at {@link #nextAttemptAt}), {@code delivered} or {@code failed} (given up)
 * @param tries the latest tries, newest first; empty in {@link SeatguardClient#webhookDeliveries}, which lists without them
 */
public record WebhookDelivery(String messageId, String eventType, String status, int attempts, Optional<Instant> nextAttemptAt,
        OptionalInt lastStatusCode, Optional<String> lastError, Optional<Instant> lastAttemptAt, Instant createdAt, List<Try> tries) {

    /** One try: the receiver's HTTP status, or what went wrong before one came. */
    public record Try(int attempt, Instant at, OptionalInt statusCode, Optional<String> error, Duration took) {}

    static WebhookDelivery of(JsonNode json) {
        List<Try> tries = new ArrayList<>();
        json.path("tries").forEach(one -> tries.add(new Try(one.path("attempt").asInt(), AnswerFields.instant(one, "at", "a delivery's try"), status(one.path("status_code")),
                Optional.ofNullable(one.path("error").textValue()), Duration.ofMillis(one.path("duration_ms").asLong()))));
        return new WebhookDelivery(AnswerFields.text(json, "message_id", "a webhook delivery"), json.path("event_type").asText(), json.path("status").asText(),
                json.path("attempts").asInt(), AnswerFields.optionalInstant(json, "next_attempt_at", "a webhook delivery"), status(json.path("last_status_code")),
                Optional.ofNullable(json.path("last_error").textValue()), AnswerFields.optionalInstant(json, "last_attempt_at", "a webhook delivery"), AnswerFields.instant(json, "created_at", "a webhook delivery"),
                List.copyOf(tries));
    }

    private static OptionalInt status(JsonNode node) {
        return node.isInt() ? OptionalInt.of(node.intValue()) : OptionalInt.empty();
    }
}
