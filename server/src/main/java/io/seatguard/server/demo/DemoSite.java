package io.seatguard.server.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.app.IdentitySignature;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.policy.Policy;
import io.seatguard.core.policy.PolicyService;
import io.seatguard.server.http.ForwardedProto;
import io.seatguard.server.http.Json;
import io.seatguard.sdk.AlreadyConsumedException;
import io.seatguard.sdk.Evaluation;
import io.seatguard.sdk.NotFoundException;
import io.seatguard.sdk.SeatguardClient;
import io.seatguard.server.http.JsonBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code /demo}: a small subscription site wired with the browser SDK, playing the integrator of the
 * seeds' three flows with its own app ({@link DemoApp}), so a newcomer sees them work within minutes and the
 * browser tests have a real site to drive.
 *
 * <ul>
 *   <li>Login (seed 003): the page evaluates the login and posts the evaluation id with the password.
 *       The backend checks it is a fresh login evaluation of that user; on {@code allow} it consumes it
 *       and opens a session; on {@code challenge} it opens nothing, remembers the login in a signed
 *       cookie and the page goes to the hosted challenge. Back at {@code /demo/verified?evaluation=…}
 *       the backend consumes the evaluation (a replay is refused) and checks action, user, freshness and
 *       {@code challenge.status == completed} before it opens the session. Both times it checks the
 *       evaluation's email and phone are the account's own: the code went there, and the browser named
 *       them, so a challenge passed with a code sent to another address proves nothing.
 *   <li>Signup: the same with no account yet: the evaluation is bound to the email given, a different
 *       email at {@code /demo/register} is refused, and the account is only created once the challenge
 *       is completed ({@code /demo/registered}).
 *   <li>Access (seed 000): the account page evaluates {@code access} on every view; the SDK follows a
 *       challenge by itself and calls {@code on_logout} for a logged-out device.
 * </ul>
 *
 * <p>The backend reads and consumes evaluations through the Java server SDK with the demo app's secret
 * key ({@link DemoApp}), exactly as an integrator's backend would.
 *
 * <p>A browser whose SDK call failed gets in anyway, as seed 003 advises (fail open). Demo accounts are
 * {@code alice}, {@code bob} and {@code carol} with the password {@code demo}, plus any registered here
 * (kept in memory until a restart).
 */
public final class DemoSite {
    static final List<String> ACCOUNTS = List.of("alice", "bob", "carol");
    static final String PASSWORD = "demo";
    private static final String SESSION_COOKIE = "sg_demo";
    private static final String PENDING_COOKIE = "sg_demo_pending";
    private static final Duration SESSION_LENGTH = Duration.ofHours(8);
    /** Longer than a page of the demo stays open; a signature copied out of it is good no longer. */
    static final Duration IDENTITY_SIGNATURE_LIFETIME = Duration.ofHours(12);
    /** Seed 003: an evaluation older than this does not open a session. */
    private static final Duration FRESHNESS = Duration.ofMinutes(10);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");
    private static final Pattern EVALUATION_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A signup waiting for its challenge: the account it will create. */
    private record PendingSignup(String email, String passwordHash, Instant expires) {}

    private final Supplier<DemoApp> demoApp;
    private final Supplier<List<String>> ownOrigins;
    private final Supplier<SeatguardClient> api;
    private final PolicyService policies;
    private final JsonBody jsonBody;
    private final InstantSource clock;
    private final Supplier<Optional<String>> identitySecret;
    private final Supplier<String> publicUrl;
    private final DemoSessions signer = new DemoSessions();
    private final Map<String, String> registered = new ConcurrentHashMap<>();
    private final Map<String, PendingSignup> pendingSignups = new ConcurrentHashMap<>();
    private final Map<String, String> files;

    /**
     * @param ownOrigins the origins this server's pages are served from (its public URL, or its loopback
     *     names), known once the server listens
     * @param api the Java SDK pointed at this server with the demo app's key, made once the server listens
     * @param identitySecret the demo app's current identity secret, which the account page's identity is signed with
     * @param publicUrl the server's public URL (empty until it listens, if none is configured), which decides
     *     with the request whether the demo's cookies are {@code Secure} ({@link ForwardedProto#secureCookies})
     */
    public DemoSite(Supplier<DemoApp> demoApp, Supplier<List<String>> ownOrigins, Supplier<SeatguardClient> api, PolicyService policies, JsonBody jsonBody,
            InstantSource clock, Supplier<Optional<String>> identitySecret, Supplier<String> publicUrl) {
        this.identitySecret = requireNonNull(identitySecret, "identitySecret is null");
        this.publicUrl = requireNonNull(publicUrl, "publicUrl is null");
        this.demoApp = requireNonNull(demoApp, "demoApp is null");
        this.ownOrigins = requireNonNull(ownOrigins, "ownOrigins is null");
        this.api = requireNonNull(api, "api is null");
        this.policies = requireNonNull(policies, "policies is null");
        this.jsonBody = requireNonNull(jsonBody, "jsonBody is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.files = Map.of("login", resource("demo/login.html"), "account", resource("demo/account.html"), "register", resource("demo/register.html"),
                "demo.js", resource("demo/demo.js"), "demo.css", resource("demo/demo.css"));
    }

