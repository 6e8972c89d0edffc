package io.seatguard.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Review finding: {@code evaluate} and {@code consumeEvaluation} were never sent again after a network
 * error, even one where the request provably never left (a refused connection, a host that does not
 * resolve). Those are retried now for every call; a failure after the connection was made is still not,
 * for what changes something.
 */
class NeverSentRetryTest {
    private static final String EVALUATED = """
            {"evaluation_id":"ev_2","verdict":"allow","device_id":"0192c1a0-0000-7000-8000-0000000000d1","logout":false}""";

    private HttpServer server;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts, on {@code port}, a server answering every call with {@code body}: what comes up while the client waits to retry. */
    private void startOn(int port, String body) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @Test
    void anEvaluationWhoseConnectionWasRefusedIsSentAgain() throws IOException {
        int port = freePort();
        SeatguardClient client = SeatguardClient.builder("http://127.0.0.1:" + port, "sk_test_123").timeout(Duration.ofSeconds(10)).sleeper(wait -> {
            waits.add(wait);
            if (server == null) {
                startOn(port, EVALUATED);
            }
        }).build();
        assertThat(client.evaluate(EvaluateRequest.of("login").user("mia")).evaluationId()).isEqualTo("ev_2");
        assertThat(waits).as("one back-off after the refused try").hasSize(1);
        assertThat(requests.get()).as("the server saw the evaluation once").isEqualTo(1);
    }

    @Test
    void aConsumeWhoseConnectionWasRefusedIsSentAgainUpToItsRetries() throws IOException {
        int port = freePort();
        SeatguardClient client = SeatguardClient.builder("http://127.0.0.1:" + port, "sk_test_123").retries(2).sleeper(waits::add).build();
        assertThatThrownBy(() -> client.consumeEvaluation("ev_1")).isInstanceOf(SeatguardNetworkException.class).hasMessageContaining("after 3 tries");
        assertThat(waits).hasSize(2);
    }

    @Test
    void anEvaluationToAHostThatDoesNotResolveIsSentAgain() {
        // .invalid never resolves (RFC 6761).
        SeatguardClient client = SeatguardClient.builder("http://seatguard.invalid", "sk_test_123").retries(1).sleeper(waits::add).build();
        assertThatThrownBy(() -> client.evaluate(EvaluateRequest.of("login").user("mia"))).isInstanceOf(SeatguardNetworkException.class)
                .hasMessageContaining("after 2 tries");
        assertThat(waits).hasSize(1);
    }

    /** A connection closed after the request was read: the evaluation may be recorded, so it is not sent twice. */
    @Test
    void anEvaluationWhoseConnectionClosedAfterItWasSentIsNotSentAgain() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket closing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!closing.isClosed()) {
                    try (Socket socket = closing.accept()) {
                        connections.incrementAndGet();
                        InputStream in = socket.getInputStream();
                        in.read(new byte[8192]);   // the request arrived; no answer
                    }
                    catch (IOException e) {
                        return;
                    }
                }
            });
            SeatguardClient client = SeatguardClient.builder("http://127.0.0.1:" + closing.getLocalPort(), "sk_test_123").retries(2).sleeper(waits::add).build();
            assertThatThrownBy(() -> client.evaluate(EvaluateRequest.of("login").user("mia"))).isInstanceOf(SeatguardNetworkException.class)
                    .hasMessageContaining("after 1 tries");
            assertThat(waits).isEmpty();
            assertThat(connections.get()).isEqualTo(1);
            closing.close();
            acceptor.join(5_000);
        }
    }
}
