package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.server.ServerMetrics;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every answer names its request ({@code X-Request-Id}, and {@code request_id} in problem documents), a
 * well-formed id sent by a proxy is kept and anything else replaced, and the route's log lines carry the
 * id, also when its body arrived after the request was named.
 */
class RequestIdsTest {
    private static final Pattern GENERATED = Pattern.compile("[0-9a-f]{32}");
    private static final int MAX_BODY = 1024;

    private final ServerMetrics metrics = new ServerMetrics();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Javalin server;

    @BeforeEach
    void start() {
        server = HttpApi.create("127.0.0.1", 0, MAX_BODY, new EdgeLimits(1_000, 32, 64, Duration.ofSeconds(5)), origin -> false, List.of(
                // Answers the id in the logging context of the thread that runs it.
                new Route(HandlerType.GET, "/logged", ctx -> ctx.result(String.valueOf(MDC.get(RequestIds.NAME)))),
                new Route(HandlerType.POST, "/logged", ctx -> ctx.result(String.valueOf(MDC.get(RequestIds.NAME)))),
                new Route(HandlerType.GET, "/refused", ctx -> {
                    throw new SeatguardException(ErrorCode.INVALID_INPUT, "user: is required");
                })), metrics).start();
    }

    @AfterEach
    void stop() {
        server.stop();
        http.close();
        metrics.close();
    }

    @Test
    void everyAnswerNamesItsRequestAndEachRequestHasItsOwnId() throws Exception {
        HttpResponse<String> first = send(get("/logged"));
        HttpResponse<String> second = send(get("/logged"));
        assertThat(first.statusCode()).isEqualTo(200);
        String firstId = idOf(first);
        assertThat(firstId).matches(GENERATED);
        assertThat(idOf(second)).matches(GENERATED).isNotEqualTo(firstId);

        for (HttpResponse<String> problem : List.of(send(get("/refused")), send(get("/no-such-route")),
                send(post("/logged", "x".repeat(MAX_BODY + 1))))) {
            assertThat(problem.statusCode()).as(problem.uri().toString()).isIn(400, 404, 413);
            assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(Problems.CONTENT_TYPE));
            JsonNode document = Json.MAPPER.readTree(problem.body());
            assertThat(document.path("request_id").asText()).as("%s %s", problem.statusCode(), problem.body()).isEqualTo(idOf(problem)).matches(GENERATED);
        }
    }

    @Test
    void aWellFormedIdFromAProxyIsKept() throws Exception {
        for (String sent : List.of("f9c2a1e0-4b7d-4e55-9a3b-0d6c1e2f3a4b", "Root=1-67891233-abcdef012345678912345678", "a",
                "x".repeat(RequestIds.MAX_LENGTH))) {
            HttpResponse<String> logged = send(get("/logged").header(RequestIds.HEADER, sent));
            assertThat(idOf(logged)).isEqualTo(sent);
            assertThat(logged.body()).as("the route's logging context").isEqualTo(sent);
            HttpResponse<String> refused = send(get("/refused").header(RequestIds.HEADER, sent));
            assertThat(Json.MAPPER.readTree(refused.body()).path("request_id").asText()).isEqualTo(sent);
        }
    }

    @Test
    void anIdThatCouldBreakALogLineOrFillItIsReplaced() throws Exception {
        for (String sent : List.of("two words", "quote\"d", "semi;colon", "<script>", "caf\u00e9", "x".repeat(RequestIds.MAX_LENGTH + 1))) {
            HttpResponse<String> answer = send(get("/logged").header(RequestIds.HEADER, sent));
            assertThat(idOf(answer)).as("sent %s", sent).matches(GENERATED);
            assertThat(answer.body()).isEqualTo(idOf(answer));
        }
        // Sent on a raw socket: characters the JDK's client would not send at all.
        String answer = rawExchange("GET /logged HTTP/1.1\r\nHost: x\r\n" + RequestIds.HEADER + ": a\tb\r\nConnection: close\r\n\r\n", null);
        assertThat(headerIn(answer)).matches(GENERATED);
    }

    @Test
    void theRouteLogsWithTheIdAlsoWhenItsBodyArrivedLater() throws Exception {
        // The headers name the request on one thread; the body follows a while later and the route runs
        // on whichever thread read it.
        String answer = rawExchange("POST /logged HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\n", "hello");
        String id = headerIn(answer);
        assertThat(id).matches(GENERATED);
        assertThat(answer).endsWith("\r\n\r\n" + id);
        // And the thread forgets it: a later request gets its own, never the one before.
        assertThat(send(get("/logged")).body()).matches(GENERATED).isNotEqualTo(id);
    }

    @Test
    void theTextLogLineNamesTheRequestOnlyWhileOneRuns() throws Exception {
        Matcher configured = Pattern.compile("<pattern>(.*)</pattern>").matcher(Files.readString(Path.of("src/main/resources/logback.xml")));
        assertThat(configured.find()).isTrue();
        PatternLayout layout = new PatternLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.setPattern(configured.group(1).replace("&amp;", "&"));
        layout.start();
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Problems.class);

        LoggingEvent during = new LoggingEvent("test", logger, ch.qos.logback.classic.Level.INFO, "GET /v3/apps answered 401", null, null);
        during.setThreadName("worker");
        during.setMDCPropertyMap(Map.of(RequestIds.NAME, "abc123"));
        assertThat(layout.doLayout(during)).contains(" INFO  [worker] request abc123 io.seatguard.server.http.Problems - GET /v3/apps answered 401");

        LoggingEvent outside = new LoggingEvent("test", logger, ch.qos.logback.classic.Level.INFO, "Seatguard listening", null, null);
        outside.setThreadName("main");
        outside.setMDCPropertyMap(Map.of());
        assertThat(layout.doLayout(outside)).contains(" INFO  [main] io.seatguard.server.http.Problems - Seatguard listening").doesNotContain("request");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    private HttpRequest.Builder post(String path, String body) {
        return get(path).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String idOf(HttpResponse<?> answer) {
        return answer.headers().firstValue(RequestIds.HEADER).orElseThrow(() -> new AssertionError("no " + RequestIds.HEADER + " on " + answer));
    }

    /** Sends {@code head}, then after 300 ms {@code body} (when given), and reads the whole answer. */
    private String rawExchange(String head, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (body != null) {
                Thread.sleep(300);
                out.write(body.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String headerIn(String answer) {
        Matcher header = Pattern.compile("(?im)^" + RequestIds.HEADER + ": (\\S+)").matcher(answer);
        assertThat(header.find()).as("no %s in%n%s", RequestIds.HEADER, answer).isTrue();
        return header.group(1);
    }
}
