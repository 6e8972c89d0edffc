package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.MetricsText;
import io.seatguard.server.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seatguard_http_requests_seconds_count} counts every answer, those Jetty gives before any route
 * runs too (ProtocolProblems): a body over the limit, a request line, URI or headers it could not take.
 * They used to be missing, so an operator counting 4xx (or 5xx, for the alerts) by status saw none of them.
 * And whatever path or method a client sends, the series stay the ones a route or {@code unmatched} names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestMetricsBeforeRoutingTest {
    private static final String COUNT = "seatguard_http_requests_seconds_count";
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        server = TestServer.start(TestServer.Store.SQLITE, dataDir);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void answersGivenBeforeRoutingAreCountedByStatus() throws IOException {
        String tooLarge = "{\"pad\":\"" + "a".repeat(70_000) + "\"}";
        assertThat(exchange("POST /v3/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + tooLarge.length()
                + "\r\n\r\n" + tooLarge)).startsWith("HTTP/1.1 413 ");
        assertThat(exchange("GET /v3/evaluations/%00 HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(exchange("GET /v3/evaluations/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 414 ");
        assertThat(exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n")).startsWith("HTTP/1.1 431 ");

        String metrics = server.get("/metrics", Map.of()).body();
        assertThat(MetricsText.find(metrics, COUNT + "{method=\"POST\",route=\"unmatched\",status=\"413\"}")).as(metrics).contains(1.0);
        // A request line Jetty could not read has no method of the client's: it is "other".
        assertThat(MetricsText.find(metrics, COUNT + "{method=\"other\",route=\"unmatched\",status=\"400\"}")).as(metrics).contains(1.0);
        assertThat(MetricsText.find(metrics, COUNT + "{method=\"other\",route=\"unmatched\",status=\"414\"}")).as(metrics).contains(1.0);
        assertThat(MetricsText.find(metrics, COUNT + "{method=\"GET\",route=\"unmatched\",status=\"431\"}")).as(metrics).contains(1.0);
    }

    @Test
    void routedAnswersAreCountedOnceAndClientsAddNoSeries() throws IOException {
        // One of each kind first, and a scrape, so that the flood below finds their series made.
        flood(1);
        seriesCount();
        long before = seriesCount();
        double notFoundBefore = MetricsText.value(server.get("/metrics", Map.of()).body(), COUNT + "{method=\"GET\",route=\"unmatched\",status=\"404\"}");

        flood(30);

        String metrics = server.get("/metrics", Map.of()).body();
        assertThat(seriesCount()).as("random paths, ids and methods make no new series").isEqualTo(before);
        // A routed refusal is Javalin's to count, not ProtocolProblems' as well: 30 paths, 30 counts.
        assertThat(MetricsText.value(metrics, COUNT + "{method=\"GET\",route=\"unmatched\",status=\"404\"}")).isEqualTo(notFoundBefore + 30);
    }

    /** Requests for paths no route has, ids no record has and methods no one uses, each random. */
    private void flood(int times) throws IOException {
        for (int i = 0; i < times; i++) {
            String random = UUID.randomUUID().toString();
            assertThat(server.get("/" + random, Map.of()).status()).isEqualTo(404);
            assertThat(server.get("/v3/evaluations/" + random, Map.of()).status()).isEqualTo(401);
            assertThat(exchange("M" + random.substring(0, 8).toUpperCase(java.util.Locale.ROOT) + " /" + random + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 4");
        }
    }

    private long seriesCount() {
        return server.get("/metrics", Map.of()).body().lines().filter(line -> line.startsWith("seatguard_http_requests_seconds_")).count();
    }

    /** Sends one raw request and reads until the server closes the connection. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
