package io.seatguard.core.webhook;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One message to one endpoint, and how its tries went.
 *
 * @param status {@code pending}, {@code delivered} or {@code failed} (every retry used up)
 */
public record Delivery(
        String messageId,
        String endpointId,
        String eventType,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Optional<Integer> lastStatusCode,
        Optional<String> lastError,
        Optional<Instant> lastAttemptAt,
        Instant createdAt) {
    public Delivery {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(endpointId, "endpointId is null");
        requireNonNull(eventType, "eventType is null");
        requireNonNull(status, "status is null");
        requireNonNull(nextAttemptAt, "nextAttemptAt is null");
        requireNonNull(lastStatusCode, "lastStatusCode is null");
        requireNonNull(lastError, "lastError is null");
        requireNonNull(lastAttemptAt, "lastAttemptAt is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
