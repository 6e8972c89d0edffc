package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;


/**
 * Seatguard's server API for a Java backend, with the app's secret key.
 *
 * <p>Make one for the application and share it (it is thread-safe); {@link #close()} it at shutdown.
 *
 * <pre>{@code
 * SeatguardClient seatguard = SeatguardClient.builder("https://seatguard.example.com", System.getenv("SEATGUARD_SECRET_KEY")).build();
 * Evaluation evaluation = seatguard.consumeEvaluation(evaluationId);   // AlreadyConsumedException on a replay
 * }</pre>
 *
 * <p>Every try has a timeout that covers the whole exchange, connecting, headers and body. Reads and deletes
 * (idempotent) are retried on a network error, a 5xx or a 429 answer, after a short back-off or the
 * answer's {@code Retry-After} when that is longer (up to {@link Builder#maxRetryWait}).
 * {@link #evaluate} and {@link #consumeEvaluation} are retried only when the try provably did nothing:
 * Seatguard answered {@code 503 unavailable}, which it does before any route runs, or the connection was
 * never made (refused, host not resolved, the {@link Builder#connectTimeout} passing). A lost answer to a consume
 * that happened would turn into a 409 on the retry, and an evaluation sent twice is recorded twice. Errors are typed:
 * {@link NotFoundException}, {@link ConflictException} (and its {@link AlreadyConsumedException}),
 * {@link AuthenticationException}, {@link InvalidRequestException}, other {@link SeatguardApiException}s,
 * and {@link SeatguardNetworkException}.
 *
 * <p>An id that cannot be sent safely in a URL path is refused before any request, with the exception the
 * server answers for an id it never gave ({@link NotFoundException}; a deletion returns false), or for a
 * device id an {@link InvalidRequestException} naming {@code device_id}, and for an account id one naming
 * {@code user}: {@code .} and {@code ..} (a proxy may resolve them), and for evaluation, challenge, policy,
 * list, webhook and device ids anything outside {@code [A-Za-z0-9_.:-]{1,128}}. Account ids are
 * percent-encoded as one path segment instead. A null id is an {@link IllegalArgumentException} (a null account id
 * a {@link NullPointerException}).
 */
public final class SeatguardClient implements AutoCloseable {
    /**
     * The longest {@link Builder#timeout}, {@link Builder#connectTimeout}, {@link Builder#backoff} and {@link Builder#maxRetryWait} the
     * builder takes; a longer one is refused with an {@link IllegalArgumentException} naming the setting.
     * Longer means nothing a server call needs, and some (a "forever" such as
     * {@code Duration.ofSeconds(Long.MAX_VALUE)}) overflowed inside every call.
     */
    public static final Duration MAX_DURATION = Duration.ofHours(1);
    /**
     * The largest answer body the client reads by default, 128 MiB; a larger one is a {@link SeatguardException}
     * ({@link Builder#maxAnswerBytes}). Seatguard's largest answers are far smaller: a list of its most
     * values (100,000 of at most 256 characters) is about 26 MB, 77 MB were every character three UTF-8
     * bytes; 10,000 flagged accounts a few MB; the 200 policies an app may hold, each at most the server's
     * body limit (64 KiB by default), about 13 MB.
     */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 128L * 1024 * 1024;
    /** The largest {@link Builder#maxAnswerBytes} the builder takes, 1 GiB: the body is held as one String. */
    public static final long MAX_ANSWER_BYTES = 1024L * 1024 * 1024;
    /** The default {@link Builder#connectTimeout} is the timeout divided by this, at most {@link #DEFAULT_CONNECT_TIMEOUT_CAP}. */
    static final int DEFAULT_CONNECT_TIMEOUT_SHARE = 3;
    /** The longest default connect timeout: a connection to a server that answers at all takes milliseconds, not seconds. */
    static final Duration DEFAULT_CONNECT_TIMEOUT_CAP = Duration.ofSeconds(2);
    /** The number of accounts {@code GET /v3/patterns} lists when no limit is given. */
    public static final int DEFAULT_PATTERN_LIMIT = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The problem type of a request refused as invalid, as the server names it. */
    private static final String INVALID_INPUT = "https://seatguard.dev/problems/invalid-input";
    private static final String NOT_FOUND = "https://seatguard.dev/problems/not-found";
    /** The longest account id evaluate takes. */
    private static final int MAX_USER_ID = 256;
    /** {@code seatguard-java/<version>}, sent with every call (also through an {@link Builder#httpClient} of the app's). */
    static final String USER_AGENT = SdkVersion.userAgent();
    private static final java.util.regex.Pattern SAFE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    private final URI base;
    private final String secretKey;
    private final HttpClient http;
    /** False when the caller gave the HttpClient: theirs to close. */
    private final boolean ownsHttp;
    private volatile boolean closed;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;
    private final Duration maxRetryWait;
    private final long maxAnswerBytes;
    private final Sleeper sleeper;

    private SeatguardClient(Builder builder) {
        this.base = URI.create(builder.baseUrl);
        this.secretKey = builder.secretKey;
        this.timeout = builder.timeout;
        this.retries = builder.retries;
        this.backoff = builder.backoff;
        this.maxRetryWait = builder.maxRetryWait;
        this.maxAnswerBytes = builder.maxAnswerBytes;
        this.sleeper = builder.sleeper;
        this.ownsHttp = builder.http == null;
        this.http = ownsHttp ? HttpClient.newBuilder().connectTimeout(builder.connectTimeout()).build() : builder.http;
    }

    /** The connect timeout of the HttpClient this client made; empty for one the caller gave ({@link Builder#httpClient}). */
    Optional<Duration> connectTimeout() {
        return ownsHttp ? http.connectTimeout() : Optional.empty();
    }

