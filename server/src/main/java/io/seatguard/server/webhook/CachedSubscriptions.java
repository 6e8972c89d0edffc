package io.seatguard.server.webhook;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.webhook.WebhookEndpoint;
import io.seatguard.core.webhook.WebhookEventType;
import io.seatguard.core.webhook.WebhookSubscriptions;
import io.seatguard.storage.SqlWebhooks;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which event types each app's endpoints want, read from the database at most every two seconds and
 * at once after a change through this node. An endpoint created on another node may miss the events
 * of its first two seconds.
 */
public final class CachedSubscriptions implements WebhookSubscriptions {
    static final Duration MAX_AGE = Duration.ofSeconds(2);

    private record Snapshot(Map<String, Set<WebhookEventType>> byApp, Instant loadedAt) {}

    private final SqlWebhooks webhooks;
    private final InstantSource clock;
    private volatile Snapshot snapshot;

    public CachedSubscriptions(SqlWebhooks webhooks, InstantSource clock) {
        this.webhooks = requireNonNull(webhooks, "webhooks is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public boolean wants(String appId, WebhookEventType type) {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.loadedAt().plus(MAX_AGE))) {
            current = load(now);
        }
        return current.byApp().getOrDefault(appId, Set.of()).contains(type);
    }

    /** After a change made through this node. */
    public void forget() {
        snapshot = null;
    }

    private Snapshot load(Instant now) {
        Map<String, Set<WebhookEventType>> byApp = new HashMap<>();
        for (WebhookEndpoint endpoint : webhooks.all()) {
            byApp.computeIfAbsent(endpoint.appId(), app -> EnumSet.noneOf(WebhookEventType.class)).addAll(endpoint.events());
        }
        Snapshot loaded = new Snapshot(byApp, now);
        snapshot = loaded;
        return loaded;
    }
}
