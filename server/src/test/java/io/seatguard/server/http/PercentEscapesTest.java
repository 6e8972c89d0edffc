package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A percent-escape is {@code %} and two hex digits, in the path and in the query alike (found in review):
 * {@code %u0041} in a path was decoded by Javalin's path matcher, which threw, and every route with a path
 * parameter answered 500 with a stack trace in the log, unauthenticated; {@code ?limit=%zz} was decoded to
 * nothing, so the route answered as if no limit were given. Sent on a raw socket: the JDK's client refuses
 * to send such a URI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PercentEscapesTest {
    private TestServer server;
    private String secretKey;
    private String webhookId;
    private String policyId;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        server = TestServer.start(TestServer.Store.SQLITE, dataDir);
        TestServer.TestApp app = server.defaultApp();
        secretKey = app.secretKey();
        TestServer.Response webhook = server.post("/v3/webhooks",
                "{\"url\":\"https://" + TestServer.UNROUTED_PUBLIC_HOST + "/hook\",\"events\":[\"evaluation.created\"]}", app.bearer());
        assertThat(webhook.status()).as(webhook.body()).isEqualTo(201);
        webhookId = webhook.json().get("id").asText();
        TestServer.Response policy = server.post("/v3/policies", "{\"name\":\"No new devices\",\"actions\":[\"access\"],\"verdict\":\"deny\","
                + "\"conditions\":{\"check\":\"is_new_device\",\"op\":\"eq\",\"value\":true}}", app.bearer());
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        policyId = policy.json().get("id").asText();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aUtf16EscapeInAPathIsAMalformedRequestNotAFault() throws IOException {
        List<String> paths = List.of("/v3/evaluations/%u0041", "/v3/evaluations/%uD800", "/v3/users/%u0041/history", "/v3/policies/%u0041",
                "/challenge/%u0041", "/dashboard/evaluations/app/%u0041", "/v3/users/a%u00e9b");
        List<ILoggingEvent> logged = logDuring(() -> {
            for (String path : paths) {
                String answer = exchange("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                if (RefusalPages.forBrowser(path)) {
                    // A page a browser opened: a page says so (EdgeRefusalsTest), not JSON.
                    assertThat(answer).as(path).startsWith("HTTP/1.1 400 ").contains("Content-Type: text/html; charset=utf-8");
                    continue;
                }
                assertThat(answer).as(path).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/problem+json")
                        .contains("\"type\":\"https://seatguard.dev/problems/malformed-request\"").contains("{\"field\":\"uri\",\"message\":\"holds a %u escape\"}");
            }
        });
        assertThat(logged).as("no fault, no stack trace").noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null);
    }

    @Test
    void aQueryValueWithAMalformedEscapeIsRefusedNamingItsParameter() throws IOException {
        Map<String, String> cases = Map.of(
                "GET /v3/patterns?level=%zz", "level",
                "GET /v3/users/u/history?limit=%zz", "limit",
                "GET /v3/users/u/history?limit=%u0031", "limit",
                "GET /v3/users/u/history?cursor=%%%", "cursor",
                "GET /v3/users/u/history?limit=5%", "limit",
                "GET /v3/webhooks/" + webhookId + "/deliveries?limit=%zz", "limit",
                "POST /v3/policies/" + policyId + "/backtest?days=%zz", "days",
                // Bad UTF-8, as in a path: it decoded to U+FFFD, and a filter would have searched for that.
                "GET /v3/history?ip=%FF", "ip");
        for (Map.Entry<String, String> request : cases.entrySet()) {
            JsonNode problem = problem(exchange(request.getKey() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + secretKey
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), request.getKey());
            assertThat(problem.get("type").asText()).as(request.getKey()).isEqualTo("https://seatguard.dev/problems/invalid-input");
            assertThat(problem.get("errors").get(0).get("field").asText()).as(request.getKey()).isEqualTo(request.getValue());
        }
    }

    /**
     * Bytes that are not UTF-8 sent raw, not escaped (found in review): Jetty reads the request line as UTF-8
     * and puts U+FFFD for what it cannot read, so {@code ?ip=<FF>} was taken as an address of U+FFFD, and a
     * parameter a route does not take was named with it. Each char below U+0100 here is sent as the one byte
     * it stands for (ISO-8859-1).
     */
    @Test
    void rawBytesThatAreNotUtf8InAQueryAreRefusedNamingTheParameter() throws IOException {
        Map<String, String> cases = Map.of(
                "GET /v3/history?ip=\u00ff", "ip",
                "GET /v3/history?device_id=a\u00c3&limit=1", "device_id",
                "GET /v3/users/u/history?limit=1&cursor=\u00e9t\u00e9", "cursor",
                "GET /v3/evaluations/00000000-0000-7000-8000-000000000000?x\u00ffy=1", "request",
                "GET /v3/history?ip=203.0.113.9&a\u00ffb", "request");
        for (Map.Entry<String, String> request : cases.entrySet()) {
            JsonNode problem = problem(exchange(request.getKey() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + secretKey
                    + "\r\nConnection: close\r\n\r\n"), request.getKey());
            assertThat(problem.get("type").asText()).as(request.getKey()).isEqualTo("https://seatguard.dev/problems/invalid-input");
            assertThat(problem.get("errors").get(0).get("field").asText()).as(request.getKey()).isEqualTo(request.getValue());
            assertThat(problem.get("errors").get(0).get("message").asText()).as(request.getKey()).contains("raw bytes that are not UTF-8");
        }
    }

    @Test
    void rawUtf8AndAnEscapedReplacementCharacterStillDecode() throws IOException {
        // Raw UTF-8 (é as C3 A9) is read as what it stands for: the route names the parameter it does not take.
        JsonNode problem = problem(exchange("GET /v3/history?a\u00c3\u00a9b=1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + secretKey
                + "\r\nConnection: close\r\n\r\n"), "raw UTF-8");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("a\u00e9b");
        // U+FFFD escaped is a character like any other (here an address it is not).
        JsonNode escaped = problem(exchange("GET /v3/history?ip=%EF%BF%BD HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + secretKey
                + "\r\nConnection: close\r\n\r\n"), "escaped U+FFFD");
        assertThat(escaped.get("errors").get(0).get("field").asText()).isEqualTo("ip");
        assertThat(escaped.get("errors").get(0).get("message").asText()).isEqualTo("must be an IPv4 or IPv6 address");
    }

    @Test
    void aParameterNameWithAMalformedEscapeIsRefusedAsTheRequest() throws IOException {
        JsonNode problem = problem(exchange("GET /v3/users/u/history?%zz=1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + secretKey
                + "\r\nConnection: close\r\n\r\n"), "a bad name");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("request");
    }

    @Test
    void aMalformedEscapeInTheQueryOfAPageIsRefusedToo() throws IOException {
        // Script tags add ?v=… to the SDK's address: any parameter is taken there, but not one that cannot be read.
        assertThat(exchange("GET /v3/sdk.js?v=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(exchange("GET /v3/sdk.js?v=%41 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void anEmptyParameterFromATrailingAmpersandIsIgnored() throws IOException {
        for (String query : List.of("limit=1&", "&limit=1", "limit=1&&cursor", "&")) {
            String answer = exchange("GET /v3/users/u/history?" + query + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + secretKey
                    + "\r\nConnection: close\r\n\r\n");
            if (query.endsWith("cursor")) {
                // A name with no value is a parameter all the same: an empty cursor is no cursor this API gave out.
                assertThat(problem(answer, query).get("errors").get(0).get("field").asText()).isEqualTo("cursor");
            }
            else {
                assertThat(answer).as(query).startsWith("HTTP/1.1 200 ");
            }
        }
    }

    @Test
    void wellFormedEscapesStillDecode() throws IOException {
        String answer = exchange("GET /v3/history?ip=%32%30%33.0.113.9&limit=%31 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + secretKey
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200 ");
    }

    private static JsonNode problem(String answer, String what) throws IOException {
        assertThat(answer).as(what).startsWith("HTTP/1.1 400 ").contains("application/problem+json");
        return io.seatguard.server.http.Json.MAPPER.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }

    /** What every logger logged while {@code exchanges} ran. */
    private static List<ILoggingEvent> logDuring(IoRunnable exchanges) throws IOException {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            exchanges.run();
        }
        finally {
            root.detachAppender(appender);
        }
        return appender.list;
    }

    private interface IoRunnable {
        void run() throws IOException;
    }

    /** Sends one raw request and reads until the server closes the connection. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