    /** @param secretKey the app's {@code sk_…} key; keep it on the server */
    public static Builder builder(String baseUrl, String secretKey) {
        return new Builder(baseUrl, secretKey);
    }

    /** Waits before a retry: {@link Thread#sleep(Duration)}, or in tests one that only notes the wait. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;
    }

    /**
     * Options: timeout per try, for the whole answer (positive; default 5 s), the connect timeout within it
     * (shorter than the timeout; default a third of it, at most 2 s), retries (0 to 10; default 2),
     * first back-off (not negative; default 200 ms, doubling), and the longest wait before a retry (not
     * negative; default 5 s): every wait, the back-off's included, is at most that, and a
     * {@code Retry-After} longer than that ends the call with the error instead. None of the four durations
     * may be longer than {@link #MAX_DURATION} (an hour); each is checked when set, its
     * {@link IllegalArgumentException} naming it.
     */
    public static final class Builder {
        private final String baseUrl;
        private final String secretKey;
        private Duration timeout = Duration.ofSeconds(5);
        /** Null until set: then {@link #DEFAULT_CONNECT_TIMEOUT_SHARE} of the timeout, at most {@link #DEFAULT_CONNECT_TIMEOUT_CAP}. */
        private Duration connectTimeout;
        private int retries = 2;
        private Duration backoff = Duration.ofMillis(200);
        private Duration maxRetryWait = Duration.ofSeconds(5);
        private long maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;
        private HttpClient http;
        private Sleeper sleeper = Thread::sleep;

        private Builder(String baseUrl, String secretKey) {
            this.baseUrl = BaseUrl.of(Objects.requireNonNull(baseUrl, "baseUrl is null"));
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey is null");
            if (!secretKey.startsWith("sk_")) {
                throw new IllegalArgumentException("the secret key starts with sk_");
            }
            // Checked here, not by the JDK on each call: a key read from a file with its newline built, and
            // then every call threw the JDK's IllegalArgumentException, whose message held the whole key.
            if (!secretKey.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
                throw new IllegalArgumentException("secretKey must be printable ASCII without spaces (was a newline read with it?)");
            }
        }

        /**
         * The longest one try may take, headers and body: positive, and at most {@link #MAX_DURATION}.
         * Checked here, not by the JDK on each call: with a client of your own ({@link #httpClient}) a zero or
         * negative timeout built, and then every call threw the JDK's "Invalid duration" instead of being
         * sent; a huge one ({@code Duration.ofSeconds(Long.MAX_VALUE)}) built, and every call threw an
         * {@link ArithmeticException}.
         */
        public Builder timeout(Duration value) {
            Objects.requireNonNull(value, "timeout is null");
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive: " + value);
            }
            this.timeout = atMostMax("timeout", value);
            return this;
        }

