package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.webhook.Delivery;
import io.seatguard.core.webhook.DeliveryCursor;
import io.seatguard.core.webhook.DeliveryPage;
import io.seatguard.core.webhook.DeliveryStatus;
import io.seatguard.core.webhook.DeliveryTry;
import io.seatguard.core.webhook.EndpointHealth;
import io.seatguard.core.webhook.WebhookEndpoint;
import io.seatguard.core.webhook.WebhookEventType;
import io.seatguard.storage.SqlWebhooks;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v3/webhooks} (CONTRACT.md "Webhooks"): endpoints with their own {@code whsec_} secret, shown
 * when created and when rotated; their delivery log; redelivery.
 */
final class WebhookHandlers {
    private final Credentials credentials;
    private final WebhookServices services;
    private final SqlWebhooks webhooks;
    private final JsonBody jsonBody;
    private final InstantSource clock;

    WebhookHandlers(Credentials credentials, WebhookServices services, JsonBody jsonBody, InstantSource clock) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.services = requireNonNull(services, "services is null");
        this.webhooks = services.store();
        this.jsonBody = requireNonNull(jsonBody, "jsonBody is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    void create(Context ctx) {
        App app = credentials.requireApp(ctx);
        JsonNode body = jsonBody.readObject(ctx);
        FieldErrors errors = new FieldErrors();
        UnknownFields.refuse(body, field -> field.equals("url") || field.equals("events"), "is not a webhook field; expected url, events", errors);
        JsonNode urlNode = body.get("url");
        if (urlNode != null && !urlNode.isTextual()) {
            errors.add("url", "must be a string");
        }
        List<WebhookEventType> events = events(body.get("events"), errors);
        WebhookEndpoint endpoint = services.create(app.id(), Optional.ofNullable(urlNode).filter(JsonNode::isTextual).map(JsonNode::textValue), events,
                // To the millisecond, as the store keeps it: the answer shows what a later GET shows.
                errors, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        ObjectNode json = json(endpoint);
        json.put("secret", endpoint.secret());
        ctx.status(201).contentType("application/json").result(json.toString());
    }

    void list(Context ctx) {
        App app = credentials.requireApp(ctx);
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode data = json.putArray("data");
        webhooks.list(app.id()).forEach(endpoint -> data.add(json(endpoint)));
        ctx.contentType("application/json").result(json.toString());
    }

    void get(Context ctx) {
        App app = credentials.requireApp(ctx);
        ctx.contentType("application/json").result(json(endpoint(app, ctx)).toString());
    }

    /**
     * {@code {"enabled": false}} disables the endpoint: no new deliveries, its pending ones marked failed;
     * {@code {"enabled": true}} enables it again, afresh (docs/webhooks.md, "Disabled endpoints").
     */
    void update(Context ctx) {
        App app = credentials.requireApp(ctx);
        JsonNode body = jsonBody.readObject(ctx);
        FieldErrors errors = new FieldErrors();
        UnknownFields.refuse(body, field -> field.equals("enabled"), "cannot be changed; send enabled (true or false)", errors);
        JsonNode enabled = body.get("enabled");
        if (enabled == null) {
            errors.add("enabled", "is required");
        }
        else if (!enabled.isBoolean()) {
            errors.add("enabled", "must be true or false");
        }
        errors.throwIfAny();
        WebhookEndpoint endpoint = services.setEnabled(app.id(), ctx.pathParam("id"), enabled.booleanValue());
        ctx.contentType("application/json").result(json(endpoint).toString());
    }

    /** Takes no body: one it would ignore is refused ({@link NoBody}), as {@code {"dry_run": true}} deleted the endpoint and its log. */
    void delete(Context ctx) {
        App app = credentials.requireApp(ctx);
        NoBody.refuse(ctx);
        services.delete(app.id(), ctx.pathParam("id"));
        ctx.status(204);
    }

    /**
     * A new secret, shown once; the old one keeps signing beside it for 24 hours so receivers can switch,
     * or for {@code {"previous_secret_valid_for": seconds}} (0 stops it at once, at most a week). The body
     * was never read: a misspelt field, a value, even text that is no JSON rotated with the 24 hours.
     */
    void rotateSecret(Context ctx) {
        App app = credentials.requireApp(ctx);
        Duration overlap = jsonBody.readObjectIfAny(ctx).map(WebhookHandlers::previousSecretValidFor).orElse(WebhookServices.ROTATION_OVERLAP);
        WebhookServices.Rotated rotated = services.rotate(app.id(), ctx.pathParam("id"), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                overlap);
        ObjectNode json = json(rotated.endpoint());
        json.put("secret", rotated.secret());
        json.put("previous_secret_expires_at", rotated.until().map(EvaluationJson::time).orElse(null));
        ctx.contentType("application/json").result(json.toString());
    }

    /** A rotation's body, as an app key's rotation reads its own ({@link RotationBody}). */
    private static Duration previousSecretValidFor(JsonNode body) {
        return RotationBody.overlap(body, "previous_secret_valid_for", "seconds the replaced secret keeps signing", WebhookServices.ROTATION_OVERLAP,
                WebhookServices.MAX_ROTATION_OVERLAP);
    }

    /** A page of the endpoint's delivery log, newest first, of one status when asked, after the cursor when given. */
    void deliveries(Context ctx) {
        App app = credentials.requireApp(ctx);
        WebhookEndpoint endpoint = endpoint(app, ctx);
        FieldErrors errors = new FieldErrors();
        int limit = QueryNumbers.wholeNumber(ctx, "limit", 1, 1000, 100, errors);
        Optional<DeliveryStatus> status = QueryValues.optional(ctx, "status", DeliveryStatus::of, "must be pending, delivered or failed", errors);
        Optional<DeliveryCursor> cursor = QueryValues.optional(ctx, "cursor", text -> DeliveryCursor.decode(text, app.id(), endpoint.id()),
                "is not a cursor this endpoint's delivery log gave out", errors);
        errors.throwIfAny();
        DeliveryPage page = webhooks.deliveries(app.id(), endpoint.id(), status, cursor, limit);
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode data = json.putArray("data");
        for (Delivery delivery : page.deliveries()) {
            write(delivery, data.addObject());
        }
        json.put("next_cursor", page.next().map(next -> next.encode(app.id(), endpoint.id())).orElse(null));
        ctx.contentType("application/json").result(json.toString());
    }

    /** One delivery with its latest tries, newest first: what each try got back, and when. */
    void delivery(Context ctx) {
        App app = credentials.requireApp(ctx);
        WebhookEndpoint endpoint = endpoint(app, ctx);
        String messageId = ctx.pathParam("message_id");
        Delivery delivery = webhooks.delivery(app.id(), endpoint.id(), messageId)
                .orElseThrow(() -> SeatguardException.notFound("delivery " + Problems.abbreviate(messageId)));
        ObjectNode json = write(delivery, Json.MAPPER.createObjectNode());
        ArrayNode tries = json.putArray("tries");
        for (DeliveryTry one : webhooks.tries(app.id(), endpoint.id(), messageId, WebhookServices.TRIES_SHOWN)) {
            ObjectNode item = tries.addObject();
            item.put("attempt", one.attempt());
            item.put("at", EvaluationJson.time(one.at()));
            item.put("status_code", one.statusCode().orElse(null));
            item.put("error", one.error().orElse(null));
            item.put("duration_ms", one.took().toMillis());
        }
        ctx.contentType("application/json").result(json.toString());
    }

    private static ObjectNode write(Delivery delivery, ObjectNode item) {
        item.put("message_id", delivery.messageId());
        item.put("event_type", delivery.eventType());
        item.put("status", delivery.status());
        item.put("attempts", delivery.attempts());
        item.put("next_attempt_at", delivery.status().equals("pending") ? EvaluationJson.time(delivery.nextAttemptAt()) : null);
        item.put("last_status_code", delivery.lastStatusCode().orElse(null));
        item.put("last_error", delivery.lastError().orElse(null));
        item.put("last_attempt_at", delivery.lastAttemptAt().map(EvaluationJson::time).orElse(null));
        item.put("created_at", EvaluationJson.time(delivery.createdAt()));
        return item;
    }

    /** Takes no body, as {@link #delete} does. A disabled endpoint's delivery would stay pending, never sent: 409 instead. */
    void redeliver(Context ctx) {
        App app = credentials.requireApp(ctx);
        NoBody.refuse(ctx);
        services.redeliver(app.id(), ctx.pathParam("id"), ctx.pathParam("message_id"), clock.instant());
        ctx.status(202);
    }

    private WebhookEndpoint endpoint(App app, Context ctx) {
        return services.find(app.id(), ctx.pathParam("id"));
    }

    static List<WebhookEventType> events(JsonNode node, FieldErrors errors) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            errors.add("events", node == null ? "is required" : "must be a non-empty array of event types");
            return List.of();
        }
        Set<WebhookEventType> events = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            Optional<WebhookEventType> type = item.isTextual() ? WebhookEventType.fromWireName(item.textValue()) : Optional.empty();
            if (type.isEmpty()) {
                errors.add("events[" + i + "]", "must be one of evaluation.created, challenge.completed, challenge.failed, device.attached,"
                        + " device.detached, pattern.flagged, user.account_sharing_signal");
            }
            else {
                events.add(type.get());
            }
        }
        return List.copyOf(events);
    }

    private static ObjectNode json(WebhookEndpoint endpoint) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", endpoint.id());
        json.put("url", endpoint.url());
        ArrayNode events = json.putArray("events");
        endpoint.events().forEach(event -> events.add(event.wireName()));
        json.put("created_at", EvaluationJson.time(endpoint.createdAt()));
        EndpointHealth health = endpoint.health();
        json.put("enabled", health.enabled());
        json.put("disabled_reason", health.disabledReason().map(EndpointHealth.DisabledReason::wireName).orElse(null));
        json.put("disabled_at", health.disabledAt().map(EvaluationJson::time).orElse(null));
        json.put("failing_since", health.failingSince().map(EvaluationJson::time).orElse(null));
        return json;
    }
}
