package io.seatguard.server.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.evaluation.ConsumeOutcome;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.EvaluationStore;
import io.seatguard.core.evaluation.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code /demo}: a small subscription site wired with the browser SDK, so a newcomer sees evaluations
 * happen within a minute of starting the server, and the browser tests have a real page to drive.
 *
 * <p>It plays the integrator's part of seed 003's login flow with the {@code default} app: the page
 * evaluates the login, posts the evaluation id with the credentials, and this backend reads the
 * evaluation, checks it is a fresh login of that user with verdict {@code allow}, and consumes it (a
 * replay is refused) before it opens a session. A browser whose SDK call failed gets in anyway, as seed
 * 003 advises (fail open). The protected page evaluates {@code access} on every view.
 *
 * <p>Demo accounts only, all with the password {@code demo}; sessions are signed cookies with a key
 * made at start, so a restart signs everyone out.
 */
final class DemoSite {
    static final List<String> ACCOUNTS = List.of("alice", "bob", "carol");
    static final String PASSWORD = "demo";
    private static final String COOKIE = "sg_demo";
    private static final Duration SESSION_LENGTH = Duration.ofHours(8);
    /** Seed 003: an evaluation older than this does not open a session. */
    private static final Duration FRESHNESS = Duration.ofMinutes(10);

    private final AppService apps;
    private final EvaluationStore evaluations;
    private final JsonBody jsonBody;
    private final InstantSource clock;
    private final byte[] sessionKey = new byte[32];
    private final Map<String, String> pages;

    DemoSite(AppService apps, EvaluationStore evaluations, JsonBody jsonBody, InstantSource clock) {
        this.apps = requireNonNull(apps, "apps is null");
        this.evaluations = requireNonNull(evaluations, "evaluations is null");
        this.jsonBody = requireNonNull(jsonBody, "jsonBody is null");
        this.clock = requireNonNull(clock, "clock is null");
        new SecureRandom().nextBytes(sessionKey);
        this.pages = Map.of("login", resource("demo/login.html"), "account", resource("demo/account.html"), "demo.js", resource("demo/demo.js"),
                "demo.css", resource("demo/demo.css"));
    }

    void loginPage(Context ctx) {
        if (signedInUser(ctx).isPresent()) {
            ctx.redirect("/demo/account");
            return;
        }
        html(ctx, pages.get("login"));
    }

    void accountPage(Context ctx) {
        Optional<String> user = signedInUser(ctx);
        if (user.isEmpty()) {
            ctx.redirect("/demo");
            return;
        }
        html(ctx, pages.get("account").replace("{{USER}}", user.get()));
    }

    void script(Context ctx) {
        ctx.header("Cache-Control", "no-cache").contentType("text/javascript; charset=utf-8").result(pages.get("demo.js"));
    }

    void stylesheet(Context ctx) {
        ctx.header("Cache-Control", "no-cache").contentType("text/css; charset=utf-8").result(pages.get("demo.css"));
    }

    /** {@code {user, password, evaluation_id}} → 204 and a session cookie, or a problem. */
    void login(Context ctx) {
        JsonNode body = jsonBody.readObject(ctx);
        FieldErrors errors = new FieldErrors();
        Optional<String> user = EvaluateBodyReader.optionalText(body, "user", errors, 64);
        Optional<String> password = EvaluateBodyReader.optionalText(body, "password", errors, 64);
        Optional<String> evaluationId = EvaluateBodyReader.optionalText(body, "evaluation_id", errors, 36);
        if (user.isEmpty() && (body.get("user") == null || body.get("user").isNull())) {
            errors.add("user", "is required");
        }
        errors.throwIfAny();
        if (!ACCOUNTS.contains(user.get()) || !PASSWORD.equals(password.orElse(""))) {
            throw new SeatguardException(ErrorCode.INVALID_CREDENTIALS, "Unknown demo account or wrong password (accounts: alice, bob, carol; password: demo)");
        }
        if (evaluationId.isPresent()) {
            checkLoginEvaluation(defaultApp(), evaluationId.get(), user.get());
        }
        Instant expires = clock.instant().plus(SESSION_LENGTH);
        String value = user.get() + "." + expires.getEpochSecond();
        ctx.header("Set-Cookie", COOKIE + "=" + value + "." + sign(value) + "; Path=/demo; HttpOnly; SameSite=Lax; Max-Age=" + SESSION_LENGTH.toSeconds());
        ctx.status(204);
    }

    void logout(Context ctx) {
        ctx.header("Set-Cookie", COOKIE + "=; Path=/demo; HttpOnly; SameSite=Lax; Max-Age=0");
        ctx.status(204);
    }

    /** The default app's public settings for the page: its client id. */
    void config(Context ctx) {
        App app = defaultApp();
        ctx.contentType("application/json").result(Json.MAPPER.createObjectNode().put("client_id", app.clientId()).toString());
    }

    private void checkLoginEvaluation(App app, String evaluationId, String user) {
        Evaluation evaluation = evaluations.find(app.id(), evaluationId)
                .orElseThrow(() -> SeatguardException.invalid("evaluation_id", "is not an evaluation of the demo's app"));
        if (!"login".equals(evaluation.action()) || !evaluation.user().id().map(user::equals).orElse(false)) {
            throw SeatguardException.invalid("evaluation_id", "is not a login evaluation of " + user);
        }
        if (evaluation.createdAt().isBefore(clock.instant().minus(FRESHNESS))) {
            throw SeatguardException.invalid("evaluation_id", "is older than " + FRESHNESS.toMinutes() + " minutes");
        }
        if (evaluation.verdict() != Verdict.ALLOW) {
            throw new SeatguardException(ErrorCode.LOGIN_REFUSED, "Seatguard answered " + evaluation.verdict().wireName() + " for this login");
        }
        if (!(evaluations.consume(app.id(), evaluationId, clock.instant()) instanceof ConsumeOutcome.Consumed)) {
            throw new SeatguardException(ErrorCode.ALREADY_CONSUMED, "This login evaluation was already used");
        }
    }

    private App defaultApp() {
        return apps.list().stream().filter(app -> app.name().equals("default")).findFirst()
                .orElseThrow(() -> new SeatguardException(ErrorCode.NOT_FOUND, "The demo needs the app named 'default', created on first start"));
    }

    private Optional<String> signedInUser(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        int lastDot = cookie.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String value = cookie.substring(0, lastDot);
        if (!MessageDigest.isEqual(sign(value).getBytes(UTF_8), cookie.substring(lastDot + 1).getBytes(UTF_8))) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", 2);
        if (parts.length != 2 || !ACCOUNTS.contains(parts[0])) {
            return Optional.empty();
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(parts[1])).isAfter(clock.instant()) ? Optional.of(parts[0]) : Optional.empty();
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(UTF_8)));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static void html(Context ctx, String page) {
        ctx.header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(page);
    }

    private static String resource(String name) {
        try (InputStream in = DemoSite.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
