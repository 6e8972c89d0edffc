package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.seatguard.server.LogLines;
import io.seatguard.server.ServerMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Review finding: an {@link Error} a route threw (a StackOverflowError in a pattern run on a list value of
 * 2,000 labels) was answered by Javalin with an empty text/plain 500, since only exceptions were mapped.
 * Now it is answered with the generic problem document and logged with its stack; a fatal one (out of
 * memory) is logged as fatal and answered all the same, from a document built before any request.
 */
class UnexpectedErrorsTest {
    private final ServerMetrics metrics = new ServerMetrics();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Javalin server;

    @BeforeEach
    void start() {
        server = HttpApi.create("127.0.0.1", 0, 1024, new EdgeLimits(1_000, 32, 64, Duration.ofSeconds(5)), origin -> false, List.of(
                new Route(HandlerType.GET, "/overflow", ctx -> ctx.result(String.valueOf(depth(0)))),
                new Route(HandlerType.GET, "/assertion", ctx -> {
                    throw new AssertionError("unreachable, the code thought");
                }),
                new Route(HandlerType.GET, "/fatal", ctx -> {
                    throw new OutOfMemoryError("Java heap space (test)");
                }),
                new Route(HandlerType.GET, "/ok", ctx -> ctx.result("ok"))), metrics).start();
    }

    @AfterEach
    void stop() {
        server.stop();
        http.close();
        metrics.close();
    }

    /** Recurses until the stack overflows, as a pattern recursing once per label of a long value did. */
    private static int depth(int n) {
        return depth(n + 1) + 1;
    }

    @Test
    void aStackOverflowIsAnsweredWithTheGenericProblemAndLoggedWithItsStack() throws Exception {
        List<ILoggingEvent> logged = new ArrayList<>();
        HttpResponse<String> answer = LogLines.eventsDuring(Problems.class.getName(), logged, () -> send("/overflow"));
        assertGenericProblem(answer, true);
        assertThat(logged).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("GET /overflow failed unexpectedly");
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(StackOverflowError.class.getName());
        });
        assertThat(send("/ok").body()).as("the server goes on").isEqualTo("ok");
    }

    @Test
    void anotherErrorOfTheCodeIsAnsweredAlike() throws Exception {
        assertGenericProblem(send("/assertion"), true);
    }

    @Test
    void aFatalErrorIsLoggedAsFatalAndStillAnsweredWithAProblem() throws Exception {
        List<ILoggingEvent> logged = new ArrayList<>();
        HttpResponse<String> answer = LogLines.eventsDuring(UnexpectedErrors.class.getName(), logged, () -> send("/fatal"));
        assertGenericProblem(answer, false);
        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("OutOfMemoryError").contains("restart the node");
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(OutOfMemoryError.class.getName());
        });
        assertThat(send("/ok").body()).isEqualTo("ok");
    }

    @Test
    void onlyTheVirtualMachinesOwnFailuresAreFatal() {
        assertThat(UnexpectedErrors.answerable(new StackOverflowError())).isTrue();
        assertThat(UnexpectedErrors.answerable(new AssertionError())).isTrue();
        assertThat(UnexpectedErrors.answerable(new NoClassDefFoundError("x"))).isTrue();
        assertThat(UnexpectedErrors.answerable(new OutOfMemoryError())).isFalse();
        assertThat(UnexpectedErrors.answerable(new InternalError())).isFalse();
    }

    private static void assertGenericProblem(HttpResponse<String> answer, boolean withRequestId) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(Problems.CONTENT_TYPE));
        JsonNode problem = Json.MAPPER.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(500);
        assertThat(problem.path("detail").asText()).isEqualTo("The server could not complete the request");
        assertThat(answer.body()).doesNotContain("StackOverflow", "AssertionError", "OutOfMemory", "unreachable", "heap");
        if (withRequestId) {
            assertThat(problem.path("request_id").asText()).isEqualTo(answer.headers().firstValue(RequestIds.HEADER).orElseThrow());
        }
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
