package io.seatguard.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Review finding: answers were read in full whatever their size, so a base URL pointing at a file server
 * made the client read gigabytes into memory. Past {@code maxAnswerBytes} the call ends with a
 * {@link SeatguardException}, not sent again.
 */
class AnswerSizeCapTest {
    private static final int CAP = 64 * 1024;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();

    /** A server answering 200 with {@code size} bytes of JSON-ish filler: with a Content-Length when {@code declared}, else chunked. */
    private SeatguardClient answering(long size, boolean declared) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, declared ? size : 0);
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < size; sent += chunk.length) {
                    int length = (int) Math.min(chunk.length, size - sent);
                    out.write(chunk, 0, length);
                    written.addAndGet(length);
                }
            }
            catch (IOException e) {
                // The client stopped reading and closed the connection: what the cap is for.
            }
        });
        server.start();
        return SeatguardClient.builder("http://127.0.0.1:" + server.getAddress().getPort(), "sk_test_123")
                .timeout(Duration.ofSeconds(20)).backoff(Duration.ofMillis(1)).maxAnswerBytes(CAP).build();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aBodyDeclaredLargerThanTheCapIsRefusedAndNotSentAgain() throws IOException {
        SeatguardClient client = answering(CAP + 1, true);
        assertThatThrownBy(() -> client.listDevices("mia")).isExactlyInstanceOf(SeatguardException.class)
                .hasMessageStartingWith("GET /v3/users/(hidden)/devices: HTTP 200 with a body over " + CAP + " bytes (the client's maxAnswerBytes)")
                .hasMessageContaining("base URL");
        assertThat(requests.get()).as("a read, yet not retried: the same server sends the same body").isEqualTo(1);
    }

    @Test
    void aBodyOfNoDeclaredLengthIsCutOffOnceItPassesTheCap() throws IOException {
        long endless = 64L * 1024 * 1024;
        SeatguardClient client = answering(endless, false);
        assertThatThrownBy(() -> client.evaluate(EvaluateRequest.of("login").user("mia"))).isExactlyInstanceOf(SeatguardException.class)
                .hasMessageContaining("with a body over " + CAP + " bytes");
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void aBodyOfExactlyTheCapIsRead() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String padding = " ".repeat(CAP - "{\"data\":[]}".length());
        byte[] body = ("{\"data\":[]}" + padding).getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        SeatguardClient client = SeatguardClient.builder("http://127.0.0.1:" + server.getAddress().getPort(), "sk_test_123").maxAnswerBytes(CAP).build();
        assertThat(client.listDevices("mia")).isEmpty();
    }

    @Test
    void theCapMustBeOneByteToAGibibyte() {
        SeatguardClient.Builder builder = SeatguardClient.builder("http://127.0.0.1:1", "sk_test_123");
        assertThatThrownBy(() -> builder.maxAnswerBytes(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAnswerBytes");
        assertThatThrownBy(() -> builder.maxAnswerBytes(SeatguardClient.MAX_ANSWER_BYTES + 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAnswerBytes");
        assertThat(SeatguardClient.DEFAULT_MAX_ANSWER_BYTES).isEqualTo(128L * 1024 * 1024);
    }
}