        /**
         * The longest making the connection may take (the HttpClient's {@code connectTimeout}), shorter
         * than {@link #timeout}: positive, at most {@link #MAX_DURATION}.
         * Default: a third of the timeout, at most 2 s (1.67 s with the default 5 s). A connect that hangs (a
         * node whose listen queue is full, a firewall dropping packets) fails with the connection never
         * made, which every call is sent again after, {@code evaluate} and {@code consumeEvaluation}
         * included; equal to the timeout, as it was, the whole-try deadline ended such a try first, and
         * those calls were not sent again. The JDK's HttpClient counts an {@code https} connection's TLS
         * handshake in it (its timer ends once the handshake has; nothing of the request is sent before),
         * so a handshake that hangs is sent again the same way, and one slower than this fails: raise it
         * for a server that far. Only for the HttpClient this client makes: with
         * {@link #httpClient} set, set it on yours ({@link #build} refuses both).
         */
        public Builder connectTimeout(Duration value) {
            Objects.requireNonNull(value, "connectTimeout is null");
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("connectTimeout must be positive: " + value);
            }
            this.connectTimeout = atMostMax("connectTimeout", value);
            return this;
        }

        /** The connect timeout set, or the default share of the timeout. */
        private Duration connectTimeout() {
            if (connectTimeout != null) {
                return connectTimeout;
            }
            Duration share = timeout.dividedBy(DEFAULT_CONNECT_TIMEOUT_SHARE);
            if (share.isZero()) {
                // A timeout under 3 ns (positive, so taken) has no third: the HttpClient refuses a zero connect timeout.
                return Duration.ofNanos(1);
            }
            return share.compareTo(DEFAULT_CONNECT_TIMEOUT_CAP) > 0 ? DEFAULT_CONNECT_TIMEOUT_CAP : share;
        }

        public Builder retries(int value) {
            if (value < 0 || value > 10) {
                throw new IllegalArgumentException("retries must be between 0 and 10");
            }
            this.retries = value;
            return this;
        }

        /** The wait before the first retry, doubled before each next one: not negative, and at most {@link #MAX_DURATION}. */
        public Builder backoff(Duration value) {
            Objects.requireNonNull(value, "backoff is null");
            if (value.isNegative()) {
                throw new IllegalArgumentException("backoff must not be negative: " + value);
            }
            this.backoff = atMostMax("backoff", value);
            return this;
        }

        /**
         * The longest the client waits before sending a call again, whatever the reason. The doubling
         * back-off (after a network error, or an error answer with no {@code Retry-After}) stops growing
         * at this: {@code retries(10)} waits 0.2, 0.4, 0.8, 1.6, 3.2 s and then 5 s before each later try
         * with the defaults, not up to 102 s. Seatguard's {@code Retry-After} (1 s for an overloaded node,
         * 5 s for storage that does not answer) is waited out when it is no longer than this; when it is,
         * the call ends with the error at once, its {@link SeatguardApiException#retryAfter()} saying how
         * long the server asked for. {@link Duration#ZERO} never waits: a retry is sent at once, and a
         * {@code Retry-After} of a second or more ends the call. At most {@link #MAX_DURATION}.
         */
        public Builder maxRetryWait(Duration value) {
            Objects.requireNonNull(value, "maxRetryWait is null");
            if (value.isNegative()) {
                throw new IllegalArgumentException("maxRetryWait must not be negative: " + value);
            }
            this.maxRetryWait = atMostMax("maxRetryWait", value);
            return this;
        }

        /**
         * The largest answer body the client reads, 1 to {@link #MAX_ANSWER_BYTES} bytes (default
         * {@link #DEFAULT_MAX_ANSWER_BYTES}, well above Seatguard's largest answer). A larger one, by its
         * {@code Content-Length} or as it arrives, ends the call with a {@link SeatguardException}, not sent
         * again: a base URL pointing at a file server made the client read gigabytes into memory.
         */
        public Builder maxAnswerBytes(long value) {
            if (value < 1 || value > MAX_ANSWER_BYTES) {
                throw new IllegalArgumentException("maxAnswerBytes must be between 1 and " + MAX_ANSWER_BYTES + ": " + value);
            }
            this.maxAnswerBytes = value;
            return this;
        }

        /** The value, or an IllegalArgumentException naming the setting when it is longer than {@link #MAX_DURATION}. */
        private static Duration atMostMax(String setting, Duration value) {
            if (value.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException(setting + " must be at most " + MAX_DURATION.toHours() + " hour (" + MAX_DURATION + "): " + value);
            }
            return value;
        }

        /** How the client waits before a retry; tests give one that only notes the waits. */
        Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper is null");
            return this;
        }

        /**
         * A client of your own (proxy, executor); its connect timeout is yours to set (shorter than
         * {@link #timeout}, or a hung connect uses up the try and is not sent again), and so is closing it.
         * Through a proxy it covers only the connection to the proxy: the JDK stops its timer before an
         * {@code https} call's {@code CONNECT}, which has none, so a proxy that never answers that holds the
         * try to its {@link #timeout}, reported as any hung answer is, and an {@code evaluate} is not sent again
         * (the JDK does not say which it was; {@code ProxyTunnelTest}).
         */
        public Builder httpClient(HttpClient value) {
            this.http = Objects.requireNonNull(value, "httpClient is null");
            return this;
        }

        /**
         * The client; an {@link IllegalArgumentException} for a {@link #connectTimeout} that is not shorter
         * than the timeout (a hung connect would use up the try, and not be sent again), or one set beside
         * an {@link #httpClient} of yours (whose own connect timeout is the one that counts).
         */
        public SeatguardClient build() {
            if (connectTimeout != null && http != null) {
                throw new IllegalArgumentException("connectTimeout applies to the HttpClient this client makes; set it on the one given to httpClient");
            }
            if (connectTimeout != null && connectTimeout.compareTo(timeout) >= 0) {
                throw new IllegalArgumentException("connectTimeout (" + connectTimeout + ") must be shorter than timeout (" + timeout + ")");
            }
            return new SeatguardClient(this);
        }
    }

    /**
     * Closes the HttpClient this client made for itself (its connections and threads), after waiting for
     * calls in flight; one given to {@link Builder#httpClient} stays open, since it is the caller's. Any
     * call afterwards throws {@link IllegalStateException}. Closing twice is harmless.
     */
    @Override
    public void close() {
        closed = true;
        if (ownsHttp) {
            http.close();
        }
    }

    // evaluations

    /**
     * Evaluates in server mode: your backend names the account, and the browser's address and user agent
     * as it received them (seed 003's login after the password checked out, a signup, any action of
     * yours). The same checks and policies run as for a browser; a challenge's {@code redirect} is yours
     * to send the browser to.
     *
     * @throws InvalidRequestException naming each faulty field
     */
    public EvaluateResult evaluate(EvaluateRequest request) {
        Objects.requireNonNull(request, "request is null");
        return EvaluateResult.of(send("POST", "/v3/evaluate", request.toJson(), Retry.WHEN_NOT_RUN, request::personalValues));
    }

    /**
     * Reads the evaluation, with its challenge's current status.
     *
     * @throws NotFoundException when the app has no such evaluation, also for a value that cannot be an
     *     id (a tampered form's {@code a/../x}), which is not sent
     */
    public Evaluation getEvaluation(String evaluationId) {
        return Evaluation.of(get("/v3/evaluations/" + id("evaluation", evaluationId)));
    }

    /**
     * Claims the evaluation once (seed 003): of any number of calls, across every server node, exactly
     * one gets it.
     *
     * @throws AlreadyConsumedException when it was consumed before: a replay
     * @throws NotFoundException as {@link #getEvaluation}
     */
    public Evaluation consumeEvaluation(String evaluationId) {
        return Evaluation.of(send("POST", "/v3/evaluations/" + id("evaluation", evaluationId) + "/consume", null, Retry.WHEN_NOT_RUN));
    }

    public Challenge getChallenge(String challengeId) {
        return Challenge.of(get("/v3/challenges/" + id("challenge", challengeId)));
    }

    // accounts

    /** The account at a glance: its spread, its flagged patterns, how many people seem to use it. */
    public AccountSummary accountSummary(String userId) {
        return AccountSummary.of(send("GET", "/v3/users/" + user(userId), null, Retry.IDEMPOTENT, () -> CallerValues.of(userId)));
    }

    /**
     * Erases everything Seatguard stores about the account (a deletion request, the end of an account):
     * its evaluations, challenges, patterns and live sessions, and the devices no other account uses.
     *
     * @return true when something was erased; false when Seatguard answered that nothing was stored under
     *     that id (which is also what a retry finds when the answer to an erasure that happened was lost); a
     *     404 that is not Seatguard's (a proxy's page) is a {@link NotFoundException}
     * @throws InvalidRequestException when the id could never name an account (blank, longer than
     *     evaluate takes, {@code .} or {@code ..}, or holding U+0000 or half a surrogate pair, which evaluate
     *     refuses), as every {@code /v3/users/{user}} route answers; refused before anything is sent
     */
    public boolean eraseAccount(String userId) {
        return deleteIfThere(() -> "/v3/users/" + user(userId), () -> CallerValues.of(userId));
    }

    /**
     * The account's devices, most recently seen first (at most 1,000).
     *
     * @throws NotFoundException when the account was never evaluated (or was erased)
     * @throws InvalidRequestException when the id could never name an account, as {@link #eraseAccount};
     *     refused before anything is sent
     */
    public List<Device> listDevices(String userId) {
        return data("/v3/users/" + user(userId) + "/devices", () -> CallerValues.of(userId), Device::of);
    }

    /**
     * Logs the device out of the account: its next {@code access} (or custom action) evaluation of the
     * account, and its next heartbeat, answer {@code logout: true}; a fresh {@code login} or
     * {@code signup} on it that is allowed attaches it again. Logging out a device already logged out
     * succeeds again.
     *
     * @throws NotFoundException when the account was never evaluated, or has no such device (and no
     *     challenge on it that has not expired): a device id a browser sent may be another account's, or
     *     made up
     * @throws InvalidRequestException naming {@code device_id} when it is not a device id (a UUID), refused
     *     before anything is sent when it could not even go into a path; naming {@code user} as
     *     {@link #listDevices}
     */
    public void logOutDevice(String userId, String deviceId) {
        send("DELETE", "/v3/users/" + user(userId) + "/devices/" + deviceId(deviceId), null, Retry.IDEMPOTENT, () -> CallerValues.of(userId));
    }

    public HistoryPage history(String userId, int limit, Optional<String> cursor) {
        return HistoryPage.of(send("GET", "/v3/users/" + user(userId) + "/history?limit=" + limit + cursor.map(c -> "&cursor=" + encode(c)).orElse(""), null,
                Retry.IDEMPOTENT, () -> CallerValues.of(userId)));
    }

    public HistoryPage historyOfDevice(String deviceId, int limit, Optional<String> cursor) {
        return HistoryPage.of(get("/v3/history?device_id=" + encode(deviceId) + "&limit=" + limit + cursor.map(c -> "&cursor=" + encode(c)).orElse("")));
    }

    public HistoryPage historyOfIp(String ip, int limit, Optional<String> cursor) {
        return HistoryPage.of(send("GET", "/v3/history?ip=" + encode(ip) + "&limit=" + limit + cursor.map(c -> "&cursor=" + encode(c)).orElse(""), null,
                Retry.IDEMPOTENT, () -> CallerValues.of(ip)));
    }

    /**
     * Flagged accounts, most recently seen first; {@code pattern} and {@code level} narrow it when given.
     *
     * @param limit at most this many accounts, 1 to 10,000 (an {@link InvalidRequestException} otherwise)
     * @return the accounts, and whether more matched than {@code limit}
     */
    public PatternList patterns(Optional<String> pattern, Optional<String> level, int limit) {
        StringBuilder path = new StringBuilder("/v3/patterns?format=json&limit=").append(limit);
        pattern.ifPresent(p -> path.append("&pattern=").append(encode(p)));
        level.ifPresent(l -> path.append("&level=").append(encode(l)));
        return PatternList.of(get(path.toString()));
    }

    /**
     * The first {@value #DEFAULT_PATTERN_LIMIT} flagged accounts.
     *
     * @deprecated says nothing when more accounts matched than it lists; use
     *         {@link #patterns(Optional, Optional, int)}, whose answer carries {@link PatternList#truncated()}.
     */
    @Deprecated
    public List<Pattern> patterns(Optional<String> pattern, Optional<String> level) {
        return patterns(pattern, level, DEFAULT_PATTERN_LIMIT).accounts();
    }

    // policies

    /** The app's policies, in the order they are applied. */
    public List<Policy> policies() {
        return data("/v3/policies", Policy::of);
    }

    public Policy policy(String policyId) {
        return Policy.of(get("/v3/policies/" + id("policy", policyId)));
    }

    /**
     * Makes a policy from its JSON document (docs/policies.md: {@code name}, {@code actions},
     * {@code conditions}, {@code verdict}, and optionally {@code challenge}, {@code mode}, {@code priority}…).
     *
     * @throws InvalidRequestException naming each fault by its path, e.g. {@code conditions.value}
     * @throws ConflictException when the app holds its most policies ({@code limit-reached}), or other changes
     *     to its policies and lists kept winning ({@code concurrent-change}: send it again)
     */
    public Policy createPolicy(String policyJson) {
        return Policy.of(send("POST", "/v3/policies", object(policyJson, "policyJson"), Retry.WHEN_NOT_RUN, () -> PolicyValues.of(policyJson)));
    }

    /** Replaces a policy with a whole new document (a {@code PUT}: sent again after a failure, as doing it twice does it once). */
    public Policy replacePolicy(String policyId, String policyJson) {
        return Policy.of(send("PUT", "/v3/policies/" + id("policy", policyId), object(policyJson, "policyJson"), Retry.IDEMPOTENT,
                () -> PolicyValues.of(policyJson)));
    }

    /** @return false when there was no such policy */
    public boolean deletePolicy(String policyId) {
        return deleteIfThere(() -> "/v3/policies/" + id("policy", policyId));
    }

    /**
     * Replays a stored policy over the app's evaluations of the last {@code days} days (1 to 90): what it
     * would have answered. Nothing is stored or sent, so a failed try is sent again like a read.
     */
    public Backtest backtestPolicy(String policyId, int days) {
        return Backtest.of(send("POST", "/v3/policies/" + id("policy", policyId) + "/backtest?days=" + days, null, Retry.IDEMPOTENT));
    }

    /**
     * Replays a policy that is not stored (its JSON document, validated as {@link #createPolicy} does) over
     * the last {@code days} days (1 to 90), before making or changing it.
     *
     * @throws InvalidRequestException naming each fault of the draft by its path, or {@code days}
     */
    public Backtest backtestDraft(String policyJson, int days) {
        return Backtest.of(send("POST", "/v3/policies/backtest?days=" + days, object(policyJson, "policyJson"), Retry.IDEMPOTENT,
                () -> PolicyValues.of(policyJson)));
    }

    /** The text of a JSON object, refused before any request when it is not one. */
    private static String object(String json, String name) {
        Objects.requireNonNull(json, name + " is null");
        try {
            if (JSON.readTree(json) instanceof ObjectNode) {
                return json;
            }
        }
        catch (IOException e) {
            // Said below, as for any other value that is not an object.
        }
        throw new IllegalArgumentException(name + " must be a JSON object");
    }

    // lists

    /** The app's named lists, without their values. */
    public List<NamedList> lists() {
        return data("/v3/lists", NamedList::of);
    }

    /** One list with its values. */
    public NamedList list(String listId) {
        return NamedList.of(get("/v3/lists/" + id("list", listId)));
    }

    /**
     * Makes a list (up to 10,000 values at once).
     *
     * @param kind {@code user}, {@code ip}, {@code device}, {@code country}, {@code email} or {@code email_domain}
     * @throws ConflictException when the app has a list of that name
     */
    public NamedList createList(String name, String kind, Collection<String> values) {
        ObjectNode body = JSON.createObjectNode().put("name", Objects.requireNonNull(name, "name is null")).put("kind", Objects.requireNonNull(kind, "kind is null"));
        values(body, values);
        return NamedList.of(send("POST", "/v3/lists", body.toString(), Retry.WHEN_NOT_RUN, () -> CallerValues.of(values)));
    }

    /** Adds values (up to 10,000 at once; those already there stay once); answers the list. Sent again after a failure like a read: adding twice adds once. */
    public NamedList addToList(String listId, Collection<String> values) {
        return NamedList.of(send("POST", "/v3/lists/" + id("list", listId) + "/add", values(JSON.createObjectNode(), values).toString(), Retry.IDEMPOTENT,
                () -> CallerValues.of(values)));
    }

    /** Removes values (those not there are ignored); answers the list. */
    public NamedList removeFromList(String listId, Collection<String> values) {
        return NamedList.of(send("POST", "/v3/lists/" + id("list", listId) + "/remove", values(JSON.createObjectNode(), values).toString(), Retry.IDEMPOTENT,
                () -> CallerValues.of(values)));
    }

    /**
     * Deletes a list.
     *
     * @return false when there was no such list (also what a retry finds when the answer to a deletion that happened was lost)
     * @throws ConflictException while a policy names the list
     */
    public boolean deleteList(String listId) {
        return deleteIfThere(() -> "/v3/lists/" + id("list", listId));
    }

    private static ObjectNode values(ObjectNode body, Collection<String> values) {
        ArrayNode array = body.putArray("values");
        Objects.requireNonNull(values, "values is null").forEach(value -> array.add(Objects.requireNonNull(value, "a value is null")));
        return body;
    }

    // webhook endpoints

    /**
     * Adds a webhook endpoint. Its signing secret is in the answer ({@link WebhookEndpoint#secret()}) and
     * nowhere else: keep it for {@link Webhooks}. Not sent again after a lost answer, which would add a
     * second endpoint with another secret.
     *
     * @param events event types, e.g. {@code evaluation.created}, {@code challenge.completed}, {@code device.attached}
     * @throws InvalidRequestException naming {@code url} (not http(s), or a private address the server does not allow) or {@code events}
     * @throws ConflictException when the app holds its most webhook endpoints ({@code limit-reached})
     */
    public WebhookEndpoint createWebhookEndpoint(String url, Collection<String> events) {
        ObjectNode body = JSON.createObjectNode().put("url", Objects.requireNonNull(url, "url is null"));
        ArrayNode array = body.putArray("events");
        Objects.requireNonNull(events, "events is null").forEach(event -> array.add(Objects.requireNonNull(event, "an event is null")));
        return WebhookEndpoint.of(send("POST", "/v3/webhooks", body.toString(), Retry.WHEN_NOT_RUN));
    }

    /** The app's webhook endpoints (without secrets). */
    public List<WebhookEndpoint> webhookEndpoints() {
        return data("/v3/webhooks", WebhookEndpoint::of);
    }

    public WebhookEndpoint webhookEndpoint(String endpointId) {
        return WebhookEndpoint.of(get("/v3/webhooks/" + id("webhook endpoint", endpointId)));
    }

    /**
     * A new signing secret for the endpoint, in the answer only; the previous one keeps signing beside it
     * until {@link WebhookEndpoint#previousSecretExpiresAt()}, so receivers can switch. Not sent again
     * after a lost answer (a second rotation would retire the secret that answer held).
     */
    public WebhookEndpoint rotateWebhookSecret(String endpointId) {
        return WebhookEndpoint.of(send("POST", "/v3/webhooks/" + id("webhook endpoint", endpointId) + "/rotate-secret", null, Retry.WHEN_NOT_RUN));
    }

    /**
     * As {@link #rotateWebhookSecret(String)}, the previous secret signing beside the new one for
     * {@code previousSecretValidFor} (whole seconds, up to a week) instead of 24 hours; zero stops it, and
     * every earlier one, at once ({@link WebhookEndpoint#previousSecretExpiresAt()} empty).
     *
     * @throws InvalidRequestException naming {@code previous_secret_valid_for} when it is longer than a week
     */
    public WebhookEndpoint rotateWebhookSecret(String endpointId, Duration previousSecretValidFor) {
        Objects.requireNonNull(previousSecretValidFor, "previousSecretValidFor is null");
        if (previousSecretValidFor.isNegative() || previousSecretValidFor.getNano() != 0) {
            throw new IllegalArgumentException("previousSecretValidFor must be whole seconds, not negative: " + previousSecretValidFor);
        }
        String body = JSON.createObjectNode().put("previous_secret_valid_for", previousSecretValidFor.toSeconds()).toString();
        return WebhookEndpoint.of(send("POST", "/v3/webhooks/" + id("webhook endpoint", endpointId) + "/rotate-secret", body, Retry.WHEN_NOT_RUN));
    }

    /**
     * Disables the endpoint (no deliveries; its pending ones are marked failed) or enables it again, its
     * failing spell forgotten. Sent again after a lost answer: setting the same state twice changes nothing.
     *
     * @return the endpoint as it is now
     * @throws NotFoundException when the app has no such endpoint
     */
    public WebhookEndpoint setWebhookEnabled(String endpointId, boolean enabled) {
        String body = JSON.createObjectNode().put("enabled", enabled).toString();
        return WebhookEndpoint.of(send("PATCH", "/v3/webhooks/" + id("webhook endpoint", endpointId), body, Retry.IDEMPOTENT));
    }

    /** @return false when there was no such endpoint */
    public boolean deleteWebhookEndpoint(String endpointId) {
        return deleteIfThere(() -> "/v3/webhooks/" + id("webhook endpoint", endpointId));
    }

    /** The endpoint's latest deliveries, newest first, without their tries ({@code limit} 1 to 1,000). */
    public List<WebhookDelivery> webhookDeliveries(String endpointId, int limit) {
        return webhookDeliveries(endpointId, limit, Optional.empty(), Optional.empty()).deliveries();
    }

    /**
     * A page of the endpoint's delivery log, newest first ({@code limit} 1 to 1,000): only deliveries of
     * {@code status} ({@code pending}, {@code delivered} or {@code failed}) when given, after {@code cursor}
     * (a page's {@link WebhookDeliveryPage#nextCursor()}) when given.
     */
    public WebhookDeliveryPage webhookDeliveries(String endpointId, int limit, Optional<String> status, Optional<String> cursor) {
        return WebhookDeliveryPage.of(get("/v3/webhooks/" + id("webhook endpoint", endpointId) + "/deliveries?limit=" + limit
                + status.map(s -> "&status=" + encode(s)).orElse("") + cursor.map(c -> "&cursor=" + encode(c)).orElse("")));
    }

    /** One delivery with its latest tries. */
    public WebhookDelivery webhookDelivery(String endpointId, String messageId) {
        return WebhookDelivery.of(get("/v3/webhooks/" + id("webhook endpoint", endpointId) + "/deliveries/" + id("webhook message", messageId)));
    }

    /**
     * Sends a message to the endpoint again, soon (a delivery that failed, or one the receiver lost). The
     * receiver may see it twice and drops repeats by its {@code webhook-id}, so a failed try is sent again.
     *
     * @throws ConflictException when the endpoint is disabled ({@code endpoint-disabled}): {@link #setWebhookEnabled} first
     */
    public void redeliverWebhook(String endpointId, String messageId) {
        send("POST", "/v3/webhooks/" + id("webhook endpoint", endpointId) + "/deliveries/" + id("webhook message", messageId) + "/redeliver", null, Retry.IDEMPOTENT);
    }

    // transport

    /**
     * A DELETE that says whether there was something to delete: Seatguard's own not-found is false, not an
     * error. The path is made inside: an id that cannot be one is not found, and so was not there either.
     */
    private boolean deleteIfThere(java.util.function.Supplier<String> path) {
        return deleteIfThere(path, () -> CallerValues.NONE);
    }

    private boolean deleteIfThere(Supplier<String> path, Supplier<CallerValues> given) {
        try {
            send("DELETE", path.get(), null, Retry.IDEMPOTENT, given);
            return true;
        }
        catch (NotFoundException e) {
            // Only Seatguard's own answer says nothing is stored there. Another 404 (a proxy's page, another
            // site at a wrong base URL) says nothing about it, and false would report an erasure that never ran.
            if (!NOT_FOUND.equals(e.type())) {
                throw e;
            }
            return false;
        }
    }

    private JsonNode get(String path) {
        return send("GET", path, null, Retry.IDEMPOTENT);
    }

    /** The {@code data} array of a list answer, each item read by {@code of}. */
    private <T> List<T> data(String path, java.util.function.Function<JsonNode, T> of) {
        return data(path, () -> CallerValues.NONE, of);
    }

    private <T> List<T> data(String path, Supplier<CallerValues> given, java.util.function.Function<JsonNode, T> of) {
        List<T> items = new ArrayList<>();
        AnswerFields.array(send("GET", path, null, Retry.IDEMPOTENT, given), "data", "a list").forEach(item -> items.add(of.apply(item)));
        return items;
    }

    /**
     * When a failed try is sent again. Reads and deletes change nothing twice, so any network error, 5xx
     * or 429 is retried; a call that records or claims something (an evaluation, a consume) only when it
     * provably did nothing: Seatguard's own {@code 503 unavailable}, which it answers before any route runs,
     * or a connection that was never made ({@link #neverSent}).
     */
    private enum Retry { IDEMPOTENT, WHEN_NOT_RUN }

    /**
     * Whether the try failed before a byte of the request left: the JDK's {@link java.net.ConnectException}
     * (a refused connection, an unresolvable host: its cause an {@code UnresolvedAddressException}) or its
     * {@link java.net.http.HttpConnectTimeoutException} (the HttpClient's {@code connectTimeout} passed: shorter
     * than the try's {@link #timeout}, so a hung connect ends as this and not as the try's deadline). A
     * call sent again after those cannot be done twice. Not the whole-try {@link #timeout}, nor a connection
     * closed or reset afterwards: the request may have arrived, and an evaluation sent twice is recorded twice.
     */
    private static boolean neverSent(IOException e) {
        return e instanceof java.net.ConnectException || e instanceof java.net.http.HttpConnectTimeoutException;
    }

    /** The problem type of a request refused before any route ran (overloaded or stopping node). */
    static final String NOT_RUN_TYPE = "https://seatguard.dev/problems/unavailable";

    private JsonNode send(String method, String path, String jsonBody, Retry retry) {
        return send(method, path, jsonBody, retry, () -> CallerValues.NONE);
    }

    /**
     * @param given the personal values the caller gave the call, masked where an error answer repeats them;
     *     the path is named in messages without its account or query ({@link Redacted#path}). Asked for only
     *     when an error answer is to be masked, and then once for the call: a list call's 10,000 values made
     *     a map of every form of each on every call, successes included, and again for each try answered
     *     with an error.
     */
    private JsonNode send(String method, String path, String jsonBody, Retry retry, Supplier<CallerValues> given) {
        if (closed) {
            throw new IllegalStateException("this SeatguardClient is closed");
        }
        CallerValues gathered = null;
        int tries = retries + 1;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(timeout)
                        .header("Authorization", "Bearer " + secretKey)
                        .header("User-Agent", USER_AGENT)
                        .header("Accept", "application/json");
                if (jsonBody == null) {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                }
                else {
                    request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(LoneSurrogates.escaped(jsonBody),
                            StandardCharsets.UTF_8));
                }
                response = exchange(request.build());
            }
            catch (CappedBody.TooLarge e) {
                // Not a network error to retry: the same server would send the same body again.
                throw new SeatguardException(call(method, path) + ": " + e.getMessage(), e);
            }
            catch (IOException e) {
                if ((retry == Retry.IDEMPOTENT || neverSent(e)) && attempt < tries) {
                    pause(backoff(attempt));
                    continue;
                }
                // The JDK's ConnectException (a refused connection) has no message: "failed after 3 tries: null" said nothing.
                throw new SeatguardNetworkException(call(method, path) + " failed after " + attempt + " tries: "
                        + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()), e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SeatguardNetworkException(call(method, path) + " was interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return read(response, call(method, path));
            }
            if (gathered == null) {
                gathered = given.get();
            }
            SeatguardApiException error = error(status, response.body(), response.headers(), gathered);
            Optional<Duration> retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After"), java.time.Instant.now());
            error.withRetryAfter(retryAfter);
            boolean retriable = retry == Retry.IDEMPOTENT ? status >= 500 || status == 429 : status == 503 && NOT_RUN_TYPE.equals(error.type());
            if (!retriable || attempt >= tries) {
                throw error;
            }
            // The server's word on when to come back wins over the back-off, up to the longest wait allowed;
            // asked to wait longer than that, the caller hears so at once. The back-off is never over it.
            if (retryAfter.isPresent() && retryAfter.get().compareTo(maxRetryWait) > 0) {
                throw error;
            }
            Duration backedOff = backoff(attempt);
            pause(retryAfter.filter(asked -> asked.compareTo(backedOff) > 0).orElse(backedOff));
        }
    }

    /**
     * One try, headers and body within {@link #timeout}. {@code HttpRequest.timeout} alone stops counting
     * once the headers are in, so a server stalling mid-body would hold the call for as long as it stalls;
     * the future's deadline covers the whole exchange, and cancelling it closes the connection.
     */
    private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, new CappedBody(maxAnswerBytes));
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        }
        catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        }
        catch (ExecutionException e) {
            // The JDK may wrap what the body's reader failed with in an IOException of its own.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof CappedBody.TooLarge tooLarge) {
                    throw tooLarge;
                }
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    /**
     * The back-off after try {@code attempt}: the first one, doubled for each try before, and never over
     * {@link #maxRetryWait}. Uncapped, {@code retries(10)} waited 102.4 s before its last try after a
     * network error (200 ms doubled nine times), while the builder promised at most 5 s.
     */
    private Duration backoff(int attempt) {
        Duration wait = backoff;
        // Doubled only while under the cap, so no back-off the builder takes can overflow.
        for (int doubled = 1; doubled < attempt && wait.compareTo(maxRetryWait) < 0; doubled++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryWait) > 0 ? maxRetryWait : wait;
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeatguardNetworkException("interrupted while waiting to retry", e);
        }
    }

    /**
     * A success's JSON object; an empty body (a 204) is an empty object. Every success of Seatguard's is an
     * object, so other JSON (an array, a string, {@code null}) is refused here as not Seatguard's.
     */
    private static JsonNode read(HttpResponse<String> response, String call) {
        String body = response.body();
        if (body == null || body.isEmpty()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (!json.isObject()) {
                throw new SeatguardException(call + ": " + ForeignAnswer.shape("JSON that is not an object (HTTP " + response.statusCode() + ")", "this call"));
            }
            return json;
        }
        catch (IOException e) {
            throw new SeatguardException(call + ": " + ForeignAnswer.describe(response.statusCode(), body, response.headers(), "JSON"), e);
        }
    }

    /** A call as a message names it: the method and the path without the personal parts ({@link Redacted#path}). */
    private static String call(String method, String path) {
        return method + " " + Redacted.path(path);
    }

    /**
     * The typed exception of an error answer; one that is no problem document says what it was instead
     * ({@link ForeignAnswer}). What the caller {@code given} is masked where the answer repeats it, in the
     * detail (the message) and the field errors.
     */
    static SeatguardApiException error(int status, String body, HttpHeaders headers, CallerValues given) {
        JsonNode problem = problem(body);
        String type = problem.path("type").isTextual() ? problem.path("type").textValue() : null;
        String detail = given.masked(problem.path("detail").isTextual() ? problem.path("detail").textValue()
                : problem.isObject() ? "HTTP " + status : ForeignAnswer.describe(status, body, headers, "problem+json"));
        List<SeatguardApiException.FieldError> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(new SeatguardApiException.FieldError(error.path("field").asText(), given.masked(error.path("message").asText()))));
        SeatguardApiException error = switch (status) {
            case 400 -> new InvalidRequestException(type, detail, fields);
            case 401 -> new AuthenticationException(type, detail, fields);
            case 404 -> new NotFoundException(type, detail);
            // A consume's replay says so in its type; any other 409 (a name taken, a list in use) is a conflict.
            case 409 -> type == null || type.endsWith("/already-consumed") || type.endsWith("/already_consumed")
                    ? new AlreadyConsumedException(type, detail) : new ConflictException(type, detail, fields);
            default -> new SeatguardApiException(status, type, detail, fields);
        };
        return error.withRequestId(problem.path("request_id").isTextual() ? problem.path("request_id").textValue() : null);
    }

    /** The answer's JSON object, or a missing node when it is none (an HTML page, an empty body, plain text). */
    private static JsonNode problem(String body) {
        try {
            JsonNode parsed = body == null || body.isEmpty() ? null : JSON.readTree(body);
            return parsed != null && parsed.isObject() ? parsed : MissingNode.getInstance();
        }
        catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * Ids go into the path as they are; anything else cannot be one, and must not steer the request
     * elsewhere. It is refused unsent, as the server answers an id it never gave: not found. A backend
     * passes a browser's form value straight in and handles {@link NotFoundException} already; an
     * unchecked exception made a 500 of a tampered form.
     *
     * @param what the resource, for the message: "evaluation", "policy", …
     */
    private static String id(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " id is null");
        }
        if (!SAFE_ID.matcher(value).matches() || isDotSegment(value)) {
            throw new NotFoundException(NOT_FOUND, what + " " + abbreviate(value) + " was not found");
        }
        return value;
    }

    /** A device id in the path, refused unsent when it cannot be one: the server refuses it so, naming {@code device_id}. */
    private static String deviceId(String value) {
        if (value == null) {
            throw new IllegalArgumentException("device id is null");
        }
        if (!SAFE_ID.matcher(value).matches() || isDotSegment(value)) {
            String fault = "must be a device id as evaluations report it (a UUID)";
            throw new InvalidRequestException(INVALID_INPUT, "device_id: " + fault, List.of(new SeatguardApiException.FieldError("device_id", fault)));
        }
        return value;
    }

    /** A value the caller gave, cut as the server cuts it in a message: a tampered one is not repeated at any length. */
    private static String abbreviate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }

    /**
     * A user id as one path segment, percent-encoded. An id no account can have is refused here, as the
     * server would refuse it ({@code 400} naming {@code user}), and never sent: an empty one made
     * {@code DELETE /v3/users/}, a route that does not exist (so "nothing erased"), and a dot segment
     * could be resolved by a proxy into another route ({@link #isDotSegment}).
     */
    private static String user(String value) {
        Optional<String> fault = accountIdFault(Objects.requireNonNull(value, "user id is null"));
        if (fault.isPresent()) {
            throw new InvalidRequestException(INVALID_INPUT, "user: " + fault.get(), List.of(new SeatguardApiException.FieldError("user", fault.get())));
        }
        return encode(value);
    }

    /** The server's rule for an account id (evaluate's {@code user}, every {@code /v3/users/{user}} route), with its words. */
    static Optional<String> accountIdFault(String id) {
        if (id.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (id.length() > MAX_USER_ID) {
            return Optional.of("must be at most " + MAX_USER_ID + " characters");
        }
        if (isDotSegment(id)) {
            return Optional.of("must not be \".\" or \"..\": an account must be nameable in a URL path");
        }
        // Evaluate refuses both, so no account holds one; and URLEncoder writes "?" for half a surrogate pair,
        // which would send the call to another account ("a" and a lone U+D800 became the account "a?").
        if (id.indexOf('\u0000') >= 0) {
            return Optional.of("must not contain the NUL character (U+0000)");
        }
        if (LoneSurrogates.present(id)) {
            return Optional.of("must not contain a lone UTF-16 surrogate (\\ud800-\\udfff without its pair)");
        }
        return Optional.empty();
    }

    /**
     * {@code .} and {@code ..} are the dot segments of RFC 3986 (section 5.2.4): percent-encoding does not
     * hide them (%2E is a dot to a normaliser), and a proxy that resolves them would turn
     * {@code DELETE /v3/users/mia/devices/..} into {@code DELETE /v3/users/mia}, erasing the account.
     */
    private static boolean isDotSegment(String segment) {
        return segment.equals(".") || segment.equals("..");
    }

    private static String encode(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value, "value is null"), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
