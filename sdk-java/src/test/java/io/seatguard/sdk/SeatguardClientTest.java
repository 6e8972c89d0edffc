package io.seatguard.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's retries, timeouts and typed errors, against a scripted local HTTP server. */
class SeatguardClientTest {
    private static final String EVALUATION = """
            {"id":"0192c1a0-0000-7000-8000-000000000001","action":"login","verdict":"challenge","created_at":"2026-11-30T10:00:00Z",
             "consumed":true,"user":{"id":"mia","email":"mia@example.com","phone":null},"device":{"id":"d-1"},"risk":{"score":40},
             "challenge":{"id":"ch_1","type":"verification","status":"completed","expires_at":"2026-11-30T10:10:00Z"}}""";

    /** One answer of the scripted server; {@code retryAfter} its {@code Retry-After}, or null for none. */
    private record Scripted(int status, String body, long delayMs, String retryAfter) {
        Scripted(int status, String body, long delayMs) {
            this(status, body, delayMs, null);
        }
    }

    private static final String NOT_RUN = "{\"type\":\"https://seatguard.dev/problems/unavailable\",\"detail\":\"busy\"}";
    private static final String STORAGE_DOWN = "{\"type\":\"https://seatguard.dev/problems/storage-unavailable\",\"detail\":\"down\"}";
    private static final String EVALUATED = """
            {"evaluation_id":"0192c1a0-0000-7000-8000-000000000002","verdict":"challenge","redirect":"https://sg.example.com/challenge/ch_1",
             "device_id":"0192c1a0-0000-7000-8000-0000000000d1","logout":false,"ip":"203.0.113.9"}""";

    private HttpServer server;
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    /**
     * A client of scripted answers. Its timeout is long against any answer but the ones made to time out
     * (which use their own): at 500 ms, a loaded CI machine timed out a prompt answer now and then, and the
     * retry then got the next scripted one (aRetryAfterLongerThanTheLongestWaitEndsTheCallWithIt saw a 200).
     */
    private SeatguardClient client(Scripted... answers) throws IOException {
        return SeatguardClient.builder(serve(answers), "sk_test_123").timeout(Duration.ofSeconds(10)).backoff(Duration.ofMillis(10)).build();
    }

