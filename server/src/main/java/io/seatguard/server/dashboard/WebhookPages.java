package io.seatguard.server.dashboard;

import static java.util.Objects.requireNonNull;

import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.operator.OperatorService;
import io.seatguard.core.webhook.Delivery;
import io.seatguard.core.webhook.DeliveryCursor;
import io.seatguard.core.webhook.DeliveryPage;
import io.seatguard.core.webhook.DeliveryStatus;
import io.seatguard.core.webhook.DeliveryTry;
import io.seatguard.core.webhook.EndpointHealth;
import io.seatguard.core.webhook.WebhookEndpoint;
import io.seatguard.core.webhook.WebhookEventType;
import io.seatguard.server.http.WebhookServices;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's webhooks: an app's endpoints, one endpoint's delivery log with redelivery, and forms
 * to add an endpoint, rotate its secret (shown once; the old one signs beside it for 24 hours, or as the form chooses),
 * disable or enable it, and delete it. The same {@link WebhookServices} as {@code /v3/webhooks}, so the same target checks apply.
 */
public final class WebhookPages {
    private static final int LOGGED = 50;
    private static final Template PAGE = DashboardLayout.compile("""
            <h1>Webhooks of {{appName}}</h1>
            {{#secret}}<div class="notice" role="status"><p>The signing secret of {{url}}, shown this once:</p><p class="secret" id="new-secret">{{key}}</p>
              {{#until}}<p>The previous secret keeps signing beside it until {{until}}.</p>{{/until}}{{^until}}<p>The previous secrets no longer sign.</p>{{/until}}</div>{{/secret}}
            {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
            {{#hasErrors}}<div class="notice error" role="alert"><p>Nothing was changed:</p><ul>{{#errors}}<li>{{field}}: {{message}}</li>{{/errors}}</ul></div>{{/hasErrors}}
            <table><thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">Created</th><th scope="col">State</th></tr></thead>
            <tbody>{{#endpoints}}<tr><td><a href="/dashboard/webhooks?app={{appId}}&amp;endpoint={{id}}">{{url}}</a></td><td>{{events}}</td><td>{{created}}</td><td>{{state}}</td></tr>{{/endpoints}}</tbody></table>
            {{^endpoints}}<p>No endpoints: events are not sent anywhere.</p>{{/endpoints}}
            {{#selected}}
            <h2>Deliveries to {{url}}</h2>
            <form method="get" action="/dashboard/webhooks" class="inline"><input type="hidden" name="app" value="{{appId}}"><input type="hidden" name="endpoint" value="{{id}}">
              <label for="delivery-status">Show</label><select id="delivery-status" name="status">{{#statuses}}<option value="{{value}}"{{#chosen}} selected{{/chosen}}>{{label}}</option>{{/statuses}}</select>
              <button type="submit" class="secondary">Show</button></form>
            <table id="deliveries"><thead><tr><th scope="col">Created</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col"></th></tr></thead>
            <tbody>{{#deliveries}}<tr><td>{{created}}</td><td>{{event}}</td><td>{{status}}</td>
              <td><a href="/dashboard/webhooks?app={{appId}}&amp;endpoint={{endpointId}}&amp;message={{messageId}}#tries" title="Every try of this message">{{attempts}}</a></td><td>{{answer}}</td>
              <td>{{^readOnly}}<form method="post" action="/dashboard/webhooks/redeliver"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{appId}}">
              <input type="hidden" name="endpoint" value="{{endpointId}}"><input type="hidden" name="message" value="{{messageId}}"><button type="submit" class="secondary">Redeliver</button></form>{{/readOnly}}</td></tr>{{/deliveries}}</tbody></table>
            {{^deliveries}}<p>{{#filtered}}None here.{{/filtered}}{{^filtered}}Nothing sent yet.{{/filtered}}</p>{{/deliveries}}
            <p>{{#older}}<a id="older-deliveries" href="/dashboard/webhooks?app={{appId}}&amp;endpoint={{id}}{{#statusValue}}&amp;status={{statusValue}}{{/statusValue}}&amp;before={{older}}">Older deliveries</a>{{/older}}
              {{#paged}}<a href="/dashboard/webhooks?app={{appId}}&amp;endpoint={{id}}{{#statusValue}}&amp;status={{statusValue}}{{/statusValue}}">Newest deliveries</a>{{/paged}}</p>
            {{#tries}}<h3 id="tries">Tries of {{messageId}} ({{event}}, {{status}})</h3>
            <table id="delivery-tries"><thead><tr><th scope="col">Try</th><th scope="col">Started</th><th scope="col">Answer</th><th scope="col">Error</th><th scope="col">Took</th></tr></thead>
            <tbody>{{#rows}}<tr><td>{{attempt}}</td><td>{{at}}</td><td>{{answer}}</td><td>{{error}}</td><td>{{took}} ms</td></tr>{{/rows}}</tbody></table>
            {{^rows}}<p>Not tried yet.</p>{{/rows}}{{/tries}}
            {{^readOnly}}<form method="post" action="/dashboard/webhooks/rotate" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{appId}}">
              <input type="hidden" name="endpoint" value="{{id}}"><label for="previous-valid-for">The current secret keeps signing</label>
              <select id="previous-valid-for" name="previous_valid_for"><option value="86400" selected>for 24 hours</option><option value="3600">for an hour</option>
              <option value="604800">for a week</option><option value="0">no longer (it stops now)</option></select>
              <button type="submit" class="secondary">Rotate the secret</button></form>{{/readOnly}}
            {{^readOnly}}<form method="post" action="/dashboard/webhooks/enabled" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{appId}}">
              <input type="hidden" name="endpoint" value="{{id}}">{{#enabled}}<input type="hidden" name="do" value="disable"><button type="submit" class="secondary">Disable this endpoint</button>{{/enabled}}{{^enabled}}<input type="hidden" name="do" value="enable"><button type="submit" class="secondary">Enable this endpoint</button>{{/enabled}}</form>{{/readOnly}}
            {{^readOnly}}<form method="post" action="/dashboard/webhooks/delete" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{appId}}">
              <input type="hidden" name="endpoint" value="{{id}}"><button type="submit" class="link">Delete this endpoint</button></form>{{/readOnly}}
            {{/selected}}
            {{^readOnly}}<h2>New endpoint</h2>
            <form method="post" action="/dashboard/webhooks"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{appId}}">
              <label for="webhook-url">URL</label><input id="webhook-url" name="url" type="url" value="{{formUrl}}" placeholder="https://app.example/hooks/seatguard">
              <fieldset><legend>Events</legend>{{#eventTypes}}<label><input type="checkbox" name="event" value="{{name}}"{{#checked}} checked{{/checked}}> {{name}}</label>{{/eventTypes}}</fieldset>
              <button type="submit">Add endpoint</button></form>{{/readOnly}}
            """);

