package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.history.AccountRecords;
import io.seatguard.core.history.AccountSummary;
import io.seatguard.core.history.HistoryCursor;
import io.seatguard.core.history.HistoryPage;
import io.seatguard.core.history.HistoryReader;
import io.seatguard.core.history.HistoryRow;
import io.seatguard.core.history.PeopleEstimate;
import io.seatguard.core.ids.UuidText;
import io.seatguard.core.pattern.PatternReader;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.presence.Presence;
import java.time.InstantSource;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * An account's summary, history and erasure, and history by device or IP (CONTRACT.md "Users,
 * devices, history"). Another app's account is not found.
 */
final class AccountHandlers {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    private final Credentials credentials;
    private final AccountRecords records;
    private final HistoryReader history;
    private final Presence presence;
    private final BiConsumer<String, String> forgetCached;
    private final InstantSource clock;
    private final PatternReader patterns;

    /** @param forgetCached drops what a cache holds of an erased account (app id, user id) */
    AccountHandlers(Credentials credentials, AccountRecords records, HistoryReader history, Presence presence, BiConsumer<String, String> forgetCached,
            InstantSource clock, PatternReader patterns) {
        this.patterns = requireNonNull(patterns, "patterns is null");
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.records = requireNonNull(records, "records is null");
        this.history = requireNonNull(history, "history is null");
        this.presence = requireNonNull(presence, "presence is null");
        this.forgetCached = requireNonNull(forgetCached, "forgetCached is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    void summary(Context ctx) {
        App app = credentials.requireApp(ctx);
        String user = UserDeviceHandlers.user(ctx);
        AccountSummary summary = records.summary(app.id(), user, clock.instant())
                .orElseThrow(() -> SeatguardException.notFound("user " + Problems.abbreviate(user)));
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", summary.userId());
        json.put("first_seen", EvaluationJson.time(summary.firstSeen()));
        json.put("last_seen", EvaluationJson.time(summary.lastSeen()));
        json.put("device_count", summary.deviceCount());
        ArrayNode countries = json.putArray("countries_24h");
        new TreeSet<>(summary.countries24h()).forEach(countries::add);
        ArrayNode flagged = json.putArray("patterns");
        patterns.forUser(app.id(), user).forEach(pattern -> flagged.add(PatternExport.json(pattern)));
        ObjectNode people = json.putObject("people_estimate");
        people.put("all_time", PeopleEstimate.allTime(summary.letInByType()));
        presence.liveIfReadable(app.id(), user, clock.instant()).ifPresentOrElse(
                live -> people.put("active", PeopleEstimate.activeNow(live)), () -> people.putNull("active"));
        ctx.contentType("application/json").result(json.toString());
    }

    /** Erases everything stored about the account; its live sessions end, and a node's caches forget it. */
    void erase(Context ctx) {
        App app = credentials.requireApp(ctx);
        String user = UserDeviceHandlers.user(ctx);
        NoBody.refuse(ctx);
        if (!records.erase(app.id(), user)) {
            throw SeatguardException.notFound("user " + Problems.abbreviate(user));
        }
        forgetCached.accept(app.id(), user);
        try {
            presence.endAll(app.id(), user, clock.instant());
        }
        catch (RuntimeException e) {
            // Presence unreachable: its live sessions expire within the presence window anyway, the openings of
            // quiet ones 12 hours after their last sign of life (docs/api.md says so).
        }
        ctx.status(204);
    }

    void userHistory(Context ctx) {
        App app = credentials.requireApp(ctx);
        // Any account id evaluate takes lists its history (an empty one for an account never seen), so one
        // evaluate refuses is a fault of the request, named as evaluate names it, not an account not found.
        String user = UserDeviceHandlers.user(ctx);
        FieldErrors errors = new FieldErrors();
        int limit = limit(ctx, errors);
        String scope = scope(app, "user", user);
        Optional<HistoryCursor> cursor = cursor(ctx, Optional.of(scope), errors);
        errors.throwIfAny();
        write(ctx, history.byUser(app.id(), user, limit, cursor), scope);
    }

    /** {@code GET /v3/history?device_id=…} or {@code ?ip=…}: exactly one of them. */
    void search(Context ctx) {
        App app = credentials.requireApp(ctx);
        FieldErrors errors = new FieldErrors();
        int limit = limit(ctx, errors);
        String deviceText = ctx.queryParam("device_id");
        // Looked up in the lower case device ids are kept in, given in either case (RFC 9562 §4).
        String deviceId = deviceText == null ? null : UuidText.canonical(deviceText).orElse(null);
        String ip = ctx.queryParam("ip");
        if ((deviceText == null) == (ip == null)) {
            errors.add("device_id", "give exactly one of device_id and ip");
        }
        else if (deviceText != null && deviceId == null) {
            errors.add("device_id", "must be a device id (a UUID)");
        }
        else if (ip != null && IpAddresses.parse(ip).isEmpty()) {
            errors.add("ip", "must be an IPv4 or IPv6 address");
        }
        // The history searched, when device_id or ip names one: a cursor is checked against it (HistoryCursor).
        boolean named = (deviceText == null) != (ip == null) && (deviceText != null ? deviceId != null : IpAddresses.parse(ip).isPresent());
        Optional<String> scope = named
                ? Optional.of(deviceId != null ? scope(app, "device", deviceId) : scope(app, "ip", IpAddresses.format(IpAddresses.parse(ip).orElseThrow())))
                : Optional.empty();
        Optional<HistoryCursor> cursor = cursor(ctx, scope, errors);
        errors.throwIfAny();
        write(ctx, deviceId != null
                ? history.byDevice(app.id(), deviceId, limit, cursor)
                : history.byIp(app.id(), IpAddresses.format(IpAddresses.parse(ip).orElseThrow()), limit, cursor), scope.orElseThrow());
    }

    /** Names one history: the app, what it is searched by, and the account, device or (canonical) address. */
    private static String scope(App app, String by, String key) {
        return app.id() + "\n" + by + "\n" + key;
    }

    private static int limit(Context ctx, FieldErrors errors) {
        return QueryNumbers.wholeNumber(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT, errors);
    }

    /** The request's cursor, checked against the history it is sent with when that is known ({@code scope}). */
    private static Optional<HistoryCursor> cursor(Context ctx, Optional<String> scope, FieldErrors errors) {
        String text = ctx.queryParam("cursor");
        if (text == null) {
            return Optional.empty();
        }
        Optional<HistoryCursor.Given> given = HistoryCursor.decode(text);
        if (given.isEmpty()) {
            errors.add("cursor", QueryValues.NOT_A_CURSOR);
            return Optional.empty();
        }
        if (scope.isPresent() && !given.get().givenFor(scope.get())) {
            errors.add("cursor", "was given for another history (another account, device or address): send the next_cursor of this one's previous page");
            return Optional.empty();
        }
        return Optional.of(given.get().cursor());
    }

    private static void write(Context ctx, HistoryPage page, String scope) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode data = json.putArray("data");
        for (HistoryRow row : page.rows()) {
            ObjectNode item = data.addObject();
            item.put("evaluation_id", row.evaluationId());
            item.put("created_at", EvaluationJson.time(row.createdAt()));
            item.put("action", row.action());
            item.put("verdict", row.verdict());
            item.put("user", row.userId().orElse(null));
            item.put("device_id", row.deviceId());
            item.put("fingerprint_id", row.fingerprintId().orElse(null));
            item.put("ip", row.ip());
            item.put("country", row.country().orElse(null));
            item.put("local_ip_country", row.localIpCountry().orElse(null));
            item.put("risk_score", row.riskScore());
            ArrayNode signals = item.putArray("signals");
            row.signals().forEach(signals::add);
        }
        json.put("next_cursor", page.next().map(next -> next.encode(scope)).orElse(null));
        ctx.contentType("application/json").result(json.toString());
    }
}
