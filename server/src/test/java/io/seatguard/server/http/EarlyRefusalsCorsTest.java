package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser routes refuse some requests before their handlers run (a query they do not take or cannot
 * decode, a multipart body, an unknown charset); those refusals carried no CORS headers, so a page saw a
 * failed fetch where a malformed body's refusal lets it read the problem and its request id (found in
 * review). They are readable by the same origins: any an app allows, before the body names the app.
 * Sent on a raw socket: the JDK's client refuses to send {@code %zz}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EarlyRefusalsCorsTest {
    private static final String ALLOWED = "https://shop.example";
    private static final List<String> BROWSER_PATHS = List.of("/v3/evaluate", "/v3/sessions/heartbeat", "/v3/sessions/end");

    private TestServer server;
    private String body;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        server = TestServer.start(TestServer.Store.SQLITE, dataDir);
        String clientId = server.createApp("shop", ALLOWED).clientId();
        body = "{\"client_id\":\"" + clientId + "\",\"action\":\"signup\",\"user\":\"u\",\"session\":\"s\",\"token\":\"t\"}";
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aRefusalBeforeTheHandlerIsReadableByAnAllowedOriginOnly() throws IOException {
        for (String request : refusedBeforeTheHandler()) {
            String allowed = exchange(request, ALLOWED);
            assertThat(allowed).as(request).matches("(?s)HTTP/1\\.1 4\\d\\d .*").contains("Content-Type: application/problem+json")
                    .contains("Access-Control-Allow-Origin: " + ALLOWED + "\r\n")
                    .contains("Access-Control-Expose-Headers: " + Cors.EXPOSED_HEADERS + "\r\n")
                    .contains("\"request_id\"");

            String foreign = exchange(request, "https://evil.example");
            assertThat(foreign).as(request).matches("(?s)HTTP/1\\.1 4\\d\\d .*").doesNotContain("Access-Control-");
        }
    }

    private List<String> refusedBeforeTheHandler() {
        List<String> requests = new ArrayList<>();
        for (String path : BROWSER_PATHS) {
            requests.add(post(path + "?x=1", "application/json"));
            requests.add(post(path + "?v=%zz", "application/json"));
            requests.add(post(path, "multipart/form-data; boundary=b"));
            requests.add(post(path, "application/json; charset=klingon"));
        }
        return requests;
    }

    /**
     * A preflight reads no query: refused for one, the browser never sent the call, whose own refusal the
     * page can read; so it passes, and the call carries the refusal (found in review).
     */
    @Test
    void aPreflightIsNotJudgedByItsQuery() throws IOException {
        for (String path : BROWSER_PATHS) {
            for (String query : List.of("?v=%zz", "?x=1", "?a=%00")) {
                String preflight = exchange("OPTIONS " + path + query
                        + " HTTP/1.1\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n", ALLOWED);
                assertThat(preflight).as(path + query).matches("(?s)HTTP/1\\.1 20\\d .*")
                        .contains("Access-Control-Allow-Origin: " + ALLOWED + "\r\n")
                        .contains("Access-Control-Allow-Methods: ");

                String call = exchange(post(path + query, "application/json"), ALLOWED);
                assertThat(call).as(path + query).matches("(?s)HTTP/1\\.1 400 .*").contains("Access-Control-Allow-Origin: " + ALLOWED + "\r\n");
            }
        }
    }

    private String post(String target, String contentType) {
        return "POST " + target + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n";
    }

    /** {@code head} is the request line and its own headers; the origin, host and body are added here. */
    private String exchange(String head, String origin) throws IOException {
        String request = head + "Host: x\r\nOrigin: " + origin + "\r\nConnection: close\r\n\r\n" + (head.startsWith("POST") ? body : "");
        try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