    // pages

    public void loginPage(Context ctx) {
        if (ctx.queryParam("reason") != null) {
            // The page a logged-out device is sent to (the policies' logout_url): the session ends here,
            // on the server, whatever the page that sent it managed to do before leaving.
            ctx.header("Set-Cookie", cookie(ctx, SESSION_COOKIE, "", Duration.ZERO));
        }
        else if (signedInUser(ctx).isPresent()) {
            ctx.redirect("/demo/account");
            return;
        }
        html(ctx, 200, files.get("login").replace("{{REASON}}", escape(Optional.ofNullable(ctx.queryParam("reason")).map(DemoSite::reasonText).orElse(""))));
    }

    /** The policies' logout_url names its reason by a word; the page's own script passes a sentence. */
    private static String reasonText(String reason) {
        return "logged-out".equals(reason) ? "This device was logged out of the account." : reason;
    }

    public void registerPage(Context ctx) {
        html(ctx, 200, files.get("register"));
    }

    public void accountPage(Context ctx) {
        Optional<String> user = signedInUser(ctx);
        if (user.isEmpty()) {
            ctx.redirect("/demo");
            return;
        }
        // The backend knows who is signed in: it renders the account's email and signs both, so the page's
        // access evaluation names this account provably (docs/integration-guide.md, "Signed identity"),
        // with an expiry, so that a signature copied out of the page lapses.
        String email = emailOf(user.get());
        long expires = clock.instant().plus(IDENTITY_SIGNATURE_LIFETIME).getEpochSecond();
        String signature = identitySecret.get()
                .map(secret -> IdentitySignature.sign(secret, user, Optional.of(email), Optional.empty(), Optional.of(expires)))
                .orElse("");
        html(ctx, 200, files.get("account").replace("{{USER}}", escape(user.get())).replace("{{EMAIL}}", escape(email))
                .replace("{{IDENTITY_SIGNATURE}}", signature).replace("{{IDENTITY_EXPIRES}}", signature.isEmpty() ? "" : Long.toString(expires)));
    }

    /** The demo's accounts have no mailbox of their own: a registered one is its email, the others get a demo address. */
    static String emailOf(String user) {
        return user.contains("@") ? user : user + "@demo.seatguard.dev";
    }

    public void script(Context ctx) {
        ctx.header("Cache-Control", "no-cache").contentType("text/javascript; charset=utf-8").result(files.get("demo.js"));
    }

    public void stylesheet(Context ctx) {
        ctx.header("Cache-Control", "no-cache").contentType("text/css; charset=utf-8").result(files.get("demo.css"));
    }

    /** The demo app's public settings for the page: its client id. */
    public void config(Context ctx) {
        App app = app();
        ctx.contentType("application/json").result(Json.MAPPER.createObjectNode().put("client_id", app.clientId()).toString());
    }

    // login

    /** {@code {user, password, evaluation_id}} → 204 and a session, 202 {@code {redirect}} for a challenge, or a problem. */
    public void login(Context ctx) {
        JsonNode body = jsonBody.readObject(ctx);
        FieldErrors errors = new FieldErrors();
        String user = text(body, "user", 254, errors);
        String password = text(body, "password", 128, errors);
        Optional<String> evaluationId = evaluationId(body, errors);
        errors.throwIfAny();
        if (!passwordHolds(user, password)) {
            // Which of the two is wrong is not said, as a real login would not say it.
            throw new SeatguardException(ErrorCode.INVALID_CREDENTIALS,
                    "Unknown demo account or wrong password (accounts: alice, bob, carol, or one you registered; password: demo)",
                    List.of(new io.seatguard.core.error.FieldError("password", "does not match this account, or there is no such account")));
        }
        if (evaluationId.isEmpty()) {
            // Fail open (seed 003): the SDK could not reach Seatguard.
            openSession(ctx, user);
            ctx.status(204);
            return;
        }
        Evaluation evaluation = freshEvaluation(evaluationId.get(), "login");
        if (!evaluation.userId().map(user::equals).orElse(false)) {
            throw SeatguardException.invalid("evaluation_id", "is not a login evaluation of " + user);
        }
        Optional<String> otherContact = otherContact(evaluation, user);
        if (otherContact.isPresent()) {
            throw SeatguardException.invalid("evaluation_id", otherContact.get());
        }
        decide(ctx, evaluation, "login", user, () -> openSession(ctx, user));
    }

