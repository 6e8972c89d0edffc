package io.seatguard.core.webhook;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An event to deliver to an app's subscribed endpoints, written in the same transaction as the change
 * it reports (a transactional outbox), so a committed change is never left unreported and an event is
 * never sent for a change that rolled back.
 *
 * @param userId the account the event concerns, so erasing the account erases its pending events
 * @param data the event's {@code data} object: ids and the few facts a receiver acts on; the full
 *     record is one API call away
 */
public record OutboxEvent(String appId, WebhookEventType type, Optional<String> userId, Map<String, Object> data, Instant at) {
    public OutboxEvent {
        requireNonNull(appId, "appId is null");
        requireNonNull(type, "type is null");
        requireNonNull(userId, "userId is null");
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        requireNonNull(at, "at is null");
    }
}