    private final DashboardPages sessions;
    private final WebhookServices webhooks;
    private final InstantSource clock;

    public WebhookPages(DashboardPages sessions, WebhookServices webhooks, InstantSource clock) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.webhooks = requireNonNull(webhooks, "webhooks is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** What a form asks to show next: an endpoint, a secret to show once, a notice; or faults. */
    private record Outcome(Optional<String> endpointId, Optional<Map<String, Object>> secret, Optional<String> notice) {}

    public void page(Context ctx) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedIn(ctx);
        if (operator.isPresent()) {
            App app = sessions.appOrFirst(ctx, ctx.queryParam("app"));
            Optional<String> endpointId = Optional.ofNullable(ctx.queryParam("endpoint"));
            Optional<String> messageId = Optional.ofNullable(ctx.queryParam("message"));
            refuseUnknown(app, endpointId, messageId);
            render(ctx, 200, operator.get(), app, new Outcome(endpointId, Optional.empty(), Optional.empty()), messageId, List.of(), "", List.of());
        }
    }

    /**
     * An endpoint or message asked for that the app does not have is said to be missing (as a policy to
     * edit is), not silently left out of a page that looks as if it were shown.
     */
    private void refuseUnknown(App app, Optional<String> endpointId, Optional<String> messageId) {
        if (app == null) {
            return;
        }
        if (endpointId.isPresent() && webhooks.store().list(app.id()).stream().noneMatch(endpoint -> endpoint.id().equals(endpointId.get()))) {
            throw SeatguardException.notFound("webhook endpoint " + io.seatguard.server.http.Problems.abbreviate(endpointId.get()) + " of this app");
        }
        if (messageId.isPresent() && (endpointId.isEmpty() || webhooks.store().delivery(app.id(), endpointId.get(), messageId.get()).isEmpty())) {
            throw SeatguardException.notFound("message " + io.seatguard.server.http.Problems.abbreviate(messageId.get())
                    + (endpointId.isEmpty() ? " (without its endpoint)" : " of endpoint " + endpointId.get()));
        }
    }

