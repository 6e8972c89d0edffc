package io.seatguard.server.dashboard;

import static java.util.Objects.requireNonNull;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.net.ClientIpResolver;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.operator.OperatorService;
import io.seatguard.core.policy.EvaluationArchive;
import io.seatguard.server.http.AuditLog;
import io.seatguard.server.http.ForwardedProto;
import io.seatguard.server.http.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' dashboard under {@code /dashboard} (issue 7), first part: signing in and out, and the
 * recent evaluations of each app. Server-rendered, no script; sessions in an {@code HttpOnly},
 * {@code SameSite=Strict} cookie ({@code __Host-} prefixed on a secure request: {@link DashboardCookies}) holding a token kept hashed on the server; every form carries the
 * session's CSRF token (before sign-in, a double-submit cookie's). Anonymous requests are sent to the
 * sign-in page.
 */
public final class DashboardPages {
    private static final String OPERATOR = "seatguard.dashboard.operator";

    private static final String HEAD = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer"><title>{{title}} · Seatguard</title>
            <link rel="stylesheet" href="/challenge/assets/challenge.css"></head><body><main class="card wide">""";
    // An empty notice is no notice: without emptyStringIsFalse every sign-in page showed an empty alert box.
    private static final Template LOGIN = Mustache.compiler().emptyStringIsFalse(true).compile(HEAD + """
            <h1>Sign in to Seatguard</h1>
            {{#notice}}<p class="notice error" role="alert">{{notice}}</p>{{/notice}}
            <form method="post" action="/dashboard/login">
              <input type="hidden" name="csrf" value="{{csrf}}">{{#next}}<input type="hidden" name="next" value="{{next}}">{{/next}}
              <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="{{email}}">
              <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
              <label for="code">Authenticator code or a recovery code (if you turned on two-factor sign-in)</label><input id="code" name="code" autocomplete="one-time-code" maxlength="64">
              <button type="submit">Sign in</button>
            </form>
            <p class="hint">Forgot your password? Whoever runs this Seatguard sets a new one with
              <code>./seatguard operators reset-password</code>; there is no reset by email.</p></main></body></html>""");
    /** A page that only says why a request was refused, with the way back: never a form to fill in. */
    private static final Template NOTICE = Mustache.compiler().compile(HEAD + """
            <h1>{{title}}</h1>
            <p class="notice error" role="alert">{{message}}</p>
            <p><a href="/dashboard">Back to the dashboard</a></p></main></body></html>""");
    private static final Template LIST = DashboardLayout.compile("""
            <h1>Evaluations</h1>
            <form method="get" action="/dashboard/evaluations" class="filters" aria-label="Filters"><input type="hidden" name="app" value="{{appId}}">
              <div><label for="f-action">Action</label><input id="f-action" name="action" value="{{f.action}}"></div>
              <div><label for="f-verdict">Verdict</label><select id="f-verdict" name="verdict"><option value="">any</option>{{#verdicts}}<option{{#selected}} selected{{/selected}}>{{name}}</option>{{/verdicts}}</select></div>
              <div><label for="f-user">User</label><input id="f-user" name="user" value="{{f.user}}"></div>
              <div><label for="f-device">Device id</label><input id="f-device" name="device" value="{{f.device}}"></div>
              <div><label for="f-ip">IP</label><input id="f-ip" name="ip" value="{{f.ip}}"></div>
              <div><label for="f-country">Country</label><input id="f-country" name="country" value="{{f.country}}" maxlength="2" placeholder="FR"></div>
              <div><label for="f-risk">Risk band</label><select id="f-risk" name="risk"><option value="">any</option>{{#bands}}<option{{#selected}} selected{{/selected}}>{{name}}</option>{{/bands}}</select></div>
              <div><label for="f-from">From (UTC)</label><input id="f-from" name="from" type="datetime-local" value="{{f.from}}"></div>
              <div><label for="f-to">To (UTC)</label><input id="f-to" name="to" type="datetime-local" value="{{f.to}}"></div>
              <div><button type="submit" class="secondary">Filter</button></div></form>
            {{#problem}}<p class="notice error" role="alert">{{problem}}</p>{{/problem}}
            <table><caption>{{count}} evaluations of {{appName}} from {{fromText}} to {{toText}}, newest first (filters look at the newest {{window}} of that range)</caption>
            <thead><tr><th scope="col">Time</th><th scope="col">Action</th><th scope="col">Verdict</th><th scope="col">User</th><th scope="col">Risk</th><th scope="col">IP</th><th scope="col">Country</th></tr></thead>
            <tbody>{{#evaluations}}<tr><td><a href="/dashboard/evaluations/{{appId}}/{{id}}">{{at}}</a></td><td>{{action}}</td><td>{{verdict}}</td><td>{{user}}</td><td>{{risk}} ({{band}})</td><td>{{ip}}</td><td>{{country}}</td></tr>{{/evaluations}}</tbody></table>
            {{^evaluations}}<p>No evaluations match.</p>{{/evaluations}}
            """);

    private static final Template DETAIL = DashboardLayout.compile("""
            <p><a href="/dashboard/evaluations?app={{appId}}">← Evaluations</a></p>
            <h1>{{action}}: {{verdict}}</h1>
            <dl><dt>Evaluation</dt><dd>{{id}}</dd><dt>Time</dt><dd>{{at}}</dd><dt>User</dt><dd>{{#userQuery}}<a href="/dashboard/accounts?app={{appId}}&amp;user={{userQuery}}">{{user}}</a>{{/userQuery}}{{^userQuery}}{{user}}{{/userQuery}}</dd><dt>Device</dt><dd>{{#device}}{{id}} ({{type}}, <bdi>{{browser}}</bdi> on <bdi>{{os}}</bdi>){{/device}}</dd>
            <dt>Public IP</dt><dd>{{ip}}</dd><dt>Risk</dt><dd>{{risk}}</dd></dl>
            <h2>Policy</h2>{{#policy}}<p>{{name}} ({{mode}}, {{verdict}}) matched because:</p>
            <ul>{{#reasons}}<li>{{check}} {{op}} <bdi>{{value}}</bdi>: was <bdi>{{actual}}</bdi>{{^held}} (under not){{/held}}</li>{{/reasons}}{{#omitted}}<li>and {{omitted}} more, not recorded (an evaluation records 50 reasons at most)</li>{{/omitted}}</ul>{{/policy}}
            {{^policy}}<p>No policy matched.</p>{{/policy}}
            {{#challenge}}<h2>Challenge</h2><p>{{type}}: {{status}}</p>{{/challenge}}
            <h2>Risks</h2><ul id="risks">{{#risks}}<li>{{category}}: {{score}} ({{severity}})</li>{{/risks}}</ul>{{^risks}}<p>None.</p>{{/risks}}
            <h2>Risk signals</h2><ul>{{#signals}}<li>{{name}} (+{{points}}): <bdi>{{detail}}</bdi></li>{{/signals}}</ul>{{^signals}}<p>None.</p>{{/signals}}
            <h2>Detection flags</h2><table><tbody>{{#flags}}<tr><th scope="row">{{name}}</th><td>{{value}}</td></tr>{{/flags}}</tbody></table>
            <h2>Checks</h2><table><tbody>{{#checks}}<tr><th scope="row">{{name}}</th><td>{{value}}</td></tr>{{/checks}}</tbody></table>
            """);
    static final int FILTER_WINDOW = 1_000;
    static final int PAGE_ROWS = 100;

    private final OperatorService operators;
    private final io.seatguard.core.evaluation.EvaluationStore evaluations;
    private final io.seatguard.core.challenge.ChallengeService challenges;
    private final AppService apps;
    private final EvaluationArchive archive;
    private final ClientIpResolver clientIps;
    private final InstantSource clock;
    private final java.util.function.Supplier<String> publicUrl;
    private final SecureRandom random = new SecureRandom();

    /** @param publicUrl the address people reach this server at ({@code --public-url}, or the one the server derived) */
    public DashboardPages(OperatorService operators, AppService apps, EvaluationArchive archive, io.seatguard.core.evaluation.EvaluationStore evaluations,
            io.seatguard.core.challenge.ChallengeService challenges, ClientIpResolver clientIps, InstantSource clock,
            java.util.function.Supplier<String> publicUrl) {
        this.operators = requireNonNull(operators, "operators is null");
        this.challenges = requireNonNull(challenges, "challenges is null");
        this.evaluations = requireNonNull(evaluations, "evaluations is null");
        this.apps = requireNonNull(apps, "apps is null");
        this.archive = requireNonNull(archive, "archive is null");
        this.clientIps = requireNonNull(clientIps, "clientIps is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.publicUrl = requireNonNull(publicUrl, "publicUrl is null");
    }

    /** The sign-in form, carrying the page first asked for ({@link NextPage}); a signed-in operator is sent there at once. */
    public void loginPage(Context ctx) {
        Optional<String> next = NextPage.of(ctx.queryParam(NextPage.PARAMETER));
        if (signedIn(ctx).isPresent()) {
            ctx.redirect(next.orElse("/dashboard"), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        renderLogin(ctx, 200, Optional.empty(), "", next);
    }

    public void login(Context ctx) {
        headers(ctx);
        Optional<String> next = NextPage.of(ctx.formParam(NextPage.PARAMETER));
        String cookie = cookies(ctx).loginCsrf(ctx);
        String field = ctx.formParam("csrf");
        if (cookie == null || field == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII))) {
            renderLogin(ctx, 403, Optional.of("This form expired. Please try again."), "", next);
            return;
        }
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("");
        switch (operators.signIn(email, Optional.ofNullable(ctx.formParam("password")).orElse(""), Optional.ofNullable(ctx.formParam("code")).orElse(""),
                clientKey(ctx))) {
            case OperatorService.SignIn.Granted granted -> {
                // The operator as stored (trimmed, lower case), as every later line of theirs names them, not as typed.
                AuditLog.actor(ctx, "operator " + granted.operator().email());
                // A browser signing in again ends the session it held (whoever's it was): replaced in the
                // browser only, a copy of its cookie stayed signed in for the rest of its 12 hours.
                operators.signOut(cookies(ctx).session(ctx));
                setSessionCookie(ctx, granted.session());
                ctx.redirect(next.orElse("/dashboard"), io.javalin.http.HttpStatus.SEE_OTHER);
            }
            case OperatorService.SignIn.Wait wait -> {
                io.seatguard.server.http.RetryAfter.set(ctx, wait.retryAfter());
                String where = wait.everywhere() ? "for this account" : "from here";
                renderLogin(ctx, 429, Optional.of("Too many failed attempts " + where + ". Try again in " + minutes(wait.retryAfter()) + "."), email, next);
            }
            // One answer for a wrong password and a wrong code: which one it was is not told to a guesser.
            case OperatorService.SignIn.Refused refused -> renderLogin(ctx, 401, Optional.of("Wrong email, password or authenticator code."), email, next);
        }
    }

    /**
     * Signs out only a form that carries its session's CSRF token. Anything else leaves the cookie alone:
     * a cross-site form arrives without the {@code SameSite=Strict} cookie, and answering it with an
     * expired cookie would sign the operator out from any site all the same.
     */
    public void logout(Context ctx) {
        headers(ctx);
        Optional<OperatorService.SignedIn> operator = signedIn(ctx);
        if (operator.isEmpty()) {
            ctx.redirect("/dashboard/login", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        if (!csrfHoldsOrRefuse(ctx, operator.get())) {
            return;
        }
        operators.signOut(cookies(ctx).session(ctx));
        clearSessionCookie(ctx);
        ctx.redirect("/dashboard/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** Gives the browser this session's cookie (a sign-in, or a password change, which renews the session). */
    void setSessionCookie(Context ctx, OperatorService.NewSession session) {
        ctx.header("Set-Cookie", cookies(ctx).setSession(session.token(), OperatorService.SESSION_LENGTH.toSeconds()));
    }

    /** Tells the browser to drop its session cookie (signing out, or a session that could not be renewed). */
    void clearSessionCookie(Context ctx) {
        ctx.header("Set-Cookie", cookies(ctx).clearSession());
    }

    /** {@code /dashboard/evaluations}: the app's evaluations, filtered by action, verdict, user, device, IP, country, risk band and time. */
    public void evaluations(Context ctx) {
        Optional<OperatorService.SignedIn> operator = requireSignedIn(ctx);
        if (operator.isEmpty()) {
            return;
        }
        App current = appOrFirst(ctx, ctx.queryParam("app"));
        EvaluationFilter filter = EvaluationFilter.read(ctx::queryParam, clock.instant());
        List<Map<String, Object>> rows = current == null || filter.problem().isPresent() ? List.of()
                : archive.between(current.id(), filter.from(), filter.to(), FILTER_WINDOW).stream()
                        .filter(filter::matches)
                        .limit(PAGE_ROWS)
                        .map(DashboardPages::row).toList();
        Map<String, Object> model = frame(DashboardLayout.Section.EVALUATIONS, "Evaluations", current, operator.get());
        model.put("f", filter.fields());
        model.put("problem", filter.problem().orElse(""));
        model.put("fromText", DashboardLayout.time(filter.from()));
        model.put("toText", DashboardLayout.time(filter.to()));
        model.put("window", FILTER_WINDOW);
        model.put("count", rows.size());
        model.put("evaluations", rows);
        model.put("verdicts", java.util.stream.Stream.of("allow", "deny", "challenge")
                .map(name -> Map.of("name", name, "selected", name.equals(filter.fields().get("verdict")))).toList());
        model.put("bands", EvaluationFilter.BANDS.stream().map(name -> Map.of("name", name, "selected", name.equals(filter.fields().get("risk")))).toList());
        ctx.status(filter.problem().isPresent() ? 400 : 200).contentType("text/html; charset=utf-8").result(LIST.execute(model));
    }

    /** {@code /dashboard/evaluations/{app}/{id}}: every signal, check, risk and the policy that matched, with why. */
    public void evaluation(Context ctx) {
        Optional<OperatorService.SignedIn> operator = requireSignedIn(ctx);
        if (operator.isEmpty()) {
            return;
        }
        String appId = ctx.pathParam("app");
        // A UUID in either case, as the API takes it (RFC 9562 §4).
        Optional<String> id = io.seatguard.core.ids.UuidText.canonical(ctx.pathParam("id"));
        Optional<Evaluation> found = id.isPresent() && appId.length() <= 64 ? evaluations.find(appId, id.get()) : Optional.empty();
        if (found.isEmpty()) {
            notice(ctx, 404, "Not found", "No such evaluation.");
            return;
        }
        // The challenge's status now (completed, failed, expired), not the one it had when the evaluation was answered.
        Evaluation evaluation = challenges.withCurrentChallenge(found.get());
        Map<String, Object> model = frame(DashboardLayout.Section.EVALUATIONS, "Evaluation", apps.find(appId).orElse(null), operator.get());
        model.put("id", evaluation.id());
        model.put("action", evaluation.action());
        model.put("verdict", evaluation.verdict().wireName());
        model.put("at", DashboardLayout.time(evaluation.createdAt()));
        model.put("user", evaluation.user().id().orElse("—"));
        model.put("userQuery", evaluation.user().id().map(user -> java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)).orElse(""));
        // Each name the user agent gave in its own <bdi>: a right-to-left override in one turned the rest of the line around.
        model.put("device", Map.of("id", evaluation.device().id(), "type", evaluation.device().type().wireName(), "browser", evaluation.device().browser(),
                "os", evaluation.device().os()));
        model.put("ip", evaluation.publicIp().address() + evaluation.publicIp().country().map(country -> " (" + country + ")").orElse(""));
        model.put("risk", evaluation.risk().score() + " (" + io.seatguard.core.risk.RiskScorer.band(evaluation.risk().score()) + ")");
        model.put("risks", evaluation.risk().risks().stream().map(category -> Map.of("category", category.category(), "score", category.score(),
                "severity", category.severity())).toList());
        evaluation.policy().ifPresent(policy -> {
            Map<String, Object> shown = new java.util.HashMap<>(Map.of("name", policy.name(), "mode", policy.mode(), "verdict", policy.verdict().wireName(),
                    "reasons", policy.reasons().stream().map(reason -> Map.of("check", reason.field(), "op", reason.op(),
                            "value", String.valueOf(io.seatguard.core.policy.PolicyTree.wholeNumbers(reason.value())),
                            "actual", String.valueOf(io.seatguard.core.policy.PolicyTree.wholeNumbers(reason.actual())), "held", reason.held())).toList()));
            if (policy.reasonsOmitted() > 0) {
                shown.put("omitted", policy.reasonsOmitted());
            }
            model.put("policy", shown);
        });
        evaluation.challenge().ifPresent(challenge -> model.put("challenge", Map.of("type", challenge.type(), "status", challenge.status())));
        model.put("signals", evaluation.risk().signals().stream().map(signal -> Map.of("name", signal.name(), "points", signal.points(),
                "detail", signal.detail())).toList());
        io.seatguard.core.evaluation.DetectionFlags flags = evaluation.detectionFlags();
        model.put("flags", List.of(flag("vpn", flags.vpn()), flag("proxy", flags.proxy()), flag("tor", flags.tor()), flag("hosting", flags.hosting()),
                flag("relay", flags.relay()), flag("ip_mismatch", flags.ipMismatch()), flag("timezone_mismatch", flags.timezoneMismatch())));
        model.put("checks", evaluation.checks().entrySet().stream().map(entry -> Map.of("name", entry.getKey(),
                "value", entry.getValue() == null ? "unknown" : String.valueOf(entry.getValue()))).toList());
        ctx.contentType("text/html; charset=utf-8").result(DETAIL.execute(model));
    }

    private static Map<String, Object> flag(String name, Optional<Boolean> value) {
        return Map.of("name", name, "value", value.map(String::valueOf).orElse("unknown"));
    }

    private static Map<String, Object> row(Evaluation evaluation) {
        return Map.of("appId", evaluation.appId(), "id", evaluation.id(), "at", DashboardLayout.time(evaluation.createdAt()), "action", evaluation.action(),
                "verdict", evaluation.verdict().wireName(), "user", evaluation.user().id().orElse("—"), "risk", evaluation.risk().score(),
                "band", io.seatguard.core.risk.RiskScorer.band(evaluation.risk().score()), "ip", evaluation.publicIp().address(),
                "country", evaluation.publicIp().country().orElse("—"));
    }

    /** The signed-in operator, or a redirect to the sign-in page (and empty). */
    public Optional<OperatorService.SignedIn> requireSignedIn(Context ctx) {
        headers(ctx);
        Optional<OperatorService.SignedIn> operator = signedIn(ctx);
        if (operator.isEmpty()) {
            ctx.redirect(signInFor(ctx), io.javalin.http.HttpStatus.FOUND);
        }
        return operator;
    }

    /**
     * The sign-in page, naming the page asked for when it was a dashboard page to open afterwards (a GET:
     * a form posted without a session is not posted again, and the overview is the default anyway).
     */
    private static String signInFor(Context ctx) {
        if (ctx.method() != io.javalin.http.HandlerType.GET) {
            return "/dashboard/login";
        }
        String target = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        return NextPage.of(target).filter(next -> !next.equals("/dashboard"))
                .map(next -> "/dashboard/login?" + NextPage.PARAMETER + "=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8))
                .orElse("/dashboard/login");
    }

    /** The session's operator, looked up once per request (the app check and the page both ask). */
    private Optional<OperatorService.SignedIn> signedIn(Context ctx) {
        OperatorService.SignedIn known = ctx.attribute(OPERATOR);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<OperatorService.SignedIn> operator = operators.session(cookies(ctx).session(ctx));
        operator.ifPresent(found -> {
            ctx.attribute(OPERATOR, found);
            AuditLog.actor(ctx, "operator " + found.operator().email());
        });
        return operator;
    }

    /**
     * The app the page asks for, else the operator's first one; null when they may see none. An app the
     * operator may not see never gets here: {@link #refusesApp} has answered 404 before.
     */
    App appOrFirst(Context ctx, String wanted) {
        List<App> visible = visibleApps(ctx);
        return visible.stream().filter(app -> app.id().equals(wanted)).findFirst().orElse(visible.isEmpty() ? null : visible.get(0));
    }

    /** The apps the signed-in operator may see, in creation order. */
    List<App> visibleApps(Context ctx) {
        OperatorService.SignedIn operator = ctx.attribute(OPERATOR);
        return apps.list().stream().filter(app -> operator != null && operator.operator().maySee(app.id())).toList();
    }

    /**
     * Whether the request names an app (query, path or form field {@code app}) that does not exist or
     * that this operator may not see; if so it has been answered 404, the same for both, so an operator
     * limited to some apps learns nothing of the others. Anonymous requests pass on to be sent to sign in.
     * A POST's body is a form here: {@link #refusesNonForm} answered any other before.
     */
    boolean refusesApp(Context ctx) {
        Optional<OperatorService.SignedIn> operator = signedIn(ctx);
        if (operator.isEmpty()) {
            return false;
        }
        List<String> named = new java.util.ArrayList<>();
        Optional.ofNullable(ctx.queryParam("app")).ifPresent(named::add);
        Optional.ofNullable(ctx.pathParamMap().get("app")).ifPresent(named::add);
        if (ctx.method() == io.javalin.http.HandlerType.POST) {
            Optional.ofNullable(ctx.formParam("app")).ifPresent(named::add);
        }
        for (String appId : named) {
            if (appId.isBlank()) {
                continue;
            }
            boolean known = appId.length() <= 64 && apps.find(appId).isPresent() && operator.get().operator().maySee(appId);
            if (!known) {
                notice(ctx, 404, "Not found", "No such app.");
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a POST's body is not an HTML form ({@code application/x-www-form-urlencoded}, as every form
     * of the dashboard sends); if so it has been answered 415, before any field is read. Asked of every
     * POST, signed in or not, signing in and out included. Javalin reads form fields from any body (plain
     * text, multipart, no type at all): a check that read the form only for that type let a limited
     * operator name another app in a body of another type, and the handler read it all the same; and
     * sign-out, asked nothing, ended a session for a body of any type.
     */
    boolean refusesNonForm(Context ctx) {
        if (ctx.method() != io.javalin.http.HandlerType.POST || MediaTypes.isForm(ctx.contentType())) {
            return false;
        }
        notice(ctx, 415, "Not a form", "The dashboard takes HTML forms only (application/x-www-form-urlencoded).");
        return true;
    }

    /**
     * What a read-only operator may still post: their own password and second factor, and a policy draft's
     * backtest (a route of its own that saves nothing, whatever the form says).
     */
    private static final java.util.Set<String> READ_ONLY_MAY_POST = java.util.Set.of("/dashboard/password", "/dashboard/two-factor",
            "/dashboard/policies/backtest");

    /**
     * Whether a read-only operator posted a change; if so it has been answered 403 and nothing ran. One
     * check before every guarded route, so a form added later is covered without remembering to.
     */
    boolean refusesChange(Context ctx) {
        if (ctx.method() != io.javalin.http.HandlerType.POST || READ_ONLY_MAY_POST.contains(ctx.path())) {
            return false;
        }
        Optional<OperatorService.SignedIn> operator = signedIn(ctx);
        if (operator.isEmpty() || !operator.get().operator().readOnly()) {
            return false;
        }
        notice(ctx, 403, "Read-only", "You are a read-only operator: you can look, not change anything.");
        return true;
    }

    /** The shared frame's model for a page of {@code section} showing {@code current}; the chooser lists the operator's apps. */
    Map<String, Object> frame(DashboardLayout.Section section, String title, App current, OperatorService.SignedIn operator) {
        return DashboardLayout.model(section, title, current, apps.list().stream().filter(app -> operator.operator().maySee(app.id())).toList(), operator);
    }

    /** A refused change's faults, each naming its field (the whole object when the fault has no field). */
    static List<io.seatguard.core.error.FieldError> faults(io.seatguard.core.error.SeatguardException e) {
        return e.errors().isEmpty() ? List.of(new io.seatguard.core.error.FieldError(e.code().slug(), e.getMessage())) : e.errors();
    }

    /**
     * A current password refused for the back-off (changing the password or the second factor): sets
     * {@code Retry-After} and answers the fault to show, naming {@code current_password}.
     */
    static List<io.seatguard.core.error.FieldError> tooManyWrongPasswords(Context ctx, OperatorService.SignIn.Wait wait) {
        io.seatguard.server.http.RetryAfter.set(ctx, wait.retryAfter());
        return List.of(new io.seatguard.core.error.FieldError("current_password", "too many wrong passwords; try again in " + minutes(wait.retryAfter())));
    }

    /** The HTTP status the API would answer for that fault. */
    static int statusOf(io.seatguard.core.error.SeatguardException e) {
        return io.seatguard.server.http.Problems.status(e.code().category());
    }

    /**
     * For a posted form: the signed-in operator when the form carries their session's CSRF token; else
     * empty, the request already answered (sent to sign in, or 403).
     */
    public Optional<OperatorService.SignedIn> requireSignedInForm(Context ctx) {
        Optional<OperatorService.SignedIn> operator = requireSignedIn(ctx);
        return operator.isPresent() && csrfHoldsOrRefuse(ctx, operator.get()) ? operator : Optional.empty();
    }

    /** Whether the form carries the session's CSRF token; answers 403 when it does not. */
    private static boolean csrfHoldsOrRefuse(Context ctx, OperatorService.SignedIn operator) {
        boolean holds = csrfHolds(ctx, operator);
        if (!holds) {
            // A page, as every refusal of the dashboard: a tab opened before a sign-in or a password change posts an old token.
            notice(ctx, 403, "Form expired", "This form expired (the session it was opened in ended, or was renewed by a password change); reload the page.");
        }
        return holds;
    }

    private static boolean csrfHolds(Context ctx, OperatorService.SignedIn operator) {
        String field = ctx.formParam("csrf");
        return field != null && MessageDigest.isEqual(field.getBytes(StandardCharsets.US_ASCII), operator.csrfToken().getBytes(StandardCharsets.US_ASCII));
    }

    private void renderLogin(Context ctx, int status, Optional<String> notice, String email, Optional<String> next) {
        headers(ctx);
        String csrf = cookies(ctx).loginCsrf(ctx);
        if (csrf == null || !csrf.matches("[0-9a-f]{32}")) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            csrf = HexFormat.of().formatHex(bytes);
            ctx.res().addHeader("Set-Cookie", cookies(ctx).setLoginCsrf(csrf));
        }
        ctx.status(status).contentType("text/html; charset=utf-8").result(LOGIN.execute(Map.of("title", "Sign in", "csrf", csrf,
                "notice", notice.orElse(""), "email", email, "next", next.orElse(""))));
    }

    /**
     * Answers a refused request as a page a browser shows ({@code status}, why, and a link back), not as the
     * API's problem document: a dashboard form posted for a list another tab deleted, a policy today's
     * settings refuse, an app the operator may not see.
     */
    static void notice(Context ctx, int status, String title, String message) {
        headers(ctx);
        ctx.status(status).contentType("text/html; charset=utf-8").result(NOTICE.execute(Map.of("title", title, "message", message)));
    }

    private static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    /**
     * Whether the dashboard's cookies are {@code Secure}: always when the public URL is https, since that is
     * where browsers reach it, whatever the request says (a proxy that terminates TLS and sends no
     * {@code X-Forwarded-Proto} made it look like plain http); else when the request came over https, or a
     * proxy says it did. {@code X-Forwarded-Proto} is taken from anyone, not only from {@code --trusted-proxies}:
     * it only makes this request's cookies stricter ({@code Secure}, and the {@code __Host-} names read and
     * written, which a browser takes from https alone), and only a client's own request carries it (a page
     * of another site cannot add the header to a browser's request). A client that lies gets cookies its
     * browser refuses. Believed only from listed proxies, a TLS proxy left off the list (the address check's
     * own mistake) would also cost the cookies {@code Secure} and the {@code __Host-} protection. A list
     * ({@code https, http}, from two proxies) is read by its left-most element ({@link ForwardedProto}).
     */
    private boolean secure(Context ctx) {
        return ForwardedProto.secureCookies(ctx, publicUrl.get());
    }

    /** This request's cookie names and scope: {@code __Host-} prefixed when it is secure. */
    private DashboardCookies cookies(Context ctx) {
        return new DashboardCookies(secure(ctx));
    }

    private boolean httpsPublicUrl() {
        return ForwardedProto.isHttpsUrl(publicUrl.get());
    }

    /**
     * HSTS: a year, this host only (no {@code includeSubDomains}: other hosts of the domain are not
     * Seatguard's to pin; no {@code preload}). Sent with every dashboard page when the public URL is
     * https, so a browser that once reached the dashboard there never again sends its session cookie, or
     * an operator's password, over plain http to this host (a browser heeds it only over https).
     */
    static final String STRICT_TRANSPORT = "max-age=31536000";

    /** Asks the browser for https from now on, when the public URL is https (every dashboard route). */
    void strictTransport(Context ctx) {
        if (httpsPublicUrl()) {
            ctx.header("Strict-Transport-Security", STRICT_TRANSPORT);
        }
    }

    /** The client failed sign-ins are counted against: its address, or for IPv6 its /64 (IpAddresses.clientKey). */
    String clientKey(Context ctx) {
        return IpAddresses.clientKey(io.seatguard.server.http.PeerAddress.client(ctx, clientIps));
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
