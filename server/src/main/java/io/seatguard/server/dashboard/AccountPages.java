package io.seatguard.server.dashboard;

import static java.util.Objects.requireNonNull;

import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import io.seatguard.core.account.AccountDevice;
import io.seatguard.core.account.DeviceLinks;
import io.seatguard.core.app.App;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.history.AccountRecords;
import io.seatguard.core.history.AccountSummary;
import io.seatguard.core.history.HistoryReader;
import io.seatguard.core.pattern.AccountPattern;
import io.seatguard.core.pattern.PatternKind;
import io.seatguard.core.pattern.PatternLevel;
import io.seatguard.core.pattern.PatternReader;
import io.seatguard.core.operator.OperatorService;
import io.seatguard.server.http.Problems;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The dashboard's accounts and patterns: find an account, see its devices (and log one out), its
 * countries, pattern levels and latest history; list flagged accounts per pattern and level, and
 * export them as CSV.
 */
public final class AccountPages {
    /** The longest account id the API takes. */
    private static final int MAX_USER_LENGTH = 256;
    /** The rows of the patterns page, and of its exports (the API's largest limit). */
    static final int PAGE_ROWS = 1_000;
    static final int EXPORT_ROWS = 10_000;
    private static final Template ACCOUNT = DashboardLayout.compile("""
            <h1>Accounts of {{appName}}</h1>
            <form method="get" action="/dashboard/accounts"><input type="hidden" name="app" value="{{appId}}">
              <label for="user">Account id</label><input id="user" name="user" value="{{user}}" required><button type="submit" class="secondary">Find</button></form>
            {{#notFound}}<p class="notice error" role="alert">No account <bdi>{{user}}</bdi> in this app.</p>{{/notFound}}
            {{#problem}}<p class="notice error" role="alert">{{problem}}</p>{{/problem}}
            {{#summary}}
            <h2>{{user}}</h2>
            <p>First seen {{firstSeen}}, last seen {{lastSeen}}; {{deviceCount}} {{devicesWord}} in 30 days; countries in 24 h: {{countries}}.</p>
            <h2>Devices</h2>
            <table><thead><tr><th scope="col">Device</th><th scope="col">Type</th><th scope="col">Browser / OS</th><th scope="col">Status</th><th scope="col">Last seen</th><th scope="col">Country</th><th scope="col"></th></tr></thead>
            <tbody>{{#devices}}<tr><td>{{id}}</td><td>{{type}}</td><td><bdi>{{browser}}</bdi> / <bdi>{{os}}</bdi></td><td>{{status}}</td><td>{{lastSeen}}</td><td>{{country}}</td>
            <td>{{^readOnly}}{{#attached}}<form method="post" action="/dashboard/accounts/logout"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{appId}}">
            <input type="hidden" name="user_encoded" value="{{userEncoded}}"><input type="hidden" name="device" value="{{id}}"><button type="submit" class="secondary">Log out</button></form>{{/attached}}{{/readOnly}}</td></tr>{{/devices}}</tbody></table>
            <h2>Sessions live now</h2>
            <table id="live-sessions"><thead><tr><th scope="col">Session</th><th scope="col">Device</th><th scope="col">Type</th><th scope="col">IP</th><th scope="col">Last sign of life</th></tr></thead>
            <tbody>{{#sessions}}<tr><td>{{id}}</td><td>{{device}}</td><td>{{type}}</td><td>{{ip}}</td><td>{{lastSeen}}</td></tr>{{/sessions}}</tbody></table>
            {{#sessionsUnknown}}<p id="sessions-unknown">Live sessions cannot be read now: the presence store (Redis) does not answer.</p>{{/sessionsUnknown}}
            {{^sessionsUnknown}}{{^sessions}}<p>No live session.</p>{{/sessions}}{{/sessionsUnknown}}
            <h2>Patterns</h2><ul>{{#patterns}}<li>{{pattern}}: {{level}} (<bdi>{{value}}</bdi>)</li>{{/patterns}}</ul>{{^patterns}}<p>None flagged.</p>{{/patterns}}
            <h2>Latest evaluations</h2><table><thead><tr><th scope="col">Time</th><th scope="col">Action</th><th scope="col">Verdict</th><th scope="col">IP</th><th scope="col">Country</th></tr></thead><tbody>{{#history}}<tr><td><a href="/dashboard/evaluations/{{appId}}/{{id}}">{{at}}</a></td><td>{{action}}</td><td>{{verdict}}</td><td>{{ip}}</td><td>{{country}}</td></tr>{{/history}}</tbody></table>
            {{/summary}}
            """);
    private static final Template PATTERNS = DashboardLayout.compile("""
            <h1>Flagged accounts of {{appName}}</h1>
            <form method="get" action="/dashboard/patterns"><input type="hidden" name="app" value="{{appId}}">
              <label for="pattern">Pattern</label><select id="pattern" name="pattern"><option value="">any</option>{{#kinds}}<option{{#selected}} selected{{/selected}}>{{name}}</option>{{/kinds}}</select>
              <label for="level">Level</label><select id="level" name="level"><option value="">any</option>{{#levels}}<option{{#selected}} selected{{/selected}}>{{name}}</option>{{/levels}}</select>
              <button type="submit" class="secondary">Filter</button></form>
            <p><a href="/dashboard/patterns.csv?app={{appId}}&amp;pattern={{pattern}}&amp;level={{level}}" download>Export CSV</a>
              <a href="/dashboard/patterns.json?app={{appId}}&amp;pattern={{pattern}}&amp;level={{level}}" download>Export JSON</a></p>
            {{#truncated}}<div class="notice" role="status"><p>Showing the {{pageRows}} most recently seen of more: narrow them by pattern or level.
              The exports hold the first {{exportRows}}, and say whether more matched (the <code>Seatguard-Truncated</code> header; the JSON's <code>truncated</code>).</p></div>{{/truncated}}
            <table><thead><tr><th scope="col">Account</th><th scope="col">Pattern</th><th scope="col">Level</th><th scope="col">Value</th><th scope="col">First detected</th><th scope="col">Last seen</th></tr></thead>
            <tbody>{{#rows}}<tr><td><a href="/dashboard/accounts?app={{appId}}&amp;user={{userQuery}}">{{user}}</a></td><td>{{pattern}}</td><td>{{level}}</td><td>{{value}}</td><td>{{first}}</td><td>{{last}}</td></tr>{{/rows}}</tbody></table>
            {{^rows}}<p>No flagged accounts.</p>{{/rows}}
            """);

