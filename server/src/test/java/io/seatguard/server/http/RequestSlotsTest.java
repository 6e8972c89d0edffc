package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.seatguard.server.LogLines;
import io.seatguard.server.ServerMetrics;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests beyond the slots wait without a thread, so that the operations routes are answered while
 * every slot is held by a request waiting on something slow (the database, in production); a request
 * that waits too long is answered 503 problem+json with {@code Retry-After}, and counted.
 */
class RequestSlotsTest {
    /** A small pool, so that the test reaches its limit: 32 threads, 16 of them slots. */
    private static final int THREADS = 32;
    private static final int SLOTS = RequestSlots.forThreads(THREADS);
    /** Waiting requests allowed; in the first test twice the threads are sent, so this is above the rest. */
    private static final int MAX_WAITING = 2 * THREADS;

    /** The one origin some app allows, as far as the server knows. */
    private static final String ALLOWED_ORIGIN = "https://shop.example";

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final ServerMetrics metrics = new ServerMetrics();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Javalin server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop();
        }
        http.close();
        metrics.close();
    }

    @Test
    void theSlotsLeaveThreadsForJettyAndTheOperationsRoutes() {
        assertThat(SLOTS).isEqualTo(THREADS - RequestSlots.THREADS_KEPT);
        assertThat(RequestSlots.forThreads(RequestSlots.MAX_THREADS)).isEqualTo(234);
        assertThat(RequestSlots.NEVER_WAITING).containsExactly("/healthz", "/readyz", "/metrics");
        EdgeLimits process = EdgeLimits.forThisProcess();
        assertThat(process.maxWaiting()).as("a request of every connection may wait: no count turns a burst away").isEqualTo(process.maxConnections());
    }

    @Test
    void healthIsAnsweredWhileMoreRequestsWaitThanThereAreThreads() throws Exception {
        start(Duration.ofSeconds(30));
        // Twice the pool's threads: without the slots every thread would hold a blocked request.
        List<CompletableFuture<HttpResponse<String>>> blocked = send("/block", 2 * THREADS);
        awaitRunning(SLOTS);
        awaitMetric("seatguard_http_requests_waiting " + (2 * THREADS - SLOTS) + ".0");
        HttpResponse<String> health = http.send(get("/healthz").timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok");
        assertThat(running.get()).as("no more than the slots run at once").isEqualTo(SLOTS);

        release.countDown();
        for (CompletableFuture<HttpResponse<String>> answer : blocked) {
            HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as("every waiting request runs once a slot frees").isEqualTo(200);
            assertThat(response.body()).isEqualTo("done");
        }
        assertThat(metrics.scrape()).contains("seatguard_http_requests_shed_total 0.0");
    }

    @Test
    void aRequestThatWaitsTooLongIsAnswered503ProblemWithRetryAfter() throws Exception {
        start(Duration.ofSeconds(1));
        List<CompletableFuture<HttpResponse<String>>> holding = send("/block", SLOTS);
        awaitRunning(SLOTS);
        long startedNanos = System.nanoTime();
        List<String> log = new ArrayList<>();
        HttpResponse<String> refused = LogLines.during(RequestSlots.class, log, () -> http.send(get("/block").header("Origin", ALLOWED_ORIGIN)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);

        assertUnavailable(refused);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as("a page of an allowed origin may read the refusal").hasValue(ALLOWED_ORIGIN);
        assertThat(refused.headers().firstValue("Access-Control-Expose-Headers")).hasValue("Retry-After, X-Request-Id");
        assertThat(waitedMillis).as("it waited for a slot before it was refused").isGreaterThanOrEqualTo(900);
        assertThat(running.get()).as("the refused request never ran").isEqualTo(SLOTS);
        assertThat(metrics.scrape()).contains("seatguard_http_requests_shed_total 1.0");
        assertThat(log).as("the log says why").singleElement().asString().contains("waited 1000 ms for one of the " + SLOTS + " request slots")
                .contains("overloaded");

        release.countDown();
        for (CompletableFuture<HttpResponse<String>> answer : holding) {
            assertThat(answer.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRequestThatFindsTooManyWaitingIsAnswered503AtOnce() throws Exception {
        start(Duration.ofSeconds(30));
        List<CompletableFuture<HttpResponse<String>>> holding = send("/block", SLOTS + MAX_WAITING);
        awaitRunning(SLOTS);
        awaitMetric("seatguard_http_requests_waiting " + MAX_WAITING + ".0");
        List<ILoggingEvent> log = new ArrayList<>();
        HttpResponse<String> refused = LogLines.eventsDuring(RequestSlots.class.getName(), log, () -> http.send(get("/block")
                .header("Origin", "https://elsewhere.example").timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));

        assertUnavailable(refused);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as("no app allows that origin").isEmpty();
        assertThat(metrics.scrape()).contains("seatguard_http_requests_shed_total 1.0");
        assertThat(log).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).contains("found " + MAX_WAITING + " others waiting").contains("overloaded");
            assertThat(line.getMDCPropertyMap()).as("the line names the request it refused")
                    .containsEntry(RequestIds.NAME, refused.headers().firstValue(RequestIds.HEADER).orElseThrow());
        });

        release.countDown();
        for (CompletableFuture<HttpResponse<String>> answer : holding) {
            assertThat(answer.get(20, TimeUnit.SECONDS).statusCode()).as("the waiting ones still run").isEqualTo(200);
        }
    }

    @Test
    void aRequestsTimingCountsItsWaitForASlot() throws Exception {
        start(Duration.ofSeconds(30));
        List<CompletableFuture<HttpResponse<String>>> holding = send("/block", SLOTS);
        awaitRunning(SLOTS);
        CompletableFuture<HttpResponse<String>> fast = send("/fast", 1).get(0);
        awaitMetric("seatguard_http_requests_waiting 1.0");
        Thread.sleep(1_500);
        release.countDown();
        assertThat(fast.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        for (CompletableFuture<HttpResponse<String>> answer : holding) {
            assertThat(answer.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        // The route itself takes no time: what the metrics show is the wait, as its client saw it.
        assertThat(fastMaxSeconds()).isGreaterThanOrEqualTo(1.5);
    }

    @Test
    void aKeptAliveConnectionsIdleTimeIsNotCounted() throws Exception {
        start(Duration.ofSeconds(30));
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            for (int i = 0; i < 2; i++) {
                socket.getOutputStream().write("GET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                StringBuilder answer = new StringBuilder();
                byte[] buffer = new byte[4096];
                while (!answer.toString().endsWith("fast")) {
                    int read = socket.getInputStream().read(buffer);
                    assertThat(read).as("answered on the same connection").isPositive();
                    answer.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
                }
                Thread.sleep(1_500);
            }
        }
        assertThat(fastMaxSeconds()).as("the second request is timed from its own first byte").isLessThan(1.0);
    }

    private double fastMaxSeconds() {
        Matcher max = Pattern.compile("(?m)^seatguard_http_requests_seconds_max\\{method=\"GET\",route=\"/fast\",status=\"200\",?} (\\S+)$")
                .matcher(metrics.scrape());
        assertThat(max.find()).as("the /fast route's timing in %s", metrics.scrape()).isTrue();
        return Double.parseDouble(max.group(1));
    }

    private static void assertUnavailable(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(Problems.CONTENT_TYPE));
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("\"type\":\"https://seatguard.dev/problems/unavailable\"").contains("\"status\":503")
                .contains("Retry-After");
        // Named before it waited: the refusal carries the request's id, in its header and its document.
        String id = refused.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(refused.body()).contains("\"request_id\":\"" + id + "\"");
    }

    private void start(Duration maxWait) {
        server = HttpApi.create("127.0.0.1", 0, 64 * 1024, new EdgeLimits(1_000, THREADS, MAX_WAITING, maxWait), ALLOWED_ORIGIN::equals, List.of(
                new Route(HandlerType.GET, "/block", ctx -> {
                    running.incrementAndGet();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    }
                    finally {
                        running.decrementAndGet();
                    }
                    ctx.result("done");
                }),
                new Route(HandlerType.GET, "/fast", ctx -> ctx.result("fast")),
                new Route(HandlerType.GET, "/healthz", ctx -> ctx.result("ok"))), metrics).start();
    }

    private List<CompletableFuture<HttpResponse<String>>> send(String path, int count) {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(http.sendAsync(get(path).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        return answers;
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    /** Waits until {@code count} requests are inside the blocking route. */
    private void awaitRunning(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(running.get()).as("requests running").isEqualTo(count);
    }

    /** Waits until the metrics show {@code line} (every request has arrived and found its place). */
    private void awaitMetric(String line) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!metrics.scrape().contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(metrics.scrape()).contains(line);
    }
}