    public void create(Context ctx) {
        withForm(ctx, app -> {
            List<WebhookEventType> events = new ArrayList<>();
            FieldErrors errors = new FieldErrors();
            List<String> asked = Optional.ofNullable(ctx.formParams("event")).orElse(List.of());
            for (int i = 0; i < asked.size(); i++) {
                Optional<WebhookEventType> type = WebhookEventType.fromWireName(asked.get(i));
                if (type.isPresent()) {
                    events.add(type.get());
                }
                else {
                    errors.add("events[" + i + "]", "is not an event type");
                }
            }
            String url = Optional.ofNullable(ctx.formParam("url")).map(String::strip).orElse("");
            WebhookEndpoint endpoint = webhooks.create(app.id(), url.isEmpty() ? Optional.empty() : Optional.of(url), events.stream().distinct().toList(),
                    errors, clock.instant());
            return new Outcome(Optional.of(endpoint.id()), Optional.of(Map.of("url", endpoint.url(), "key", endpoint.secret())), Optional.empty());
        });
    }

    /** Rotates with the overlap the form chose (24 hours when it names none), as {@code previous_secret_valid_for} does in the API. */
    public void rotate(Context ctx) {
        withForm(ctx, app -> {
            WebhookServices.Rotated rotated = webhooks.rotate(app.id(), form(ctx, "endpoint"), clock.instant(), overlap(form(ctx, "previous_valid_for")));
            Map<String, Object> secret = new HashMap<>(Map.of("url", rotated.endpoint().url(), "key", rotated.secret()));
            rotated.until().ifPresent(until -> secret.put("until", DashboardLayout.time(until)));
            return new Outcome(Optional.of(rotated.endpoint().id()), Optional.of(secret), Optional.empty());
        });
    }

    private static java.time.Duration overlap(String seconds) {
        if (seconds.isEmpty()) {
            return WebhookServices.ROTATION_OVERLAP;
        }
        long max = WebhookServices.MAX_ROTATION_OVERLAP.toSeconds();
        if (!seconds.matches("[0-9]{1,7}") || Long.parseLong(seconds) > max) {
            throw SeatguardException.invalid("previous_valid_for", "must be a whole number of seconds from 0 to " + max + " (a week)");
        }
        return java.time.Duration.ofSeconds(Long.parseLong(seconds));
    }

    public void delete(Context ctx) {
        withForm(ctx, app -> {
            WebhookEndpoint endpoint = webhooks.find(app.id(), form(ctx, "endpoint"));
            webhooks.delete(app.id(), endpoint.id());
            return new Outcome(Optional.empty(), Optional.empty(), Optional.of("Deleted the endpoint " + endpoint.url() + "."));
        });
    }

    public void redeliver(Context ctx) {
        withForm(ctx, app -> {
            WebhookEndpoint endpoint = webhooks.find(app.id(), form(ctx, "endpoint"));
            webhooks.redeliver(app.id(), endpoint.id(), form(ctx, "message"), clock.instant());
            return new Outcome(Optional.of(endpoint.id()), Optional.empty(), Optional.of("The message is queued to be sent again."));
        });
    }