    /** {@code GET /demo/verified?evaluation=…}: back from a passed login challenge. */
    public void verified(Context ctx) {
        afterChallenge(ctx, "login", (evaluation, subject) -> {
            if (!evaluation.userId().map(subject::equals).orElse(false)) {
                return Optional.of("This evaluation is not a login of the account that started it.");
            }
            if (otherContact(evaluation, subject).isPresent()) {
                return Optional.of("This evaluation's code went to an address that is not the account's.");
            }
            openSession(ctx, subject);
            return Optional.empty();
        });
    }

    // signup

    /** {@code {email, password, evaluation_id}}: creates the account at once on allow, after the challenge otherwise. */
    public void register(Context ctx) {
        JsonNode body = jsonBody.readObject(ctx);
        FieldErrors errors = new FieldErrors();
        String email = text(body, "email", 254, errors).toLowerCase(Locale.ROOT);
        String password = text(body, "password", 128, errors);
        Optional<String> evaluationId = evaluationId(body, errors);
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            errors.add("email", "must be an email address");
        }
        if (!password.isEmpty() && password.length() < 4) {
            errors.add("password", "must be at least 4 characters");
        }
        errors.throwIfAny();
        if (ACCOUNTS.contains(email) || registered.containsKey(email)) {
            throw new SeatguardException(ErrorCode.NAME_TAKEN, "An account with this email exists; sign in instead",
                    List.of(new io.seatguard.core.error.FieldError("email", "is already registered")));
        }
        if (evaluationId.isEmpty()) {
            registered.put(email, hash(password));
            openSession(ctx, email);
            ctx.status(204);
            return;
        }
        Evaluation evaluation = freshEvaluation(evaluationId.get(), "signup");
        // The evaluation is bound to the email given to it: another address cannot ride on it.
        if (!evaluation.email().map(email::equalsIgnoreCase).orElse(false)) {
            throw SeatguardException.invalid("email", "differs from the email the signup was evaluated with");
        }
        if (evaluation.phone().isPresent()) {
            throw SeatguardException.invalid("evaluation_id", "was evaluated with a phone number, which a demo signup does not have");
        }
        pendingSignups.put(evaluation.id(), new PendingSignup(email, hash(password), clock.instant().plus(FRESHNESS)));
        decide(ctx, evaluation, "signup", email, () -> {
            pendingSignups.remove(evaluation.id());
            registered.put(email, hash(password));
            openSession(ctx, email);
        });
    }

    /** {@code GET /demo/registered?evaluation=…}: back from a passed signup challenge; only now the account exists. */
    public void registered(Context ctx) {
        afterChallenge(ctx, "signup", (evaluation, subject) -> {
            PendingSignup pending = pendingSignups.get(evaluation.id());
            if (pending == null || !pending.email().equals(subject) || pending.expires().isBefore(clock.instant())
                    || !evaluation.email().map(subject::equalsIgnoreCase).orElse(false) || evaluation.phone().isPresent()) {
                return Optional.of("This signup is not the one that started the challenge, or it is too old.");
            }
            if (registered.putIfAbsent(subject, pending.passwordHash()) != null) {
                return Optional.of("An account with this email exists already.");
            }
            pendingSignups.remove(evaluation.id());
            openSession(ctx, subject);
            return Optional.empty();
        });
    }

    public void logout(Context ctx) {
        ctx.header("Set-Cookie", cookie(ctx, SESSION_COOKIE, "", Duration.ZERO));
        ctx.status(204);
    }

    /**
     * {@code POST /demo/policies}: turns on the demo's policies on the demo's app (once): verify new
     * devices at login, verify every signup, verify the owner on concurrent use, and at most three
     * devices per account.
     *
     * <p>No sign-in guards the demo, so only a page of this server's own may post here: the request's
     * {@code Origin} must be one of the server's own origins (a browser sends it with every POST, and
     * another site cannot forge it). The policies' URLs lead back to that origin, one of the server's
     * own addresses, never to whatever a {@code Host} header says.
     */
    public void enablePolicies(Context ctx) {
        String base = ownOrigin(ctx);
        App app = app();
        Set<String> existing = policies.list(app.id()).stream().map(policy -> policy.definition().name()).collect(Collectors.toSet());
        List<Map<String, Object>> wanted = DemoPolicies.all(base);
        int created = 0;
        for (Map<String, Object> policy : wanted) {
            if (!existing.contains((String) policy.get("name"))) {
                Policy saved = policies.create(app.id(), policy);
                created += saved != null ? 1 : 0;
            }
        }
        ctx.contentType("application/json").result(Json.MAPPER.createObjectNode().put("created", created).put("total", wanted.size()).toString());
    }

    /** The request's {@code Origin} when it is one of this server's own; else refused with 403. */
    private String ownOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        List<String> own = ownOrigins.get();
        if (origin == null || !own.contains(origin)) {
            throw new SeatguardException(ErrorCode.ORIGIN_NOT_ALLOWED, "Only the demo's own page may turn on its policies (a page at "
                    + String.join(" or ", own) + "; behind a proxy, start with --public-url set to the address you open)",
                    List.of(new io.seatguard.core.error.FieldError("Origin", origin == null ? "is missing" : "is not this server's own origin")));
        }
        return origin;
    }

    // the integrator's checks

    private interface Completion {
        /** Opens what the flow opens; an error message when the evaluation does not fit. */
        Optional<String> complete(Evaluation evaluation, String subject);
    }

    /**
     * Back from the hosted page: the pending cookie says which login or signup started it; the evaluation
     * must be that one, fresh, with its challenge completed, and is consumed once.
     */
    private void afterChallenge(Context ctx, String kind, Completion completion) {
        String evaluationId = Optional.ofNullable(ctx.queryParam("evaluation")).orElse("");
        Optional<List<String>> pending = signer.verify(ctx.cookie(PENDING_COOKIE), 3, clock.instant());
        if (!EVALUATION_ID.matcher(evaluationId).matches() || pending.isEmpty() || !pending.get().get(0).equals(kind)
                || !pending.get().get(2).equals(evaluationId)) {
            message(ctx, 400, "This link does not belong to a sign-in started in this browser.");
            return;
        }
        Evaluation evaluation;
        try {
            evaluation = api.get().getEvaluation(evaluationId);
        }
        catch (NotFoundException e) {
            message(ctx, 400, "This evaluation is not a fresh " + kind + " evaluation.");
            return;
        }
        if (!evaluation.action().equals(kind) || evaluation.createdAt().isBefore(clock.instant().minus(FRESHNESS))) {
            message(ctx, 400, "This evaluation is not a fresh " + kind + " evaluation.");
            return;
        }
        if (!evaluation.challengeCompleted()) {
            message(ctx, 403, "The challenge of this " + kind + " is not completed.");
            return;
        }
        try {
            api.get().consumeEvaluation(evaluationId);
        }
        catch (AlreadyConsumedException e) {
            message(ctx, 409, "This evaluation was already used.");
            return;
        }
        Optional<String> refused = completion.complete(evaluation, pending.get().get(1));
        if (refused.isPresent()) {
            message(ctx, 400, refused.get());
            return;
        }
        // The pending cookie stays until it expires: it names a consumed evaluation, so a replay of this
        // link is answered 409 rather than treated as a stranger's.
        ctx.redirect("/demo/account", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** Allow: consume and open; challenge: remember who, and send the page to the hosted challenge; deny: refuse. */
    private void decide(Context ctx, Evaluation evaluation, String kind, String subject, Runnable open) {
        switch (evaluation.verdict()) {
            case "allow" -> {
                consumeOrRefuse(evaluation);
                open.run();
                ctx.status(204);
            }
            case "challenge" -> {
                JsonNode redirectNode = evaluation.raw().path("redirect");
                if (!redirectNode.isTextual()) {
                    throw new SeatguardException(ErrorCode.LOGIN_REFUSED, "Seatguard asked for a challenge it could not open",
                            List.of(new io.seatguard.core.error.FieldError("evaluation_id", "names a challenge without its page")));
                }
                String redirect = redirectNode.textValue();
                String pending = signer.sign(List.of(kind, subject, evaluation.id()), clock.instant().plus(FRESHNESS));
                ctx.header("Set-Cookie", cookie(ctx, PENDING_COOKIE, pending, FRESHNESS));
                ctx.status(202).contentType("application/json").result(Json.MAPPER.createObjectNode().put("redirect", redirect).toString());
            }
            default -> throw new SeatguardException(ErrorCode.LOGIN_REFUSED, "Seatguard answered " + evaluation.verdict() + " for this " + kind);
        }
    }

    private Evaluation freshEvaluation(String evaluationId, String action) {
        Evaluation evaluation;
        try {
            evaluation = api.get().getEvaluation(evaluationId);
        }
        catch (NotFoundException e) {
            throw SeatguardException.invalid("evaluation_id", "is not an evaluation of the demo's app");
        }
        if (!action.equals(evaluation.action())) {
            throw SeatguardException.invalid("evaluation_id", "is not a " + action + " evaluation");
        }
        if (evaluation.createdAt().isBefore(clock.instant().minus(FRESHNESS))) {
            throw SeatguardException.invalid("evaluation_id", "is older than " + FRESHNESS.toMinutes() + " minutes");
        }
        return evaluation;
    }

    private void consumeOrRefuse(Evaluation evaluation) {
        try {
            api.get().consumeEvaluation(evaluation.id());
        }
        catch (AlreadyConsumedException e) {
            throw new SeatguardException(ErrorCode.ALREADY_CONSUMED, "This evaluation was already used");
        }
    }

    // accounts and sessions

    /**
     * Why the evaluation's email or phone is not the account's, or empty when they are (or it named
     * none). The challenge's code went to them, and in a browser call the page names them: checked, a
     * person who knows the password but not the mailbox cannot pass with a code sent to their own.
     */
    private static Optional<String> otherContact(Evaluation evaluation, String user) {
        if (evaluation.email().filter(email -> !email.equalsIgnoreCase(emailOf(user))).isPresent()) {
            return Optional.of("was evaluated with an email that is not the account's");
        }
        if (evaluation.phone().isPresent()) {
            return Optional.of("was evaluated with a phone number, which the account does not have");
        }
        return Optional.empty();
    }

    private boolean passwordHolds(String user, String password) {
        if (ACCOUNTS.contains(user)) {
            return PASSWORD.equals(password);
        }
        String stored = registered.get(user.toLowerCase(Locale.ROOT));
        return stored != null && MessageDigest.isEqual(stored.getBytes(UTF_8), hash(password).getBytes(UTF_8));
    }

    /** Demo only: a plain SHA-256. A real site stores passwords with a memory-hard function. */
    private static String hash(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(("seatguard-demo:" + password).getBytes(UTF_8)));
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void openSession(Context ctx, String user) {
        String value = signer.sign(List.of(user), clock.instant().plus(SESSION_LENGTH));
        ctx.res().addHeader("Set-Cookie", cookie(ctx, SESSION_COOKIE, value, SESSION_LENGTH));
    }

    /**
     * A demo cookie ({@code value} empty and {@code maxAge} zero to end one): {@code Secure} as the dashboard's
     * are ({@link ForwardedProto#secureCookies}). It never was, so behind an https proxy the demo's session
     * could also be sent over plain http to the same host.
     */
    private String cookie(Context ctx, String name, String value, Duration maxAge) {
        return name + "=" + value + "; Path=/demo; HttpOnly; SameSite=Lax; Max-Age=" + maxAge.toSeconds()
                + (ForwardedProto.secureCookies(ctx, publicUrl.get()) ? "; Secure" : "");
    }

    private Optional<String> signedInUser(Context ctx) {
        return signer.verify(ctx.cookie(SESSION_COOKIE), 1, clock.instant())
                .map(fields -> fields.get(0))
                .filter(user -> ACCOUNTS.contains(user) || registered.containsKey(user));
    }

    private App app() {
        return demoApp.get().app();
    }

    // helpers

    private static String text(JsonNode body, String field, int max, FieldErrors errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            errors.add(field, "is required");
            return "";
        }
        if (!node.isTextual() || node.textValue().isBlank() || node.textValue().length() > max) {
            errors.add(field, "must be a non-blank string of at most " + max + " characters");
            return "";
        }
        return node.textValue().strip();
    }

    private static Optional<String> evaluationId(JsonNode body, FieldErrors errors) {
        JsonNode node = body.get("evaluation_id");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || !EVALUATION_ID.matcher(node.textValue()).matches()) {
            errors.add("evaluation_id", "must be an evaluation id");
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    private static void message(Context ctx, int status, String message) {
        html(ctx, status, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>StreamFlix</title>"
                + "<link rel=\"stylesheet\" href=\"/demo/demo.css\"></head><body><main><h1>StreamFlix</h1><p id=\"message\" role=\"alert\">"
                + escape(message) + "</p><p><a href=\"/demo\">Back to sign-in</a></p></main></body></html>");
    }

    private static String escape(String text) {
        return com.samskivert.mustache.Escapers.HTML.escape(text);
    }

    private static void html(Context ctx, int status, String page) {
        ctx.status(status).header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(page);
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