    private final DashboardPages sessions;
    private final AccountRecords records;
    private final DeviceLinks devices;
    private final PatternReader patterns;
    private final HistoryReader history;
    private final io.seatguard.core.presence.Presence presence;
    private final InstantSource clock;

    public AccountPages(DashboardPages sessions, AccountRecords records, DeviceLinks devices, PatternReader patterns, HistoryReader history,
            io.seatguard.core.presence.Presence presence, InstantSource clock) {
        this.presence = requireNonNull(presence, "presence is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.records = requireNonNull(records, "records is null");
        this.devices = requireNonNull(devices, "devices is null");
        this.patterns = requireNonNull(patterns, "patterns is null");
        this.history = requireNonNull(history, "history is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public void account(Context ctx) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedIn(ctx);
        if (operator.isEmpty()) {
            return;
        }
        App app = sessions.appOrFirst(ctx, ctx.queryParam("app"));
        // The id exactly as given, spaces included: the API keeps " carol " as an account of its own, and the
        // evaluation detail links to it; stripped, the page answered "No account carol".
        String user = Optional.ofNullable(ctx.queryParam("user")).orElse("");
        Map<String, Object> model = sessions.frame(DashboardLayout.Section.ACCOUNTS, "Accounts", app, operator.get());
        model.put("user", user);
        if (user.length() > MAX_USER_LENGTH) {
            model.put("user", user.substring(0, MAX_USER_LENGTH));
            model.put("problem", "An account id is at most " + MAX_USER_LENGTH + " characters; this one has " + user.length() + ".");
            ctx.status(400);
        }
        else if (app != null && !user.isBlank()) {
            Optional<AccountSummary> summary = records.summary(app.id(), user, clock.instant());
            if (summary.isEmpty()) {
                model.put("notFound", true);
            }
            else {
                Map<String, Object> found = new HashMap<>();
                found.put("user", user);
                found.put("appId", app.id());
                found.put("firstSeen", DashboardLayout.time(summary.get().firstSeen()));
                found.put("lastSeen", DashboardLayout.time(summary.get().lastSeen()));
                found.put("deviceCount", summary.get().deviceCount());
                found.put("devicesWord", summary.get().deviceCount() == 1 ? "device" : "devices");
                found.put("countries", summary.get().countries24h().isEmpty() ? "none" : String.join(", ", new TreeSet<>(summary.get().countries24h())));
                List<AccountDevice> linked = devices.devices(app.id(), user).orElse(List.of());
                found.put("devices", linked.stream().map(device -> Map.of("id", device.id(), "type", device.type().wireName(), "browser", device.browser(),
                        "os", device.os(), "status", device.status().apiName(), "lastSeen", DashboardLayout.time(device.lastSeen()),
                        "country", device.lastCountry().orElse("—"), "attached", device.status() == io.seatguard.core.account.LinkStatus.ATTACHED))
                        .toList());
                Optional<List<io.seatguard.core.presence.Presence.LiveSession>> live = presence.liveIfReadable(app.id(), user, clock.instant());
                found.put("sessions", live.orElse(List.of()).stream().map(session -> Map.of("id", session.sessionId(),
                        "device", session.deviceId(), "type", session.deviceType(), "ip", session.ip(), "lastSeen", DashboardLayout.time(session.lastSeen())))
                        .toList());
                // Redis down: the page says the live sessions are unknown rather than failing, or claiming there are none.
                found.put("sessionsUnknown", live.isEmpty());
                // The device rows' forms read csrf, appId and userEncoded from this enclosing context. The id goes
                // percent-encoded: a browser posts a line break in a form value as CRLF, so "x\ny" as it is
                // came back "x\r\ny", another account, and its devices could not be logged out.
                found.put("csrf", operator.get().csrfToken());
                found.put("userEncoded", URLEncoder.encode(user, StandardCharsets.UTF_8));
                found.put("patterns", patterns.forUser(app.id(), user).stream().map(pattern -> Map.of("pattern", pattern.kind().wireName(),
                        "level", pattern.level().wireName(), "value", pattern.currentValue())).toList());
                found.put("history", history.byUser(app.id(), user, 20, Optional.empty()).rows().stream().map(row -> Map.of("appId", app.id(),
                        "id", row.evaluationId(), "at", DashboardLayout.time(row.createdAt()), "action", row.action(), "verdict", row.verdict(), "ip", row.ip(),
                        "country", row.country().orElse("—"))).toList());
                model.put("summary", found);
            }
        }
        ctx.contentType("text/html; charset=utf-8").result(ACCOUNT.execute(model));
    }

    /** Logs a device out of an account from the account page; the device learns it at its next evaluation. */
    public void logOut(Context ctx) {
        if (sessions.requireSignedInForm(ctx).isEmpty()) {
            return;
        }
        App app = sessions.appOrFirst(ctx, ctx.formParam("app"));
        String user = postedUser(ctx);
        String device = Optional.ofNullable(ctx.formParam("device")).orElse("");
        Optional<String> deviceId = io.seatguard.core.ids.UuidText.canonical(device);
        // As the API's DELETE: a device the account does not have is refused with a page saying so, not a
        // silent return to the account, where a mistyped or stale id would look logged out.
        if (app != null && !(deviceId.isPresent() && user.length() <= MAX_USER_LENGTH
                && devices.detach(app.id(), user, deviceId.get(), clock.instant()))) {
            throw SeatguardException.notFound("device " + Problems.abbreviate(device) + " of user " + Problems.abbreviate(user));
        }
        ctx.redirect("/dashboard/accounts?app=" + (app == null ? "" : app.id()) + "&user=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8),
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /**
     * The account id of a log-out form: {@code user_encoded}, percent-encoded as the page writes it, so a
     * line break survives the browser; else {@code user} as posted (a page from before, or a script).
     */
    private static String postedUser(Context ctx) {
        String encoded = ctx.formParam("user_encoded");
        if (encoded == null) {
            return Optional.ofNullable(ctx.formParam("user")).orElse("");
        }
        try {
            return java.net.URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            throw SeatguardException.invalid("user_encoded", "must be an account id percent-encoded as the account page writes it");
        }
    }

    public void patterns(Context ctx) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedIn(ctx);
        if (operator.isEmpty()) {
            return;
        }
        App app = sessions.appOrFirst(ctx, ctx.queryParam("app"));
        PatternFilter filter = PatternFilter.of(ctx);
        Optional<PatternKind> kind = filter.kind();
        Optional<PatternLevel> level = filter.level();
        // One row past the page tells a cut list from a whole one: the page says when it shows the first rows only.
        io.seatguard.server.http.CappedRows<AccountPattern> read = io.seatguard.server.http.CappedRows.of(filter.list(patterns, app, PAGE_ROWS + 1), PAGE_ROWS);
        List<AccountPattern> found = read.rows();
        Map<String, Object> model = sessions.frame(DashboardLayout.Section.PATTERNS, "Patterns", app, operator.get());
        model.put("truncated", read.truncated());
        model.put("pageRows", String.format(java.util.Locale.ROOT, "%,d", PAGE_ROWS));
        model.put("exportRows", String.format(java.util.Locale.ROOT, "%,d", EXPORT_ROWS));
        model.put("pattern", kind.map(PatternKind::wireName).orElse(""));
        model.put("level", level.map(PatternLevel::wireName).orElse(""));
        model.put("kinds", java.util.Arrays.stream(PatternKind.values()).map(k -> Map.of("name", k.wireName(), "selected", kind.equals(Optional.of(k)))).toList());
        model.put("levels", java.util.Arrays.stream(PatternLevel.values()).map(l -> Map.of("name", l.wireName(), "selected", level.equals(Optional.of(l)))).toList());
        // The link's user is URL-encoded (then HTML-escaped by the template): an id with & # + or % must
        // lead to its own account, not to a cut or decoded one.
        model.put("rows", found.stream().map(pattern -> Map.of("appId", app.id(), "user", pattern.userId(),
                "userQuery", URLEncoder.encode(pattern.userId(), StandardCharsets.UTF_8), "pattern", pattern.kind().wireName(),
                "level", pattern.level().wireName(), "value", pattern.currentValue(), "first", DashboardLayout.time(pattern.firstDetected()),
                "last", DashboardLayout.time(pattern.lastSeen()))).toList());
        ctx.contentType("text/html; charset=utf-8").result(PATTERNS.execute(model));
    }

    /** The same rows as the patterns page, as the API's CSV (formula-looking ids defused) or JSON. */
    public void patternsCsv(Context ctx) {
        export(ctx, true);
    }

    public void patternsJson(Context ctx) {
        export(ctx, false);
    }

    private void export(Context ctx, boolean csv) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedIn(ctx);
        if (operator.isEmpty()) {
            return;
        }
        // As the API's export: cut at its largest limit, and saying so (a file of 10,000 rows looked complete).
        io.seatguard.server.http.CappedRows<AccountPattern> read = io.seatguard.server.http.CappedRows.of(
                PatternFilter.of(ctx).list(patterns, sessions.appOrFirst(ctx, ctx.queryParam("app")), EXPORT_ROWS + 1), EXPORT_ROWS);
        List<AccountPattern> found = read.rows();
        ctx.header(io.seatguard.server.http.PatternExport.TRUNCATED_HEADER, Boolean.toString(read.truncated()));
        if (csv) {
            ctx.header("Content-Disposition", "attachment; filename=\"patterns.csv\"").contentType("text/csv; charset=utf-8")
                    .result(io.seatguard.server.http.PatternExport.csv(found));
        }
        else {
            ctx.header("Content-Disposition", "attachment; filename=\"patterns.json\"").contentType("application/json")
                    .result(io.seatguard.server.http.PatternExport.json(found, read.truncated()));
        }
    }

    /**
     * The pattern and level asked for in the query; empty ("any" on the page's selects) is no filter. An
     * unknown name is refused (400, as {@code GET /v3/patterns} does) rather than read as no filter: an
     * export would otherwise hold every flagged account where the operator asked for some.
     */
    private record PatternFilter(Optional<PatternKind> kind, Optional<PatternLevel> level) {
        static PatternFilter of(Context ctx) {
            return new PatternFilter(
                    named(ctx, "pattern", PatternKind::fromWireName, java.util.Arrays.stream(PatternKind.values()).map(PatternKind::wireName).toList()),
                    named(ctx, "level", PatternLevel::fromWireName, java.util.Arrays.stream(PatternLevel.values()).map(PatternLevel::wireName).toList()));
        }

        private static <T> Optional<T> named(Context ctx, String parameter, java.util.function.Function<String, Optional<T>> byName, List<String> known) {
            String name = ctx.queryParam(parameter);
            if (name == null || name.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(byName.apply(name).orElseThrow(() -> io.seatguard.core.error.SeatguardException.invalid(parameter,
                    "must be one of " + String.join(", ", known))));
        }

        List<AccountPattern> list(PatternReader patterns, App app, int limit) {
            return app == null ? List.of() : patterns.list(app.id(), kind, level, limit);
        }
    }
}