    /** {@code do=disable} or {@code do=enable}, as {@code PATCH /v3/webhooks/{id}} {@code {"enabled": …}}. */
    public void setEnabled(Context ctx) {
        withForm(ctx, app -> {
            boolean enable = switch (form(ctx, "do")) {
                case "enable" -> true;
                case "disable" -> false;
                default -> throw SeatguardException.invalid("do", "must be enable or disable");
            };
            WebhookEndpoint endpoint = webhooks.setEnabled(app.id(), form(ctx, "endpoint"), enable);
            return new Outcome(Optional.of(endpoint.id()), Optional.empty(), Optional.of(enable ? "Enabled the endpoint " + endpoint.url() + "."
                    : "Disabled the endpoint " + endpoint.url() + ": it gets no deliveries, and its pending ones are marked failed."));
        });
    }

    /** Whether the endpoint is sent to, and if not since when and why; or since when its tries fail. */
    private static String state(WebhookEndpoint endpoint) {
        EndpointHealth health = endpoint.health();
        if (!health.enabled()) {
            String why = health.disabledReason().filter(reason -> reason == EndpointHealth.DisabledReason.FAILING)
                    .map(reason -> ", its tries failing for " + EndpointHealth.AUTO_DISABLE_AFTER.toDays() + " days").orElse(", by hand");
            return "disabled since " + health.disabledAt().map(DashboardLayout::time).orElse("") + why;
        }
        return health.failingSince().map(since -> "sending; failing since " + DashboardLayout.time(since)).orElse("sending");
    }

    private interface Change {
        Outcome apply(App app);
    }

