package io.seatguard.core.webhook;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where an app's events go.
 *
 * @param previousSecret the secret before the last rotation, still signing until {@code previousExpiresAt}
 */
public record WebhookEndpoint(
        String id,
        String appId,
        String url,
        List<WebhookEventType> events,
        String secret,
        Optional<String> previousSecret,
        Optional<Instant> previousExpiresAt,
        Instant createdAt) {
    public WebhookEndpoint {
        requireNonNull(id, "id is null");
        requireNonNull(appId, "appId is null");
        requireNonNull(url, "url is null");
        events = List.copyOf(events);
        requireNonNull(secret, "secret is null");
        requireNonNull(previousSecret, "previousSecret is null");
        requireNonNull(previousExpiresAt, "previousExpiresAt is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** The secrets that sign a message sent at {@code at}: the current one, and the previous one while it overlaps. */
    public List<String> signingSecrets(Instant at) {
        if (previousSecret.isPresent() && previousExpiresAt.map(at::isBefore).orElse(false)) {
            return List.of(secret, previousSecret.get());
        }
        return List.of(secret);
    }
}
