package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests Jetty refuses before routing, on a raw socket so the exact bytes are seen: each is a problem
 * document, not Jetty's HTML page, and says {@code Connection: close}, because Jetty closes the
 * connection after it (found by {@code ApiFuzzTest}: a pooled client's next request used to die there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolProblemsTest {
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
    void aPathThatCannotBeDecodedIsAProblemAndClosesTheConnection() throws IOException {
        for (String method : new String[] {"GET", "DELETE", "PUT"}) {
            // What each says is wrong: Jetty read the line and could not decode the path, or could not read the line.
            Map<String, String> said = Map.of(
                    "/v3/evaluations/%FF", "{\"field\":\"uri\",\"message\":\"holds %-escaped bytes that are not UTF-8\"}",
                    "/v3/evaluations/%00", "{\"field\":\"request\",\"message\":\"" + ProtocolProblems.UNREAD_LINE + "\"}",
                    "/v3/evaluations/%g1", "{\"field\":\"request\",\"message\":\"" + ProtocolProblems.UNREAD_LINE + "\"}");
            for (Map.Entry<String, String> path : said.entrySet()) {
                String answer = exchange(method + " " + path.getKey() + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
                assertThat(answer).as(method + " " + path.getKey()).startsWith("HTTP/1.1 400 ").containsIgnoringCase("\r\nConnection: close\r\n")
                        .contains("Content-Type: application/problem+json").contains("\"type\":\"https://seatguard.dev/problems/malformed-request\"")
                        .contains(path.getValue()).doesNotContain("<html").doesNotContain("Bad Request\"");
            }
        }
    }

    @Test
    void headersOverTheLimitAreAProblem() throws IOException {
        String answer = exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 431 ").containsIgnoringCase("\r\nConnection: close\r\n").contains("application/problem+json")
                .contains("\"type\":\"https://seatguard.dev/problems/headers-too-large\"").contains("\"field\":\"headers\"");
    }

    @Test
    void aUriOverTheLimitIsAProblem() throws IOException {
        String answer = exchange("GET /v3/evaluations/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 414 ").contains("application/problem+json")
                .contains("\"type\":\"https://seatguard.dev/problems/uri-too-long\"").contains("\"field\":\"uri\"");
    }

    @Test
    void anOrdinaryErrorKeepsTheConnectionOpen() throws IOException {
        // Routed errors stay with Javalin's handlers: a 404 must not cost the client its connection.
        try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /v3/nowhere HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answers).startsWith("HTTP/1.1 404 ").contains("application/problem+json").contains("HTTP/1.1 200 ");
        }
    }

    /** Sends one raw request and reads until the server closes the connection. */
    @Test
    void aRefusalBeforeRoutingIsReadableByAPageOfAnOriginAnAppAllows() throws IOException {
        server.createApp("shop", "https://shop.example");
        String tooLarge = "{\"pad\":\"" + "a".repeat(70_000) + "\"}";
        String request = "POST /v3/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + tooLarge.length()
                + "\r\nOrigin: %s\r\n\r\n" + tooLarge;
        // Nothing read the apps' origins yet: the refusal does not wait on storage to find out, and says nothing.
        assertThat(exchange(request.formatted("https://shop.example"))).startsWith("HTTP/1.1 413 ").doesNotContain("Access-Control-Allow-Origin");

        assertThat(server.send("OPTIONS", "/v3/evaluate", null, Map.of("Origin", "https://shop.example", "Access-Control-Request-Method", "POST"))
                .status()).as("a preflight reads them").isEqualTo(204);
        String allowed = exchange(request.formatted("https://shop.example"));
        assertThat(allowed).startsWith("HTTP/1.1 413 ").contains("application/problem+json").contains("\r\nAccess-Control-Allow-Origin: https://shop.example\r\n")
                .contains("\r\nAccess-Control-Expose-Headers: Retry-After, X-Request-Id\r\n");
        assertThat(exchange(request.formatted("https://elsewhere.example"))).startsWith("HTTP/1.1 413 ").doesNotContain("Access-Control-Allow-Origin");
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