    /** Forms answer with the page itself (not a redirect), so a new secret is shown once and then gone. */
    private void withForm(Context ctx, Change change) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedInForm(ctx);
        if (operator.isEmpty()) {
            return;
        }
        App app = sessions.appOrFirst(ctx, ctx.formParam("app"));
        if (app == null) {
            ctx.redirect("/dashboard/webhooks", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        try {
            render(ctx, 200, operator.get(), app, change.apply(app), Optional.empty(), List.of(), "", List.of());
        }
        catch (SeatguardException e) {
            render(ctx, DashboardPages.statusOf(e), operator.get(), app, new Outcome(Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(),
                    DashboardPages.faults(e), form(ctx, "url"), Optional.ofNullable(ctx.formParams("event")).orElse(List.of()));
        }
    }

    /** @param messageId a delivery of the selected endpoint whose tries to show, when the page was asked for one */
    private void render(Context ctx, int status, OperatorService.SignedIn operator, App app, Outcome outcome, Optional<String> messageId,
            List<FieldError> errors, String formUrl, List<String> formEvents) {
        Map<String, Object> model = sessions.frame(DashboardLayout.Section.WEBHOOKS, "Webhooks", app, operator);
        List<WebhookEndpoint> endpoints = app == null ? List.of() : webhooks.store().list(app.id());
        model.put("endpoints", endpoints.stream().map(endpoint -> Map.of("id", endpoint.id(), "url", endpoint.url(),
                "events", String.join(", ", endpoint.events().stream().map(WebhookEventType::wireName).toList()),
                "created", DashboardLayout.time(endpoint.createdAt()), "state", state(endpoint))).toList());
        Optional<WebhookEndpoint> selected = outcome.endpointId().flatMap(id -> endpoints.stream().filter(endpoint -> endpoint.id().equals(id)).findFirst());
        selected.ifPresent(endpoint -> {
            Map<String, Object> shown = new HashMap<>();
            shown.put("id", endpoint.id());
            shown.put("url", endpoint.url());
            shown.put("enabled", endpoint.health().enabled());
            LogView view = LogView.of(ctx, app.id(), endpoint.id());
            DeliveryPage page = webhooks.store().deliveries(app.id(), endpoint.id(), view.status(), view.before(), LOGGED);
            shown.put("deliveries", page.deliveries().stream().map(delivery -> row(endpoint, delivery)).toList());
            shown.put("filtered", view.status().isPresent() || view.before().isPresent());
            shown.put("statuses", view.choices());
            shown.put("statusValue", view.status().map(DeliveryStatus::wireName).orElse(""));
            // A cursor is base64url: safe in a query string as it is.
            page.next().ifPresent(next -> shown.put("older", next.encode(app.id(), endpoint.id())));
            shown.put("paged", view.before().isPresent());
            // Another endpoint's or app's message is not found here: the lookup is by app, endpoint and message.
            messageId.flatMap(id -> webhooks.store().delivery(app.id(), endpoint.id(), id)).ifPresent(delivery -> shown.put("tries", Map.of(
                    "messageId", delivery.messageId(), "event", delivery.eventType(), "status", delivery.status(),
                    "rows", webhooks.store().tries(app.id(), endpoint.id(), delivery.messageId(), WebhookServices.TRIES_SHOWN).stream().map(WebhookPages::tryRow).toList())));
            model.put("selected", shown);
        });
        outcome.secret().ifPresent(secret -> model.put("secret", secret));
        outcome.notice().ifPresent(notice -> model.put("notice", notice));
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        model.put("formUrl", formUrl);
        model.put("eventTypes", Arrays.stream(WebhookEventType.values()).map(type -> Map.of("name", type.wireName(),
                "checked", formEvents.contains(type.wireName()))).toList());
        ctx.status(status).contentType("text/html; charset=utf-8").result(PAGE.execute(model));
    }

    /**
     * Which part of the log the page shows: {@code status} (all when absent or empty) and {@code before}
     * (a cursor of the log's pages: the newest when absent). A form's answer carries neither.
     */
    private record LogView(Optional<DeliveryStatus> status, Optional<DeliveryCursor> before) {
        static LogView of(Context ctx, String appId, String endpointId) {
            String status = Optional.ofNullable(ctx.queryParam("status")).orElse("");
            String before = ctx.queryParam("before");
            Optional<DeliveryStatus> chosen = status.isEmpty() ? Optional.empty() : DeliveryStatus.of(status);
            if (!status.isEmpty() && chosen.isEmpty()) {
                throw SeatguardException.invalid("status", "must be pending, delivered or failed");
            }
            Optional<DeliveryCursor> cursor = before == null ? Optional.empty() : DeliveryCursor.decode(before, appId, endpointId);
            if (before != null && cursor.isEmpty()) {
                throw SeatguardException.invalid("before", "is not a place in this log");
            }
            return new LogView(chosen, cursor);
        }

        List<Map<String, Object>> choices() {
            List<Map<String, Object>> choices = new java.util.ArrayList<>();
            choices.add(Map.of("value", "", "label", "all deliveries", "chosen", status.isEmpty()));
            for (DeliveryStatus each : DeliveryStatus.values()) {
                choices.add(Map.of("value", each.wireName(), "label", each.wireName() + " only", "chosen", status.equals(Optional.of(each))));
            }
            return choices;
        }
    }

    private static Map<String, Object> row(WebhookEndpoint endpoint, Delivery delivery) {
        String answer = delivery.lastStatusCode().map(code -> "HTTP " + code).or(delivery::lastError).orElse("—");
        return Map.of("endpointId", endpoint.id(), "messageId", delivery.messageId(), "created", DashboardLayout.time(delivery.createdAt()),
                "event", delivery.eventType(), "status", delivery.status(), "attempts", delivery.attempts(), "answer", answer);
    }

    private static Map<String, Object> tryRow(DeliveryTry one) {
        return Map.of("attempt", one.attempt(), "at", DashboardLayout.time(one.at()), "answer", one.statusCode().map(code -> "HTTP " + code).orElse("none"),
                "error", one.error().orElse(""), "took", one.took().toMillis());
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }
}
