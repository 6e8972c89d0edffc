package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.ids.IdGenerator;
import io.seatguard.server.webhook.CachedSubscriptions;
import io.seatguard.server.webhook.WebhookTargets;
import io.seatguard.storage.SqlWebhooks;

/** What the webhook endpoints need, handed to {@link Routes} as one. */
public record WebhookServices(SqlWebhooks store, WebhookTargets targets, CachedSubscriptions subscriptions, IdGenerator ids) {
    public WebhookServices {
        requireNonNull(store, "store is null");
        requireNonNull(targets, "targets is null");
        requireNonNull(subscriptions, "subscriptions is null");
        requireNonNull(ids, "ids is null");
    }
}
