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

    private record Scripted(int status, String body, long delayMs) {}

    private HttpServer server;
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private SeatguardClient client(Scripted... answers) throws IOException {
        return SeatguardClient.builder(serve(answers), "sk_test_123").timeout(Duration.ofMillis(500)).backoff(Duration.ofMillis(10)).build();
    }

    /** Starts the scripted server; its base URL. */
    private String serve(Scripted... answers) throws IOException {
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            Scripted answer = script.isEmpty() ? new Scripted(500, "", 0) : script.poll();
            try {
                Thread.sleep(answer.delayMs());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.status() < 300 ? "application/json" : "application/problem+json");
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

    @Test
    void timesOutAndGivesUpAfterItsRetries() throws IOException {
        SeatguardClient client = client(new Scripted(200, EVALUATION, 2_000), new Scripted(200, EVALUATION, 2_000), new Scripted(200, EVALUATION, 2_000));
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
        assertThatThrownBy(() -> client.listDevices("mia")).isInstanceOf(SeatguardNetworkException.class);
    }

    @Test
    void refusesIdsThatCouldSteerTheRequestAndBadOptions() throws IOException {
        SeatguardClient client = client();
        assertThatThrownBy(() -> client.getEvaluation("../apps")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.getChallenge("ch_1?x=1")).isInstanceOf(IllegalArgumentException.class);
        for (String dots : new String[] {".", ".."}) {
            assertThatThrownBy(() -> client.logOutDevice("mia", dots)).as("a proxy could resolve it to DELETE /v3/users/mia")
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.listDevices(dots)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.history(dots, 10, java.util.Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(requests).isEmpty();
        assertThatThrownBy(() -> SeatguardClient.builder("ftp://x", "sk_1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeatguardClient.builder("http://x", "pk_1")).isInstanceOf(IllegalArgumentException.class);
    }
}
