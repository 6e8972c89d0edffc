package io.seatguard.core.webhook;

/**
 * Port: whether any endpoint of the app wants an event type, so the common case (nobody listens)
 * writes nothing. Read from memory; may lag a change made on another node by a few seconds.
 */
public interface WebhookSubscriptions {
    WebhookSubscriptions NONE = (appId, type) -> false;

    boolean wants(String appId, WebhookEventType type);
}
