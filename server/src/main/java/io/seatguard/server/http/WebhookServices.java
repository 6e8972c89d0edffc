package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.webhook.EndpointHealth;
import io.seatguard.core.webhook.WebhookEndpoint;
import io.seatguard.core.webhook.WebhookEventType;
import io.seatguard.core.webhook.WebhookSignature;
import io.seatguard.server.webhook.CachedSubscriptions;
import io.seatguard.server.webhook.WebhookTargets;
import io.seatguard.storage.SqlWebhooks;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Managing an app's webhook endpoints, the one code path of the API ({@code /v3/webhooks}) and the
 * dashboard: a target is checked when it is saved (and again, on its resolved address, at delivery), a
 * new or rotated secret is returned once and never read back.
 */
public record WebhookServices(SqlWebhooks store, WebhookTargets targets, CachedSubscriptions subscriptions, IdGenerator ids) {
    public static final int MAX_ENDPOINTS = 20;
    /** The latest tries of one delivery shown, by the API and the dashboard: its schedule has eight; redeliveries add more. */
    public static final int TRIES_SHOWN = 100;
    /** How long a rotated secret keeps signing beside the new one unless the rotation says otherwise. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    /** The longest a rotation may keep the replaced secret signing: a week, as long as an app's replaced key may work. */
    public static final Duration MAX_ROTATION_OVERLAP = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookServices {
        requireNonNull(store, "store is null");
        requireNonNull(targets, "targets is null");
        requireNonNull(subscriptions, "subscriptions is null");
        requireNonNull(ids, "ids is null");
    }

    /**
     * A new endpoint with its own secret (in the returned record, to show once). A host with non-ASCII
     * letters is stored in its ASCII form ({@link WebhookTargets#withAsciiHost}).
     */
    public WebhookEndpoint create(String appId, Optional<String> requested, List<WebhookEventType> events, FieldErrors errors, Instant now) {
        Optional<String> url = requested.map(WebhookTargets::withAsciiHost);
        if (url.isEmpty() && errors.list().stream().noneMatch(error -> error.field().equals("url"))) {
            errors.add("url", "is required");
        }
        url.flatMap(targets::urlRefusal).ifPresent(reason -> errors.add("url", reason));
        if (events.isEmpty() && errors.list().stream().noneMatch(error -> error.field().startsWith("events"))) {
            errors.add("events", "must name at least one event type");
        }
        errors.throwIfAny();
        // The limit before the host is resolved, so a client at its limit gets no lookups for free; and
        // again where the endpoint is stored, which another request may have done meanwhile.
        if (store.list(appId).size() >= MAX_ENDPOINTS) {
            throw tooMany();
        }
        targets.addressRefusal(url.orElseThrow()).ifPresent(reason -> {
            throw SeatguardException.invalid("url", reason);
        });
        WebhookEndpoint endpoint = new WebhookEndpoint("wh_" + ids.newSecret(16), appId, url.orElseThrow(), events, WebhookSignature.newSecret(RANDOM),
                List.of(), now);
        if (!store.create(endpoint, MAX_ENDPOINTS)) {
            throw tooMany();
        }
        subscriptions.forget();
        return endpoint;
    }

    /** As the policy and list limits answer: 409 {@code limit-reached}, not a fault of the request's url. */
    private static SeatguardException tooMany() {
        return new SeatguardException(ErrorCode.LIMIT_REACHED, "An app has at most " + MAX_ENDPOINTS + " webhook endpoints; delete one first");
    }

    /**
     * A secret rotated now; the old one keeps signing beside it until {@code until} (and earlier ones until
     * their own time, never later), or stopped at once when {@code until} is empty.
     */
    public record Rotated(WebhookEndpoint endpoint, String secret, Optional<Instant> until) {}

    /** Rotates the secret; the replaced one keeps signing for {@code overlap} (zero: it stops at once), 0 to {@link #MAX_ROTATION_OVERLAP}. */
    public Rotated rotate(String appId, String endpointId, Instant now, Duration overlap) {
        if (overlap.isNegative() || overlap.compareTo(MAX_ROTATION_OVERLAP) > 0) {
            throw new IllegalArgumentException("overlap must be from 0 to " + MAX_ROTATION_OVERLAP);
        }
        WebhookEndpoint endpoint = find(appId, endpointId);
        String secret = WebhookSignature.newSecret(RANDOM);
        Instant until = now.plus(overlap);
        if (!store.rotate(appId, endpoint.id(), secret, now, until)) {
            throw SeatguardException.notFound("webhook " + Problems.abbreviate(endpointId));
        }
        return new Rotated(find(appId, endpoint.id()), secret, overlap.isZero() ? Optional.empty() : Optional.of(until));
    }

    /**
     * Enables or disables the endpoint (docs/webhooks.md, "Disabled endpoints"); answers it as it is now.
     * This node's subscriptions follow at once, other nodes' within their cache's two seconds; the outbox
     * writes a disabled endpoint no delivery meanwhile all the same.
     */
    public WebhookEndpoint setEnabled(String appId, String endpointId, boolean enabled) {
        if (!store.setEnabled(appId, endpointId, enabled)) {
            throw SeatguardException.notFound("webhook " + Problems.abbreviate(endpointId));
        }
        subscriptions.forget();
        return find(appId, endpointId);
    }

    /**
     * Sends the endpoint's message again now; a disabled endpoint's is refused (409): it would stay
     * pending, never tried. The store redelivers only to an enabled endpoint, so one disabled meanwhile is
     * told apart from a message it does not have.
     */
    public void redeliver(String appId, String endpointId, String messageId, Instant now) {
        WebhookEndpoint endpoint = find(appId, endpointId);
        if (!endpoint.health().enabled()) {
            throw disabled(endpoint);
        }
        if (!store.redeliver(appId, endpoint.id(), messageId, now)) {
            WebhookEndpoint current = find(appId, endpoint.id());
            if (!current.health().enabled()) {
                throw disabled(current);
            }
            throw SeatguardException.notFound("delivery " + Problems.abbreviate(messageId));
        }
    }

    /** What a redelivery to a disabled endpoint answers: 409, naming the endpoint's state and the way out. */
    public static SeatguardException disabled(WebhookEndpoint endpoint) {
        String since = endpoint.health().disabledAt().map(Instant::toString).orElse("now");
        String why = endpoint.health().disabledReason().map(reason -> reason == EndpointHealth.DisabledReason.FAILING
                ? "after its tries failed for " + EndpointHealth.AUTO_DISABLE_AFTER.toDays() + " days" : "by hand").orElse("");
        return new SeatguardException(ErrorCode.ENDPOINT_DISABLED, "Webhook endpoint " + endpoint.id() + " is disabled (since " + since + ", " + why
                + "); enable it first: PATCH /v3/webhooks/" + endpoint.id() + " {\"enabled\": true}");
    }

    public void delete(String appId, String endpointId) {
        if (!store.delete(appId, endpointId)) {
            throw SeatguardException.notFound("webhook " + Problems.abbreviate(endpointId));
        }
        subscriptions.forget();
    }

    /** The app's endpoint, else not found (another app's endpoint is not found either). */
    public WebhookEndpoint find(String appId, String endpointId) {
        return store.find(appId, endpointId).orElseThrow(() -> SeatguardException.notFound("webhook " + Problems.abbreviate(endpointId)));
    }
}
