package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;


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
 * <p>Every try has a timeout that covers the whole answer, headers and body. Reads and deletes
 * (idempotent) are retried on a network error or a 5xx answer, with a short back-off;
 * {@link #consumeEvaluation} is never retried, since a lost answer to a consume that happened would
 * turn into a 409 on the retry. Errors are typed: {@link NotFoundException},
 * {@link AlreadyConsumedException}, {@link AuthenticationException}, {@link InvalidRequestException},
 * other {@link SeatguardApiException}s, and {@link SeatguardNetworkException}.
 *
 * <p>An id that cannot be sent safely in a URL path is refused with {@link IllegalArgumentException}
 * before any request: {@code .} and {@code ..} (a proxy may resolve them), and for evaluation, challenge
 * and device ids anything outside {@code [A-Za-z0-9_.:-]{1,128}}.
 */
public final class SeatguardClient implements AutoCloseable {
    /** The number of accounts {@code GET /v3/patterns} lists when no limit is given. */
    public static final int DEFAULT_PATTERN_LIMIT = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
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

    private SeatguardClient(Builder builder) {
        this.base = URI.create(builder.baseUrl.endsWith("/") ? builder.baseUrl.substring(0, builder.baseUrl.length() - 1) : builder.baseUrl);
        this.secretKey = builder.secretKey;
        this.timeout = builder.timeout;
        this.retries = builder.retries;
        this.backoff = builder.backoff;
        this.ownsHttp = builder.http == null;
        this.http = ownsHttp ? HttpClient.newBuilder().connectTimeout(builder.timeout).build() : builder.http;
    }

    /** @param secretKey the app's {@code sk_…} key; keep it on the server */
    public static Builder builder(String baseUrl, String secretKey) {
        return new Builder(baseUrl, secretKey);
    }

    /** Options: timeout per try, for the whole answer (default 5 s), retries of idempotent calls (default 2), first back-off (default 200 ms, doubling). */
    public static final class Builder {
        private final String baseUrl;
        private final String secretKey;
        private Duration timeout = Duration.ofSeconds(5);
        private int retries = 2;
        private Duration backoff = Duration.ofMillis(200);
        private HttpClient http;

        private Builder(String baseUrl, String secretKey) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl is null");
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey is null");
            if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL");
            }
            if (!secretKey.startsWith("sk_")) {
                throw new IllegalArgumentException("the secret key starts with sk_");
            }
        }

        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout is null");
            return this;
        }

        public Builder retries(int value) {
            if (value < 0 || value > 10) {
                throw new IllegalArgumentException("retries must be between 0 and 10");
            }
            this.retries = value;
            return this;
        }

        public Builder backoff(Duration value) {
            this.backoff = Objects.requireNonNull(value, "backoff is null");
            return this;
        }

        /** A client of your own (proxy, executor); its connect timeout is yours to set, and so is closing it. */
        public Builder httpClient(HttpClient value) {
            this.http = Objects.requireNonNull(value, "httpClient is null");
            return this;
        }

        public SeatguardClient build() {
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

    public Evaluation getEvaluation(String evaluationId) {
        return Evaluation.of(get("/v3/evaluations/" + id(evaluationId)));
    }

    /**
     * Claims the evaluation once (seed 003): of any number of calls, across every server node, exactly
     * one gets it.
     *
     * @throws AlreadyConsumedException when it was consumed before: a replay
     */
    public Evaluation consumeEvaluation(String evaluationId) {
        return Evaluation.of(send("POST", "/v3/evaluations/" + id(evaluationId) + "/consume", false));
    }

    public Challenge getChallenge(String challengeId) {
        return Challenge.of(get("/v3/challenges/" + id(challengeId)));
    }

    // accounts

    public List<Device> listDevices(String userId) {
        List<Device> devices = new ArrayList<>();
        get("/v3/users/" + user(userId) + "/devices").path("data").forEach(device -> devices.add(Device.of(device)));
        return devices;
    }

    /** Logs the device out of the account: its next evaluation or heartbeat answers {@code logout: true}. */
    public void logOutDevice(String userId, String deviceId) {
        send("DELETE", "/v3/users/" + user(userId) + "/devices/" + id(deviceId), true);
    }

    public HistoryPage history(String userId, int limit, Optional<String> cursor) {
        return HistoryPage.of(get("/v3/users/" + user(userId) + "/history?limit=" + limit + cursor.map(c -> "&cursor=" + encode(c)).orElse("")));
    }

    public HistoryPage historyOfDevice(String deviceId, int limit, Optional<String> cursor) {
        return HistoryPage.of(get("/v3/history?device_id=" + encode(deviceId) + "&limit=" + limit + cursor.map(c -> "&cursor=" + encode(c)).orElse("")));
    }

    public HistoryPage historyOfIp(String ip, int limit, Optional<String> cursor) {
        return HistoryPage.of(get("/v3/history?ip=" + encode(ip) + "&limit=" + limit + cursor.map(c -> "&cursor=" + encode(c)).orElse("")));
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

    // transport

    private JsonNode get(String path) {
        return send("GET", path, true);
    }

    private JsonNode send(String method, String path, boolean idempotent) {
        if (closed) {
            throw new IllegalStateException("this SeatguardClient is closed");
        }
        int tries = idempotent ? retries + 1 : 1;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(timeout)
                        .header("Authorization", "Bearer " + secretKey)
                        .header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build();
                response = exchange(request);
            }
            catch (IOException e) {
                if (attempt < tries) {
                    pause(attempt);
                    continue;
                }
                throw new SeatguardNetworkException(method + " " + path + " failed after " + attempt + " tries: " + e.getMessage(), e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SeatguardNetworkException(method + " " + path + " was interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 500 && attempt < tries) {
                pause(attempt);
                continue;
            }
            if (status >= 200 && status < 300) {
                return read(response.body());
            }
            throw error(status, response.body());
        }
    }

    /**
     * One try, headers and body within {@link #timeout}. {@code HttpRequest.timeout} alone stops counting
     * once the headers are in, so a server stalling mid-body would hold the call for as long as it stalls;
     * the future's deadline covers the whole exchange, and cancelling it closes the connection.
     */
    private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
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
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(backoff.toMillis() << (attempt - 1));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeatguardNetworkException("interrupted while waiting to retry", e);
        }
    }

    private static JsonNode read(String body) {
        if (body == null || body.isEmpty()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        }
        catch (IOException e) {
            throw new SeatguardException("Seatguard answered something that is not JSON", e);
        }
    }

    static SeatguardApiException error(int status, String body) {
        JsonNode problem;
        try {
            problem = body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        }
        catch (IOException e) {
            problem = JSON.createObjectNode();
        }
        String type = problem.path("type").isTextual() ? problem.path("type").textValue() : null;
        String detail = problem.path("detail").isTextual() ? problem.path("detail").textValue() : "HTTP " + status;
        List<SeatguardApiException.FieldError> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(new SeatguardApiException.FieldError(error.path("field").asText(), error.path("message").asText())));
        SeatguardApiException error = switch (status) {
            case 400 -> new InvalidRequestException(type, detail, fields);
            case 401 -> new AuthenticationException(type, detail);
            case 404 -> new NotFoundException(type, detail);
            case 409 -> new AlreadyConsumedException(type, detail);
            default -> new SeatguardApiException(status, type, detail, fields);
        };
        return error.withRequestId(problem.path("request_id").isTextual() ? problem.path("request_id").textValue() : null);
    }

    /** Ids go into the path as they are; anything else cannot be one, and must not steer the request elsewhere. */
    private static String id(String value) {
        if (value == null || !SAFE_ID.matcher(value).matches() || isDotSegment(value)) {
            throw new IllegalArgumentException("not an id: " + value);
        }
        return value;
    }

    /** A user id as one path segment: percent-encoded, and never a dot segment. */
    private static String user(String value) {
        String encoded = encode(value);
        if (isDotSegment(encoded)) {
            throw new IllegalArgumentException("the user id \"" + value + "\" cannot be sent in a URL path");
        }
        return encoded;
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
