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
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' dashboard under {@code /dashboard} (issue 7), first part: signing in and out, and the
 * recent evaluations of each app. Server-rendered, no script; sessions in an {@code HttpOnly},
 * {@code SameSite=Strict} cookie holding a token kept hashed on the server; every form carries the
 * session's CSRF token (before sign-in, a double-submit cookie's). Anonymous requests are sent to the
 * sign-in page.
 */
public final class DashboardPages {
    static final String SESSION_COOKIE = "sg_dash";
    static final String LOGIN_CSRF_COOKIE = "sg_dash_csrf";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private static final String HEAD = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer"><title>{{title}} · Seatguard</title>
            <link rel="stylesheet" href="/challenge/assets/challenge.css"></head><body><main class="card wide">""";
    private static final Template LOGIN = Mustache.compiler().compile(HEAD + """
            <h1>Sign in to Seatguard</h1>
            {{#notice}}<p class="notice error" role="alert">{{notice}}</p>{{/notice}}
            <form method="post" action="/dashboard/login">
              <input type="hidden" name="csrf" value="{{csrf}}">
              <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="{{email}}">
              <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">Sign in</button>
            </form></main></body></html>""");
    private static final Template HOME = Mustache.compiler().compile(HEAD + """
            <header><p class="app-name">Signed in as {{email}}</p>
            <form method="post" action="/dashboard/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="link">Sign out</button></form></header>
            <h1>Recent evaluations</h1>
            <nav aria-label="Apps">{{#apps}}<a href="/dashboard?app={{id}}"{{#current}} aria-current="page"{{/current}}>{{name}}</a> {{/apps}}</nav>
            <table><caption>The last {{count}} evaluations of {{appName}} in 7 days, newest first</caption>
            <thead><tr><th scope="col">Time</th><th scope="col">Action</th><th scope="col">Verdict</th><th scope="col">User</th><th scope="col">Risk</th><th scope="col">IP</th></tr></thead>
            <tbody>{{#evaluations}}<tr><td>{{at}}</td><td>{{action}}</td><td>{{verdict}}</td><td>{{user}}</td><td>{{risk}}</td><td>{{ip}}</td></tr>{{/evaluations}}</tbody></table>
            {{^evaluations}}<p>No evaluations yet.</p>{{/evaluations}}
            </main></body></html>""");

    private final OperatorService operators;
    private final AppService apps;
    private final EvaluationArchive archive;
    private final ClientIpResolver clientIps;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    public DashboardPages(OperatorService operators, AppService apps, EvaluationArchive archive, ClientIpResolver clientIps, InstantSource clock) {
        this.operators = requireNonNull(operators, "operators is null");
        this.apps = requireNonNull(apps, "apps is null");
        this.archive = requireNonNull(archive, "archive is null");
        this.clientIps = requireNonNull(clientIps, "clientIps is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public void loginPage(Context ctx) {
        if (signedIn(ctx).isPresent()) {
            ctx.redirect("/dashboard", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        renderLogin(ctx, 200, Optional.empty(), "");
    }

    public void login(Context ctx) {
        headers(ctx);
        String cookie = ctx.cookie(LOGIN_CSRF_COOKIE);
        String field = ctx.formParam("csrf");
        if (cookie == null || field == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII))) {
            renderLogin(ctx, 403, Optional.of("This form expired. Please try again."), "");
            return;
        }
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("");
        switch (operators.signIn(email, Optional.ofNullable(ctx.formParam("password")).orElse(""), clientIp(ctx))) {
            case OperatorService.SignIn.Granted granted -> {
                boolean secure = secure(ctx);
                ctx.header("Set-Cookie", SESSION_COOKIE + "=" + granted.session().token() + "; Path=/dashboard; HttpOnly; SameSite=Strict"
                        + (secure ? "; Secure" : "") + "; Max-Age=" + OperatorService.SESSION_LENGTH.toSeconds());
                ctx.redirect("/dashboard", io.javalin.http.HttpStatus.SEE_OTHER);
            }
            case OperatorService.SignIn.Wait wait -> {
                ctx.header("Retry-After", String.valueOf(Math.max(1, wait.retryAfter().toSeconds())));
                renderLogin(ctx, 429, Optional.of("Too many failed attempts from here. Try again in " + minutes(wait.retryAfter()) + "."), email);
            }
            case OperatorService.SignIn.Refused refused -> renderLogin(ctx, 401, Optional.of("Wrong email or password."), email);
        }
    }

    public void logout(Context ctx) {
        headers(ctx);
        Optional<OperatorService.SignedIn> operator = signedIn(ctx);
        if (operator.isPresent() && csrfHolds(ctx, operator.get())) {
            operators.signOut(ctx.cookie(SESSION_COOKIE));
        }
        ctx.header("Set-Cookie", SESSION_COOKIE + "=; Path=/dashboard; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.redirect("/dashboard/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    public void home(Context ctx) {
        Optional<OperatorService.SignedIn> operator = requireSignedIn(ctx);
        if (operator.isEmpty()) {
            return;
        }
        List<App> all = apps.list();
        String wanted = ctx.queryParam("app");
        App current = all.stream().filter(app -> app.id().equals(wanted)).findFirst().orElse(all.isEmpty() ? null : all.get(0));
        List<Map<String, Object>> rows = current == null ? List.of() : archive.between(current.id(), clock.instant().minus(Duration.ofDays(7)),
                clock.instant().plusSeconds(1), 50).stream().map(DashboardPages::row).toList();
        ctx.contentType("text/html; charset=utf-8").result(HOME.execute(Map.of(
                "title", "Evaluations", "email", operator.get().operator().email(), "csrf", operator.get().csrfToken(),
                "apps", all.stream().map(app -> Map.of("id", app.id(), "name", app.name(), "current", app == current)).toList(),
                "appName", current == null ? "no app" : current.name(), "count", rows.size(), "evaluations", rows)));
    }

    private static Map<String, Object> row(Evaluation evaluation) {
        return Map.of("at", TIME.format(evaluation.createdAt()), "action", evaluation.action(), "verdict", evaluation.verdict().wireName(),
                "user", evaluation.user().id().orElse("—"), "risk", evaluation.risk().score(), "ip", evaluation.publicIp().address());
    }

    /** The signed-in operator, or a redirect to the sign-in page (and empty). */
    public Optional<OperatorService.SignedIn> requireSignedIn(Context ctx) {
        headers(ctx);
        Optional<OperatorService.SignedIn> operator = signedIn(ctx);
        if (operator.isEmpty()) {
            ctx.redirect("/dashboard/login", io.javalin.http.HttpStatus.FOUND);
        }
        return operator;
    }

    private Optional<OperatorService.SignedIn> signedIn(Context ctx) {
        return operators.session(ctx.cookie(SESSION_COOKIE));
    }

    private static boolean csrfHolds(Context ctx, OperatorService.SignedIn operator) {
        String field = ctx.formParam("csrf");
        return field != null && MessageDigest.isEqual(field.getBytes(StandardCharsets.US_ASCII), operator.csrfToken().getBytes(StandardCharsets.US_ASCII));
    }

    private void renderLogin(Context ctx, int status, Optional<String> notice, String email) {
        headers(ctx);
        String csrf = ctx.cookie(LOGIN_CSRF_COOKIE);
        if (csrf == null || !csrf.matches("[0-9a-f]{32}")) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            csrf = HexFormat.of().formatHex(bytes);
            ctx.res().addHeader("Set-Cookie", LOGIN_CSRF_COOKIE + "=" + csrf + "; Path=/dashboard; HttpOnly; SameSite=Strict" + (secure(ctx) ? "; Secure" : ""));
        }
        ctx.status(status).contentType("text/html; charset=utf-8").result(LOGIN.execute(Map.of("title", "Sign in", "csrf", csrf,
                "notice", notice.orElse(""), "email", email)));
    }

    private static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private String clientIp(Context ctx) {
        InetAddress peer = IpAddresses.parse(ctx.req().getRemoteAddr()).orElseThrow();
        return IpAddresses.format(clientIps.resolve(peer, Collections.list(ctx.req().getHeaders("X-Forwarded-For"))));
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
