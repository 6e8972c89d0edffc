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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Answers given before any route ran carry the request's id like every other (found in review: a path
 * with {@code %00}, {@code %u0041}, {@code %g1} or bad UTF-8, a URI or headers too large, a Content-Length
 * beside a Transfer-Encoding were answered by Jetty's error handler with no {@code X-Request-Id} and no
 * {@code request_id}, so no client report could be matched to the log), and the log line about each
 * carries the same id. On the paths a browser opens (the challenge pages, the dashboard) those refusals,
 * and the routes' own early ones, are a plain page instead of raw JSON. Sent on raw sockets: the JDK's
 * client refuses to send such requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeRefusalsTest {
    private static final Pattern GENERATED = Pattern.compile("[0-9a-f]{32}");
    private static final String CHALLENGE = "/challenge/ch_" + "x".repeat(32);
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
    void anApiRequestRefusedBeforeRoutingCarriesAnIdInItsHeaderAndItsProblem() throws IOException {
        Map<String, Integer> refused = Map.of(
                get("/v3/challenges/%00"), 400,
                get("/v3/challenges/%u0041"), 400,
                get("/v3/challenges/%g1"), 400,
                get("/v3/challenges/%FF"), 400,
                get("/v3/evaluations/" + "a".repeat(20_000)), 414,
                "GET /v3/apps HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n", 431,
                "POST /v3/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n", 400,
                "GET /v3/apps HTTP/1.2\r\nHost: x\r\nConnection: close\r\n\r\n", 505);
        for (Map.Entry<String, Integer> request : refused.entrySet()) {
            Answer answer = exchange(request.getKey());
            String what = request.getKey().substring(0, Math.min(60, request.getKey().indexOf("\r\n")));
            assertThat(answer.status()).as(what).isEqualTo(request.getValue());
            assertThat(answer.header("Content-Type")).as(what).startsWith(Problems.CONTENT_TYPE);
            String id = answer.header(RequestIds.HEADER);
            assertThat(id).as("%s: %s", what, answer.head()).matches(GENERATED);
            assertThat(answer.problem().path("request_id").asText()).as(what).isEqualTo(id);
        }
    }

    @Test
    void aProxysIdIsKeptWhenJettyReadTheHeadersBeforeRefusing() throws IOException {
        for (String path : List.of("/v3/challenges/%u0041", "/v3/challenges/%FF")) {
            Answer answer = exchange("GET " + path + " HTTP/1.1\r\nHost: x\r\nX-Request-Id: edge-42\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header(RequestIds.HEADER)).as(path).isEqualTo("edge-42");
            assertThat(answer.problem().path("request_id").asText()).as(path).isEqualTo("edge-42");
        }
        // %00 and %g1 are refused as Jetty reads the request line, before it reads any header: a new id.
        Answer unread = exchange("GET /v3/challenges/%00 HTTP/1.1\r\nHost: x\r\nX-Request-Id: edge-42\r\nConnection: close\r\n\r\n");
        assertThat(unread.header(RequestIds.HEADER)).matches(GENERATED);
    }

    @Test
    void unknownRoutesAndMethodsCarryAnIdToo() throws IOException {
        for (String request : List.of(get("/v3/nowhere"), "DELETE /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) {
            Answer answer = exchange(request);
            assertThat(answer.status()).isIn(404, 405);
            assertThat(answer.problem().path("request_id").asText()).isEqualTo(answer.header(RequestIds.HEADER)).matches(GENERATED);
        }
        // A path no route serves is no-route, not the not-found of a route that holds no such thing (a wrong base URL
        // must not read as "nothing stored").
        assertThat(exchange(get("/v3/nowhere")).problem().path("type").asText()).isEqualTo("https://seatguard.dev/problems/no-route");
    }

    @Test
    void theLogLineAboutARefusalBeforeRoutingCarriesTheIdItsAnswerGave() throws Exception {
        // What each line says: the path when Jetty read one, else that it could not read the request line.
        Map<String, String> said = Map.of(
                get("/v3/challenges/%u0041"), "GET /v3/challenges/%u0041 answered 400 malformed-request",
                get("/dashboard/%FF"), "GET /dashboard/%FF answered 400 malformed-request",
                get("/challenge/ch_%00"), "A request whose request line could not be read answered 400 malformed-request",
                get("/v3/evaluations/" + "a".repeat(20_000)), "A request whose request line could not be read answered 414 uri-too-long",
                "GET /v3/apps HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
                "GET /v3/apps answered 431 headers-too-large");
        Logger problems = (Logger) LoggerFactory.getLogger(Problems.class);
        Level before = problems.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        problems.addAppender(appender);
        problems.setLevel(Level.INFO);
        Map<String, String> ids = new TreeMap<>();
        try {
            for (Map.Entry<String, String> request : said.entrySet()) {
                ids.put(request.getValue(), exchange(request.getKey()).header(RequestIds.HEADER));
            }
        }
        finally {
            problems.setLevel(before);
            problems.detachAppender(appender);
        }
        for (Map.Entry<String, String> answered : ids.entrySet()) {
            assertThat(appender.list).as("a line saying %s with the id %s", answered.getKey(), answered.getValue()).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.INFO);
                assertThat(event.getFormattedMessage()).startsWith(answered.getKey());
                assertThat(event.getMDCPropertyMap()).containsEntry(RequestIds.NAME, answered.getValue());
            });
        }
    }

    @Test
    void aBrowserPathRefusedBeforeRoutingIsAPlainPageWithTheSecurityHeaders() throws IOException {
        Map<String, Integer> refused = new TreeMap<>(Map.of(
                get("/challenge/%u0041"), 400,
                get(CHALLENGE + "/%FF"), 400,
                get("/dashboard/%FF"), 400,
                get("/dashboard/evaluations/app/%u0041"), 400,
                "GET " + CHALLENGE + " HTTP/1.1\r\nHost: x\r\nCookie: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n", 431,
                "POST " + CHALLENGE + "/send HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n", 400));
        // Refused by the route's wrapper, before the page's handler: a query that cannot be read, a form it cannot read.
        refused.put(get(CHALLENGE + "?lang=%zz"), 400);
        refused.put("POST " + CHALLENGE + "/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded; charset=bogus\r\n"
                + "Content-Length: 6\r\nConnection: close\r\n\r\ncode=1", 415);
        // A form field with a malformed escape, which Javalin's reader took for an absent field.
        refused.put("POST " + CHALLENGE + "/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 8\r\nConnection: close\r\n\r\ncode=%zz", 400);
        // Raw bytes that are not UTF-8 (a browser escapes every byte past ASCII): each was read as U+FFFD, a field
        // another than the one sent, as %FF was before it was refused.
        refused.put("POST " + CHALLENGE + "/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 8\r\nConnection: close\r\n\r\ncode=\u00ff12", 400);
        refused.put("POST " + CHALLENGE + "/send HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                + "Content-Length: 6\r\nConnection: close\r\n\r\n--x--\r", 415);
        // A form with a content coding, which nothing decodes: it was read as raw bytes.
        refused.put("POST " + CHALLENGE + "/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Encoding: gzip\r\nContent-Length: 6\r\nConnection: close\r\n\r\ncode=1", 415);
        // Refused by the body reader, before the route: a body over the limit.
        refused.put("POST " + CHALLENGE + "/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 70000\r\nConnection: close\r\n\r\ncode=" + "1".repeat(69_995), 413);
        // No route at all.
        refused.put(get(CHALLENGE + "/nowhere"), 404);
        refused.put(get("/dashboard/nowhere"), 404);
        refused.put("DELETE " + CHALLENGE + "/send HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405);
        for (Map.Entry<String, Integer> request : refused.entrySet()) {
            Answer answer = exchange(request.getKey());
            String what = request.getKey().substring(0, Math.min(70, request.getKey().indexOf("\r\n")));
            assertThat(answer.status()).as(what).isEqualTo(request.getValue());
            assertThat(answer.header("Content-Type").toLowerCase(Locale.ROOT).replace(" ", "")).as(what).isEqualTo("text/html;charset=utf-8");
            assertThat(answer.header(RequestIds.HEADER)).as(what).matches(GENERATED);
            assertThat(answer.header("Content-Security-Policy")).as(what).contains("default-src 'none'").contains("frame-ancestors 'none'");
            assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
            assertThat(answer.header("Cache-Control")).as(what).isEqualTo("no-store");
            assertThat(answer.body()).as(what).startsWith("<!doctype html>").contains("Error " + request.getValue())
                    .doesNotContain("{\"").doesNotContain("<script").as("nothing of the request").doesNotContain("ch_xxx").doesNotContain("%")
                    .doesNotContain("bogus").doesNotContain("nowhere");
        }
    }

    @Test
    void aRequestLineJettyCannotReadIsAProblemEvenOnABrowsersPath() throws IOException {
        // Jetty refuses these as it reads the request line, and answers a stand-in request with no path
        // (api.md): the API's answer, with an id all the same.
        for (String path : List.of("/challenge/ch_%00", "/challenge/%g1/verify", "/dashboard/%00", "/challenge/" + "a".repeat(20_000))) {
            Answer answer = exchange(get(path));
            String what = path.substring(0, Math.min(path.length(), 40));
            assertThat(answer.status()).as(what).isIn(400, 414);
            assertThat(answer.header("Content-Type")).as(what).startsWith(Problems.CONTENT_TYPE);
            assertThat(answer.problem().path("request_id").asText()).as(what).isEqualTo(answer.header(RequestIds.HEADER)).matches(GENERATED);
        }
    }

    @Test
    void anApiPathKeepsItsProblemForTheSameRefusals() throws IOException {
        for (String request : List.of(get("/v3/sdk.js?v=%zz"), get("/v3/nowhere"), get("/challenges/%u0041"), get("/dashboards/%u0041"), get("/v3/challenges/%FF"))) {
            Answer answer = exchange(request);
            assertThat(answer.header("Content-Type")).as(request).startsWith(Problems.CONTENT_TYPE);
            assertThat(answer.problem().path("request_id").asText()).as(request).isEqualTo(answer.header(RequestIds.HEADER));
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    }

    /** Sends one raw request and reads until the server closes the connection. */
    private Answer exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new Answer(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private record Answer(String raw) {
        String head() {
            return raw.substring(0, raw.indexOf("\r\n\r\n"));
        }

        String body() {
            return raw.substring(raw.indexOf("\r\n\r\n") + 4);
        }

        int status() {
            return Integer.parseInt(raw.substring(9, 12));
        }

        /** The header's one value; fails when it is absent. */
        String header(String name) {
            List<String> values = head().lines().skip(1).filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip()).toList();
            assertThat(values).as("%s in%n%s", name, head()).hasSize(1);
            return values.get(0);
        }

        JsonNode problem() throws IOException {
            return Json.MAPPER.readTree(body());
        }
    }
}