    /** Starts the scripted server; its base URL. */
    private String serve(Scripted... answers) throws IOException {
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Scripted answer = script.isEmpty() ? new Scripted(500, "", 0) : script.poll();
            try {
                Thread.sleep(answer.delayMs());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.status() < 300 ? "application/json" : "application/problem+json");
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void readsAnEvaluationAndRetriesReadsOnServerErrors() throws IOException {
        SeatguardClient client = client(new Scripted(503, "{\"detail\":\"down\"}", 0), new Scripted(200, EVALUATION, 0));
        Evaluation evaluation = client.getEvaluation("0192c1a0-0000-7000-8000-000000000001");
        assertThat(evaluation.action()).isEqualTo("login");
        assertThat(evaluation.userId()).contains("mia");
        assertThat(evaluation.email()).contains("mia@example.com");
        assertThat(evaluation.phone()).as("null on the wire").isEmpty();
        assertThat(evaluation.challengeCompleted()).isTrue();
        assertThat(evaluation.riskScore()).isEqualTo(40);
        assertThat(requests).hasSize(2).allSatisfy(request -> assertThat(request).endsWith("Bearer sk_test_123"));
    }

    @Test
    void neverRetriesAConsumeAndTypesItsConflict() throws IOException {
        SeatguardClient client = client(new Scripted(503, "{\"detail\":\"down\"}", 0), new Scripted(409,
                "{\"type\":\"https://seatguard.dev/problems/already_consumed\",\"detail\":\"already consumed\"}", 0));
        assertThatThrownBy(() -> client.consumeEvaluation("0192c1a0-0000-7000-8000-000000000001"))
                .isInstanceOfSatisfying(SeatguardApiException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(requests).hasSize(1);
        assertThatThrownBy(() -> client.consumeEvaluation("0192c1a0-0000-7000-8000-000000000001")).isInstanceOf(AlreadyConsumedException.class);
    }

    @Test
    void typesNotFoundUnauthorizedAndInvalidWithTheirFields() throws IOException {
        SeatguardClient client = client(new Scripted(404, "{\"detail\":\"evaluation x was not found\",\"request_id\":\"req-404\"}", 0),
                new Scripted(401, "{\"detail\":\"bad key\"}", 0),
                new Scripted(400, "{\"detail\":\"1 field\",\"errors\":[{\"field\":\"limit\",\"message\":\"must be from 1 to 100\"}]}", 0));
        assertThatThrownBy(() -> client.getEvaluation("x")).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.requestId()).isEqualTo("req-404");
            assertThat(e.getMessage()).isEqualTo("404 evaluation x was not found [request req-404]");
        });
        assertThatThrownBy(() -> client.getChallenge("ch_1")).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.requestId()).as("none named").isNull();
            assertThat(e.getMessage()).isEqualTo("401 bad key");
        });
        assertThatThrownBy(() -> client.history("mia", 0, java.util.Optional.empty()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsExactly(new SeatguardApiException.FieldError("limit", "must be from 1 to 100")));
        assertThat(requests.get(2)).contains("/v3/users/mia/history?limit=0");
    }

    /**
     * Regression: a 401 names the header at fault and why (missing, not a bearer, no app's key), as every
     * problem names its field, but the client dropped its {@code errors}: {@code fieldErrors()} was empty.
     */
    @Test
    void anAuthenticationErrorKeepsTheFieldAndReasonTheServerGave() throws IOException {
        SeatguardClient client = client(new Scripted(401, "{\"type\":\"https://seatguard.dev/problems/invalid-credentials\","
                + "\"detail\":\"The secret key is not valid\",\"request_id\":\"req-401\","
                + "\"errors\":[{\"field\":\"Authorization\",\"message\":\"is not a secret key of any app\"}]}", 0));
        assertThatThrownBy(() -> client.listDevices("mia")).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.fieldErrors()).containsExactly(new SeatguardApiException.FieldError("Authorization", "is not a secret key of any app"));
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.requestId()).isEqualTo("req-401");
        });
    }

    @Test
    void timesOutAndGivesUpAfterItsRetries() throws IOException {
        SeatguardClient client = SeatguardClient.builder(serve(new Scripted(200, EVALUATION, 2_000), new Scripted(200, EVALUATION, 2_000),
                new Scripted(200, EVALUATION, 2_000)), "sk_test_123").timeout(Duration.ofMillis(500)).backoff(Duration.ofMillis(10)).build();
        assertThatThrownBy(() -> client.getEvaluation("0192c1a0-0000-7000-8000-000000000001"))
                .isInstanceOf(SeatguardNetworkException.class).hasMessageContaining("after 3 tries");
    }

    /**
     * Regression: {@code HttpRequest.timeout} stops counting once the headers are in, so a server that
     * sent its headers and then stalled mid-body held the call for as long as it stalled.
     */
    @Test
    void aServerThatStallsMidBodyTimesOutEachTryAndReadsAreRetried() throws Exception {
        try (StallingServer stalling = new StallingServer()) {
            SeatguardClient client = SeatguardClient.builder(stalling.url(), "sk_test_123")
                    .timeout(Duration.ofMillis(300)).retries(1).backoff(Duration.ofMillis(10)).build();
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.getEvaluation("0192c1a0-0000-7000-8000-000000000001"))
                    .isInstanceOf(SeatguardNetworkException.class).hasMessageContaining("after 2 tries");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two tries of 300 ms, not the stall").isLessThan(Duration.ofSeconds(5));
            assertThat(stalling.connections()).isEqualTo(2);

            assertThatThrownBy(() -> client.consumeEvaluation("0192c1a0-0000-7000-8000-000000000001"))
                    .as("a consume is still tried once").isInstanceOf(SeatguardNetworkException.class).hasMessageContaining("after 1 tries");
            assertThat(stalling.connections()).isEqualTo(3);
        }
    }

    @Test
    void closingClosesTheHttpClientItMadeAndRefusesFurtherCalls() throws Exception {
        try (KeepAliveServer server = new KeepAliveServer()) {
            SeatguardClient client = SeatguardClient.builder(server.url(), "sk_test_123").build();
            assertThat(client.listDevices("mia")).isEmpty();
            client.close();
            assertThat(server.clientClosedWithin(Duration.ofSeconds(10))).as("its connection is closed").isTrue();
            assertThatThrownBy(() -> client.listDevices("mia")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            client.close();   // twice is harmless
        }
    }

    @Test
    void closingLeavesAGivenHttpClientOpen() throws Exception {
        String url = serve(new Scripted(200, "{\"data\":[]}", 0), new Scripted(200, "{\"data\":[]}", 0));
        try (HttpClient given = HttpClient.newHttpClient()) {
            try (SeatguardClient closing = SeatguardClient.builder(url, "sk_test_123").httpClient(given).build()) {
                assertThat(closing.listDevices("mia")).isEmpty();
            }
            assertThat(given.isTerminated()).isFalse();
            assertThat(SeatguardClient.builder(url, "sk_test_123").httpClient(given).build().listDevices("mia")).as("still usable").isEmpty();
        }
    }

    @Test
    void aClosedPortIsANetworkError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SeatguardClient client = SeatguardClient.builder("http://127.0.0.1:" + port, "sk_x").retries(1).backoff(Duration.ofMillis(1)).build();
        // Regression: the JDK's ConnectException has no message, and this one ended "failed after 2 tries: null".
        assertThatThrownBy(() -> client.listDevices("mia")).isInstanceOf(SeatguardNetworkException.class)
                .hasMessageStartingWith("GET /v3/users/(hidden)/devices failed after 2 tries: ").hasMessageNotContaining("null");
    }

    /**
     * An id that could steer the request elsewhere is never sent. A backend passes the browser's form value
     * straight in (docs/integration-guide.md), so it is refused with the exception the server answers for
     * an id it has not given, one the backend already handles, not an unchecked IllegalArgumentException
     * that became a 500 in the backend's app.
     */
    @Test
    void refusesIdsThatCouldSteerTheRequestAsTheServerWouldAndBadOptions() throws IOException {
        SeatguardClient client = client();
        for (String tampered : new String[] {"../apps", "a/../x", "0192c1a0-0000-7000-8000-000000000001?x=1", ".", ".."}) {
            assertThatThrownBy(() -> client.getEvaluation(tampered)).as(tampered).isInstanceOfSatisfying(NotFoundException.class, e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.type()).isEqualTo("https://seatguard.dev/problems/not-found");
                assertThat(e.getMessage()).contains("evaluation " + tampered + " was not found");
                assertThat(e.requestId()).as("nothing was sent").isNull();
            });
            assertThatThrownBy(() -> client.consumeEvaluation(tampered)).as(tampered).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> client.getEvaluation("x".repeat(5000))).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.getMessage()).as("a tampered value is not repeated at any length").hasSizeLessThan(200));
        assertThatThrownBy(() -> client.getEvaluation(null)).as("a null is the caller's mistake").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.getChallenge("ch_1?x=1")).isInstanceOf(NotFoundException.class);
        for (String dots : new String[] {".", ".."}) {
            assertThatThrownBy(() -> client.logOutDevice("mia", dots)).as("a proxy could resolve it to DELETE /v3/users/mia")
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.fieldErrors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("device_id")));
            assertThatThrownBy(() -> client.listDevices(dots)).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> client.history(dots, 10, java.util.Optional.empty())).isInstanceOf(InvalidRequestException.class);
        }
        assertThat(requests).isEmpty();
        assertThatThrownBy(() -> SeatguardClient.builder("ftp://x", "sk_1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeatguardClient.builder("http://x", "pk_1")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Regression: a base URL with a query or fragment swallowed every path after it, and {@code //} made
     * {@code //v3/…}: each call went to another route, and {@code eraseAccount} took its 404 for "nothing
     * was stored", answering false with the account still there. Such a URL is refused when the client is built.
     */
    @Test
    void aBaseUrlThatWouldSendCallsElsewhereIsRefusedWhenTheClientIsBuilt() throws IOException {
        String base = serve(new Scripted(204, "", 0), new Scripted(204, "", 0), new Scripted(204, "", 0));
        for (String astray : new String[] {base + "?env=prod", base + "/?", base + "#api", "http://seatguard_server:8080", "http://", "http://exa mple.com"}) {
            assertThatThrownBy(() -> SeatguardClient.builder(astray, "sk_test_123")).as(astray).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("baseUrl");
        }
        assertThatThrownBy(() -> SeatguardClient.builder(base + "?env=prod", "sk_test_123")).hasMessageContaining("query");
        for (String fine : new String[] {base, base + "/", base + "//"}) {
            assertThat(SeatguardClient.builder(fine, "sk_test_123").build().eraseAccount("mia")).as(fine).isTrue();
        }
        assertThat(requests).hasSize(3).allSatisfy(request -> assertThat(request).startsWith("DELETE /v3/users/mia "));
        assertThat(SeatguardClient.builder("HTTPS://sg.example.com", "sk_test_123").build()).as("a scheme is case-insensitive").isNotNull();
    }

    /**
     * Regression: a zero or negative timeout was left to the JDK. With a client of one's own it built, and
     * every call then threw the JDK's unchecked "Invalid duration: PT0S" rather than being sent; a negative
     * back-off was taken as none.
     */
    @Test
    void aTimeoutOrBackOffThatCannotBeIsRefusedByTheBuilderNamingIt() throws IOException {
        String base = serve(new Scripted(200, "{\"data\":[]}", 0));
        for (Duration never : new Duration[] {Duration.ZERO, Duration.ofMillis(-1)}) {
            assertThatThrownBy(() -> SeatguardClient.builder(base, "sk_test_123").httpClient(HttpClient.newHttpClient()).timeout(never))
                    .as("%s", never).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout must be positive");
        }
        assertThatThrownBy(() -> SeatguardClient.builder(base, "sk_test_123").backoff(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoff must not be negative");
        assertThat(SeatguardClient.builder(base, "sk_test_123").backoff(Duration.ZERO).timeout(Duration.ofMillis(1)).build()).isNotNull();
        assertThat(requests).isEmpty();
    }

    /**
     * Regression: a huge duration built: {@code timeout(Duration.ofSeconds(Long.MAX_VALUE))}, meant as
     * "never", made every call throw an unchecked ArithmeticException ({@code toNanos} overflowed), and a
     * huge back-off slept as long as it said. Each setting takes at most {@link SeatguardClient#MAX_DURATION}.
     */
    @Test
    void aDurationLongerThanAnHourIsRefusedByTheBuilderNamingItsSetting() throws IOException {
        String base = serve(new Scripted(503, STORAGE_DOWN, 0), new Scripted(200, "{\"data\":[]}", 0));
        Duration[] tooLong = {Duration.ofSeconds(Long.MAX_VALUE), java.time.temporal.ChronoUnit.FOREVER.getDuration(), Duration.ofDays(365L * 1_000),
                SeatguardClient.MAX_DURATION.plusNanos(1)};
        for (Duration huge : tooLong) {
            SeatguardClient.Builder builder = SeatguardClient.builder(base, "sk_test_123");
            assertThatThrownBy(() -> builder.timeout(huge)).as("%s", huge).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("timeout must be at most 1 hour (PT1H): ");
            assertThatThrownBy(() -> builder.backoff(huge)).as("%s", huge).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("backoff must be at most 1 hour");
            assertThatThrownBy(() -> builder.maxRetryWait(huge)).as("%s", huge).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("maxRetryWait must be at most 1 hour");
        }
        SeatguardClient longest = SeatguardClient.builder(base, "sk_test_123").timeout(SeatguardClient.MAX_DURATION).backoff(SeatguardClient.MAX_DURATION)
                .maxRetryWait(SeatguardClient.MAX_DURATION).sleeper(waits::add).build();
        assertThat(longest.listDevices("mia")).as("the longest of each works").isEmpty();
        assertThat(waits).containsExactly(Duration.ofHours(1));
        assertThat(requests).hasSize(2);
    }

    /**
     * Regression: a secret key read from a file with its newline built, and then every call threw the
     * JDK's unchecked "invalid header value", whose message (and so the backend's log) held the whole key.
     */
    @Test
    void aSecretKeyThatCannotGoInAHeaderIsRefusedByTheBuilderWithoutRepeatingIt() throws IOException {
        String base = serve(new Scripted(200, "{\"data\":[]}", 0));
        for (String unsendable : new String[] {"sk_live_4f9Qz\n", "sk_live_4f9Qz\r\n", "sk_live_4f9Qz ", "sk_live\t4f9Qz", "sk_live_4f9Qz\u00e9", "sk_live_4f9Qz\u0000"}) {
            assertThatThrownBy(() -> SeatguardClient.builder(base, unsendable)).as("[%s]", unsendable).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("secretKey").hasMessageNotContaining("4f9Qz");
        }
        assertThat(requests).isEmpty();
        assertThat(SeatguardClient.builder(base, "sk_live_4f9Qz").build().listDevices("mia")).isEmpty();
    }

    @Test
    void waitsOutTheRetryAfterItIsGivenBeforeRetryingARead() throws IOException {
        SeatguardClient client = client(new Scripted(503, STORAGE_DOWN, 0, "1"), new Scripted(200, EVALUATION, 0));
        long started = System.nanoTime();
        assertThat(client.getEvaluation("0192c1a0-0000-7000-8000-000000000001").action()).isEqualTo("login");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the server's second, not the 10 ms back-off").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(requests).hasSize(2);
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitEndsTheCallWithIt() throws IOException {
        SeatguardClient client = client(new Scripted(503, STORAGE_DOWN, 0, "30"), new Scripted(200, EVALUATION, 0));
        assertThatThrownBy(() -> client.getEvaluation("0192c1a0-0000-7000-8000-000000000001"))
                .isInstanceOfSatisfying(SeatguardApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
                });
        assertThat(requests).as("not retried, and not kept waiting").hasSize(1);

        SeatguardClient impatient = SeatguardClient.builder("http://127.0.0.1:" + server.getAddress().getPort(), "sk_test_123")
                .backoff(Duration.ofMillis(10)).maxRetryWait(Duration.ZERO).build();
        script.clear();
        script.add(new Scripted(503, STORAGE_DOWN, 0, "1"));
        script.add(new Scripted(200, "{\"data\":[]}", 0));
        assertThatThrownBy(() -> impatient.listDevices("mia")).as("ZERO never waits on a Retry-After")
                .isInstanceOfSatisfying(SeatguardApiException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
        assertThat(requests).hasSize(2);
        assertThatThrownBy(() -> SeatguardClient.builder("http://x", "sk_1").maxRetryWait(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The waits a client made, noted instead of slept, so ten retries take no real time. */
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private static final List<Duration> CAPPED_DEFAULT_WAITS = List.of(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
            Duration.ofMillis(1_600), Duration.ofMillis(3_200), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(5));

    /**
     * Regression: the doubling back-off after a network error was not capped by {@code maxRetryWait}, so
     * {@code retries(10)} slept 6.4, 12.8, 25.6, 51.2 and 102.4 s before its last tries, though the builder
     * promised at most 5 s before any retry.
     */
    @Test
    void theBackOffAfterANetworkErrorNeverWaitsLongerThanMaxRetryWait() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SeatguardClient client = SeatguardClient.builder("http://127.0.0.1:" + port, "sk_x").retries(10).sleeper(waits::add).build();
        assertThatThrownBy(() -> client.listDevices("mia")).isInstanceOf(SeatguardNetworkException.class).hasMessageContaining("after 11 tries");
        assertThat(waits).as("200 ms doubling, then the 5 s default cap").isEqualTo(CAPPED_DEFAULT_WAITS);

        waits.clear();
        SeatguardClient impatient = SeatguardClient.builder("http://127.0.0.1:" + port, "sk_x").retries(3).maxRetryWait(Duration.ZERO).sleeper(waits::add).build();
        assertThatThrownBy(() -> impatient.listDevices("mia")).isInstanceOf(SeatguardNetworkException.class).hasMessageContaining("after 4 tries");
        assertThat(waits).as("ZERO never waits").containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * Regression: an error answer with no {@code Retry-After} was retried after the doubling back-off only
     * while that stayed under {@code maxRetryWait}; from the sixth try on (6.4 s) the call ended with the
     * error, so {@code retries(10)} made six tries, not eleven.
     */
    @Test
    void aServerErrorWithoutRetryAfterIsRetriedEveryTimeAfterABackOffCappedAtMaxRetryWait() throws IOException {
        Scripted[] answers = new Scripted[11];
        java.util.Arrays.fill(answers, new Scripted(503, STORAGE_DOWN, 0));
        SeatguardClient client = SeatguardClient.builder(serve(answers), "sk_test_123").retries(10).sleeper(waits::add).build();
        assertThatThrownBy(() -> client.getEvaluation("0192c1a0-0000-7000-8000-000000000001"))
                .isInstanceOfSatisfying(SeatguardApiException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(requests).as("every retry was made").hasSize(11);
        assertThat(waits).isEqualTo(CAPPED_DEFAULT_WAITS);
    }

    /**
     * Regression: a {@code Retry-After} of more than ten digits (RFC 9110's delay-seconds have no length
     * limit) was read as no {@code Retry-After} at all, so the client sent the read again after its short
     * back-off, to a server that had asked for a very long wait.
     */
    @Test
    void aRetryAfterOfMoreThanTenDigitsIsALongWaitNotNone() throws IOException {
        SeatguardClient client = client(new Scripted(503, STORAGE_DOWN, 0, "99999999999"), new Scripted(200, EVALUATION, 0));
        assertThatThrownBy(() -> client.getEvaluation("0192c1a0-0000-7000-8000-000000000001"))
                .isInstanceOfSatisfying(SeatguardApiException.class, e -> assertThat(e.retryAfter()).as("the longest wait read").contains(Duration.ofDays(1)));
        assertThat(requests).as("not sent again").hasSize(1);
    }

    @Test
    void aReadIsRetriedOnTooManyRequestsAndTheLastAnswerKeepsItsWait() throws IOException {
        SeatguardClient client = client(new Scripted(429, "{\"detail\":\"slow down\"}", 0, "0"), new Scripted(429, "{}", 0, "0"),
                new Scripted(429, "{\"detail\":\"slow down\"}", 0, "0"));
        assertThatThrownBy(() -> client.listDevices("mia")).isInstanceOfSatisfying(SeatguardApiException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ZERO);
        });
        assertThat(requests).as("three tries").hasSize(3);
    }

    @Test
    void anEvaluationOrAConsumeIsSentAgainOnlyWhenNoRouteRan() throws IOException {
        SeatguardClient client = client(new Scripted(503, NOT_RUN, 0, "0"), new Scripted(200, EVALUATED, 0));
        EvaluateResult result = client.evaluate(EvaluateRequest.of("login").user("mia").ip("203.0.113.9"));
        assertThat(result.evaluationId()).isEqualTo("0192c1a0-0000-7000-8000-000000000002");
        assertThat(result.verdict()).isEqualTo("challenge");
        assertThat(result.redirect()).contains("https://sg.example.com/challenge/ch_1");
        assertThat(result.deviceId()).isEqualTo("0192c1a0-0000-7000-8000-0000000000d1");
        assertThat(result.logout()).isFalse();
        assertThat(requests).hasSize(2).allSatisfy(request -> assertThat(request).startsWith("POST /v3/evaluate "));
        assertThat(bodies).as("the same body both times").containsOnly("{\"action\":\"login\",\"user\":\"mia\",\"ip\":\"203.0.113.9\"}");

        for (Scripted ran : List.of(new Scripted(503, STORAGE_DOWN, 0, "0"), new Scripted(500, "{}", 0), new Scripted(503, "", 0, "0"))) {
            requests.clear();
            script.add(ran);
            script.add(new Scripted(200, EVALUATED, 0));
            assertThatThrownBy(() -> client.evaluate(EvaluateRequest.of("login").user("mia"))).as("%s may have been recorded", ran)
                    .isInstanceOfSatisfying(SeatguardApiException.class, e -> assertThat(e.status()).isEqualTo(ran.status()));
            assertThat(requests).as("%s: sent once", ran).hasSize(1);
            script.clear();
        }

        requests.clear();
        script.add(new Scripted(503, NOT_RUN, 0, "0"));
        script.add(new Scripted(200, EVALUATION, 0));
        assertThat(client.consumeEvaluation("0192c1a0-0000-7000-8000-000000000001").consumed()).isTrue();
        assertThat(requests).hasSize(2);
    }

    /** Every call naming an account refuses {@code never} as the server would, naming {@code user}, without sending anything. */
    private static void assertEveryAccountCallRefuses(SeatguardClient client, String never) {
        assertThatThrownBy(() -> client.eraseAccount(never)).as("[%s]", never).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.fieldErrors()).extracting(SeatguardApiException.FieldError::field).containsExactly("user");
            assertThat(e.requestId()).as("never sent").isNull();
        });
        assertThatThrownBy(() -> client.accountSummary(never)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> client.listDevices(never)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> client.history(never, 10, java.util.Optional.empty())).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> client.logOutDevice(never, "0192c1a0-0000-7000-8000-000000000001")).isInstanceOf(InvalidRequestException.class);
    }

    /** Review 48, finding 5: eraseAccount("") sent DELETE /v3/users/, a route that does not exist, and answered "nothing erased". */
    @Test
    void anIdNoAccountCanHaveIsRefusedAsTheServerWouldBeforeAnythingIsSent() throws IOException {
        SeatguardClient client = client(new Scripted(204, "", 0));
        for (String never : new String[] {"", " ", "\t", ".", "..", "u".repeat(257)}) {
            assertEveryAccountCallRefuses(client, never);
        }
        assertThatThrownBy(() -> client.eraseAccount("")).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> client.eraseAccount("u".repeat(257))).hasMessageContaining("at most 256 characters");
        assertThat(requests).isEmpty();
        assertThat(client.eraseAccount("u".repeat(256))).as("the longest id is sent").isTrue();
        assertThat(requests).singleElement().satisfies(request -> assertThat(request).startsWith("DELETE /v3/users/" + "u".repeat(256) + " "));
    }

    /**
     * Review: an id holding half a surrogate pair was percent-encoded as {@code ?} ({@code URLEncoder} puts
     * {@code ?} for what UTF-8 cannot encode), so erasing "a" followed by a lone U+D800 erased the account
     * {@code a?}, and the other calls read it. No account can hold a lone surrogate or a NUL (evaluate refuses
     * both, naming {@code user}), so they are refused before anything is sent, as the other ids above are.
     */
    @Test
    void anIdWithALoneSurrogateOrANulIsRefusedRatherThanSentAsAnotherAccount() throws IOException {
        SeatguardClient client = client(new Scripted(204, "", 0));
        for (String never : new String[] {"a\uD800", "a\uDC00b", "\uDBFF", "a\u0000"}) {
            assertEveryAccountCallRefuses(client, never);
        }
        assertThatThrownBy(() -> client.eraseAccount("a\uD800")).hasMessageContaining("lone UTF-16 surrogate");
        assertThatThrownBy(() -> client.eraseAccount("a\u0000")).hasMessageContaining("NUL");
        assertThat(requests).isEmpty();
        assertThat(client.eraseAccount("a\uD83D\uDE00")).as("a whole pair is a character like any other").isTrue();
        assertThat(requests).singleElement().satisfies(request -> assertThat(request).startsWith("DELETE /v3/users/a%F0%9F%98%80 "));
    }

    /**
     * Review: a body was encoded to UTF-8 as the JDK encodes a String, which writes {@code ?} for half a
     * surrogate pair, so an evaluation naming "a" and a lone U+D800 as its {@code user} was recorded for the
     * account {@code a?} (and an email or a list value changed alike). The half pair now goes as its JSON
     * escape, the text the caller gave, which the server refuses naming the field (400), as for any client.
     */
    @Test
    void halfASurrogatePairInABodyIsSentAsItsEscapeNotAsAQuestionMark() throws IOException {
        SeatguardClient client = client(new Scripted(200, EVALUATED, 0));
        client.evaluate(EvaluateRequest.of("login").user("a\uD800").email("b\uDC00@example.com").ip("203.0.113.9"));
        assertThat(bodies).singleElement().isEqualTo("{\"action\":\"login\",\"user\":\"a\\ud800\",\"email\":\"b\\udc00@example.com\",\"ip\":\"203.0.113.9\"}");
        bodies.clear();
        script.add(new Scripted(200, EVALUATED, 0));
        client.evaluate(EvaluateRequest.of("login").user("\uD83D\uDE00 \u00e9").ip("203.0.113.9"));
        assertThat(bodies).as("a whole pair, and any other character, goes as it is").singleElement()
                .isEqualTo("{\"action\":\"login\",\"user\":\"\uD83D\uDE00 \u00e9\",\"ip\":\"203.0.113.9\"}");
    }

    @Test
    void erasingAnAccountSaysWhetherAnythingWasStored() throws IOException {
        SeatguardClient client = client(new Scripted(204, "", 0), new Scripted(404, SEATGUARD_NOT_FOUND, 0),
                new Scripted(401, "{\"detail\":\"bad key\"}", 0));
        assertThat(client.eraseAccount("mia")).isTrue();
        assertThat(client.eraseAccount("mia")).isFalse();
        assertThatThrownBy(() -> client.eraseAccount("mia")).isInstanceOf(AuthenticationException.class);
        assertThat(requests).allSatisfy(request -> assertThat(request).startsWith("DELETE /v3/users/mia "));
    }

    /** Seatguard's 404 for an account, list, policy or endpoint it does not hold: what a deletion reads as "nothing was there". */
    private static final String SEATGUARD_NOT_FOUND = "{\"type\":\"https://seatguard.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
            + "\"detail\":\"user mia was not found\",\"errors\":[],\"request_id\":\"9e36d2cd9857f7ee440d709c2fdf3eee\"}";

    /**
     * Regression: any 404 made a deletion answer false, "nothing was stored". A base URL naming another
     * site, or a proxy that does not route the call, answers 404 too, and eraseAccount reported an erasure
     * that never ran; only Seatguard's own not-found means nothing is there.
     */
    @Test
    void aDeletionIsFalseOnlyWhenSeatguardSaysNothingIsThere() throws IOException {
        SeatguardClient client = client(new Scripted(404, "<html><body>Not Found</body></html>", 0), new Scripted(404, "", 0),
                new Scripted(404, SEATGUARD_NOT_FOUND, 0));
        assertThatThrownBy(() -> client.eraseAccount("mia")).as("a proxy's page").isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.type()).isNull());
        assertThatThrownBy(() -> client.deleteList("lst_1")).as("no body at all").isInstanceOf(NotFoundException.class);
        assertThat(client.deletePolicy("pol_1")).isFalse();
        assertThat(requests).hasSize(3);
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        java.time.Instant now = java.time.Instant.parse("2026-12-04T12:00:00Z");
        assertThat(RetryAfter.parse(java.util.Optional.of("5"), now)).contains(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse(java.util.Optional.of(" 0 "), now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(java.util.Optional.of("Fri, 04 Dec 2026 12:00:07 GMT"), now)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(java.util.Optional.of("Fri, 04 Dec 2026 11:00:00 GMT"), now)).as("passed").contains(Duration.ZERO);
        assertThat(RetryAfter.parse(java.util.Optional.of("9999999999"), now)).as("capped at a day").contains(Duration.ofDays(1));
        for (String longer : new String[] {"99999999999", "99999999999999999999", "0".repeat(30) + "7", "1" + "0".repeat(400)}) {
            assertThat(RetryAfter.parse(java.util.Optional.of(longer), now)).as("%s: whole seconds of any length", longer)
                    .contains(longer.startsWith("0") ? Duration.ofSeconds(7) : Duration.ofDays(1));
        }
        for (String nonsense : new String[] {"", "-1", "1.5", "soon", "+5", "1e9"}) {
            assertThat(RetryAfter.parse(java.util.Optional.of(nonsense), now)).as(nonsense).isEmpty();
        }
        assertThat(RetryAfter.parse(java.util.Optional.empty(), now)).isEmpty();
    }

    @Test
    void anEvaluateRequestLeavesOutWhatWasNotGivenAndTakesTheBrowsersSignals() {
        String signals = "{\"token\":null,\"components\":{\"gpu\":\"ANGLE\",\"cores\":8},\"local_ips\":[],\"timezone\":\"Europe/Paris\",\"duration_ms\":41.5}";
        EvaluateRequest request = EvaluateRequest.of("signup").email("mia@example.com").phone(null).userAgent("UA/1").acceptLanguage("fr-CH,fr;q=0.9")
                .timestamp(java.time.Instant.parse("2026-12-01T08:00:00Z")).metadata(java.util.Map.of("plan", "family")).device(signals);
        assertThat(request.toJson()).isEqualTo("{\"action\":\"signup\",\"email\":\"mia@example.com\",\"user_agent\":\"UA/1\","
                + "\"accept_language\":\"fr-CH,fr;q=0.9\",\"timestamp\":\"2026-12-01T08:00:00Z\",\"metadata\":{\"plan\":\"family\"},\"device\":" + signals + "}");
        assertThat(request.email(null).acceptLanguage(null).device((String) null).toJson()).isEqualTo("{\"action\":\"signup\",\"user_agent\":\"UA/1\","
                + "\"timestamp\":\"2026-12-01T08:00:00Z\",\"metadata\":{\"plan\":\"family\"}}");
        assertThatThrownBy(() -> EvaluateRequest.of("login").device("[1,2]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object");
        assertThatThrownBy(() -> EvaluateRequest.of("login").device("{\"token\":")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> EvaluateRequest.of(null)).isInstanceOf(NullPointerException.class);
    }

    /** Regression: every 409 was an AlreadyConsumedException, so a list name already taken read as a replayed consume. */
    @Test
    void aConflictIsAReplayedConsumeOnlyWhenItsTypeSaysSo() throws IOException {
        SeatguardClient client = client(new Scripted(409, "{\"type\":\"https://seatguard.dev/problems/name-taken\",\"detail\":\"an app list has this name\","
                + "\"errors\":[{\"field\":\"name\",\"message\":\"is taken\"}]}", 0),
                new Scripted(409, "{\"type\":\"https://seatguard.dev/problems/already-consumed\",\"detail\":\"consumed before\"}", 0));
        assertThatThrownBy(() -> client.createList("blocked", "ip", List.of("203.0.113.7")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e).isNotInstanceOf(AlreadyConsumedException.class);
                    assertThat(e.fieldErrors()).containsExactly(new SeatguardApiException.FieldError("name", "is taken"));
                });
        assertThat(bodies.get(0)).isEqualTo("{\"name\":\"blocked\",\"kind\":\"ip\",\"values\":[\"203.0.113.7\"]}");
        assertThatThrownBy(() -> client.consumeEvaluation("0192c1a0-0000-7000-8000-000000000001")).isInstanceOf(AlreadyConsumedException.class)
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void addingToAListIsSentAgainAfterAServerErrorAndDeletingSaysWhetherItWasThere() throws IOException {
        String list = "{\"id\":\"lst_1\",\"name\":\"blocked\",\"kind\":\"ip\",\"size\":2,\"values\":[\"198.51.100.0/24\",\"203.0.113.7\"],"
                + "\"created_at\":\"2026-12-01T08:00:00Z\",\"updated_at\":\"2026-12-04T09:00:00Z\"}";
        SeatguardClient client = client(new Scripted(502, "", 0), new Scripted(200, list, 0), new Scripted(204, "", 0), new Scripted(404, SEATGUARD_NOT_FOUND, 0));
        NamedList added = client.addToList("lst_1", List.of("198.51.100.0/24"));
        assertThat(added.values()).containsExactly("198.51.100.0/24", "203.0.113.7");
        assertThat(added.size()).isEqualTo(2);
        assertThat(added.updatedAt()).isEqualTo(java.time.Instant.parse("2026-12-04T09:00:00Z"));
        assertThat(requests).hasSize(2).allSatisfy(request -> assertThat(request).startsWith("POST /v3/lists/lst_1/add "));
        assertThat(client.deleteList("lst_1")).isTrue();
        assertThat(client.deleteList("lst_1")).isFalse();
        assertThatThrownBy(() -> client.addToList("../apps", List.of("x"))).isInstanceOf(NotFoundException.class);
        assertThat(client.deleteList("../apps")).as("an id that cannot be one was not there either").isFalse();
        assertThat(requests).as("neither was sent").hasSize(4);
    }

    /**
     * An endpoint added or a secret rotated whose answer was lost is not sent again: the retry would add a
     * second endpoint, or retire the secret the lost answer held. A backtest changes nothing, so it is.
     */
    @Test
    void webhookChangesAreNotSentTwiceButABacktestIs() throws IOException {
        String backtest = "{\"policy_id\":null,\"from\":\"2026-11-27T00:00:00Z\",\"to\":\"2026-12-04T00:00:00Z\",\"evaluated\":3,\"truncated\":false,"
                + "\"matched\":1,\"outcomes\":{\"allow\":0,\"deny\":1,\"challenge\":0},\"samples\":[]}";
        SeatguardClient client = client(new Scripted(500, "", 0), new Scripted(502, "", 0), new Scripted(502, "", 0), new Scripted(200, backtest, 0));
        assertThatThrownBy(() -> client.createWebhookEndpoint("https://app.example/hooks", List.of("evaluation.created")))
                .isInstanceOfSatisfying(SeatguardApiException.class, e -> assertThat(e.status()).isEqualTo(500));
        assertThat(bodies.get(0)).isEqualTo("{\"url\":\"https://app.example/hooks\",\"events\":[\"evaluation.created\"]}");
        assertThatThrownBy(() -> client.rotateWebhookSecret("wh_1")).isInstanceOfSatisfying(SeatguardApiException.class, e -> assertThat(e.status()).isEqualTo(502));
        Backtest result = client.backtestDraft("{\"name\":\"x\"}", 7);
        assertThat(result.outcomes()).containsExactly(java.util.Map.entry("allow", 0), java.util.Map.entry("deny", 1), java.util.Map.entry("challenge", 0));
        assertThat(result.policyId()).isEmpty();
        assertThat(requests).extracting(request -> request.substring(0, request.indexOf(" Bearer "))).containsExactly("POST /v3/webhooks",
                "POST /v3/webhooks/wh_1/rotate-secret", "POST /v3/policies/backtest?days=7", "POST /v3/policies/backtest?days=7");
        assertThatThrownBy(() -> client.webhookDelivery("wh_1", "../../apps")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPolicyDocumentThatIsNotAJsonObjectIsRefusedBeforeAnyRequest() throws IOException {
        SeatguardClient client = client();
        for (String notAnObject : new String[] {"[]", "{\"name\":", "\"policy\"", ""}) {
            assertThatThrownBy(() -> client.createPolicy(notAnObject)).as(notAnObject).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.replacePolicy("pol_1", notAnObject)).as(notAnObject).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(requests).isEmpty();
    }
}
