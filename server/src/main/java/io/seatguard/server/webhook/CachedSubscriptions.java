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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Which event types each app's endpoints want, read from the database at most every two seconds and
 * at once after a change through this node. An endpoint created on another node may miss the events
 * of its first two seconds. Disabled endpoints are left out.
 *
 * <p>"At once" holds against a read already under way when the change is made: each snapshot carries the
 * generation it was read under, {@link #forget} moves the generation on, and a snapshot of an earlier
 * generation is never answered from again, even if its read finished (and was stored) after the change.
 * Otherwise that read would put the old endpoints back for two seconds, and an endpoint just created
 * here would miss their events.
 */
public final class CachedSubscriptions implements WebhookSubscriptions {
    static final Duration MAX_AGE = Duration.ofSeconds(2);

    private record Snapshot(Map<String, Set<WebhookEventType>> byApp, Instant loadedAt, long generation) {}

    private final Supplier<List<WebhookEndpoint>> endpoints;
    private final InstantSource clock;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    public CachedSubscriptions(SqlWebhooks webhooks, InstantSource clock) {
        this(requireNonNull(webhooks, "webhooks is null")::all, clock);
    }

    CachedSubscriptions(Supplier<List<WebhookEndpoint>> endpoints, InstantSource clock) {
        this.endpoints = requireNonNull(endpoints, "endpoints is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public boolean wants(String appId, WebhookEventType type) {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.generation() != generation.get() || !now.isBefore(current.loadedAt().plus(MAX_AGE))) {
            current = load(now);
        }
        return current.byApp().getOrDefault(appId, Set.of()).contains(type);
    }

    /** After a change made through this node (called once the change is committed). */
    public void forget() {
        generation.incrementAndGet();
    }

    private Snapshot load(Instant now) {
        // The generation before the read: a change committed after this point moves it on.
        long readUnder = generation.get();
        Map<String, Set<WebhookEventType>> byApp = new HashMap<>();
        // A disabled endpoint wants nothing; the outbox writes it no delivery anyway (SqlOutbox), this only
        // spares the app's events a message no endpoint will get.
        for (WebhookEndpoint endpoint : endpoints.get()) {
            if (!endpoint.health().enabled()) {
                continue;
            }
            byApp.computeIfAbsent(endpoint.appId(), app -> EnumSet.noneOf(WebhookEventType.class)).addAll(endpoint.events());
        }
        Snapshot loaded = new Snapshot(byApp, now, readUnder);
        snapshot = loaded;
        return loaded;
    }
}
