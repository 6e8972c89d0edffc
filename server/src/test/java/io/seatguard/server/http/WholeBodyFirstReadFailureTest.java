package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.ServerMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What a body read that fails answers, for the failures a real connection cannot be made to give on cue:
 * Jetty's server with the handlers in their production order, and a body whose read fails as told.
 * (A stop that ends while a body arrives, 503, is {@code StoppingWithRequestsStillRunningTest}.)
 */
class WholeBodyFirstReadFailureTest {
    /** Keeps each event's logging context as it was on the thread that logged it (logback reads it lazily). */
    private final ListAppender<ILoggingEvent> log = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };
    private final AtomicBoolean routeRan = new AtomicBoolean();
    private Server server;

    @AfterEach
    void stop() throws Exception {
        root().detachAppender(log);
        if (server != null) {
            server.stop();
        }
    }

    /**
     * Review finding: a failed read became a 500 that no line of the log named, so the request id a client
     * quotes found nothing. It is logged as the routes' unexpected faults are, with the request's id.
     */
    @Test
    void anUnexpectedReadFailureIsA500LoggedWithTheRequestsId() throws Exception {
        start(new IllegalStateException("the body's buffer broke"));
        String answer = post();
        assertThat(answer).startsWith("HTTP/1.1 500 ").contains("\r\nContent-Type: application/problem+json\r\n");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        String requestId = head.lines().filter(line -> line.startsWith("X-Request-Id: ")).findFirst().orElseThrow().substring("X-Request-Id: ".length());
        JsonNode problem = Json.MAPPER.readTree(answer.substring(head.length() + 4));
        assertThat(problem.path("type").asText()).isEqualTo("https://seatguard.dev/problems/internal");
        assertThat(problem.path("request_id").asText()).isEqualTo(requestId);

        List<ILoggingEvent> errors = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertThat(errors).as("one line, not Jetty's warning as well").hasSize(1);
        assertThat(errors.get(0).getLevel()).isEqualTo(Level.ERROR);
        assertThat(errors.get(0).getLoggerName()).isEqualTo(Problems.class.getName());
        assertThat(errors.get(0).getFormattedMessage()).isEqualTo("POST /v3/evaluate failed unexpectedly");
        assertThat(errors.get(0).getMDCPropertyMap()).containsEntry(RequestIds.NAME, requestId);
        assertThat(errors.get(0).getThrowableProxy().getMessage()).isEqualTo("the body's buffer broke");
        assertThat(routeRan).isFalse();
    }

    /** The connection itself failed: nobody is left to read an answer, and a 500 would say the server broke. */
    @Test
    void aConnectionThatFailedUnderTheBodyIsClosedUnanswered() throws Exception {
        start(new IOException("Connection reset by peer"));
        assertThat(post()).isEmpty();
        assertThat(log.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        assertThat(routeRan).isFalse();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** RequestIds outermost, then a body whose reads fail with {@code failure}, WholeBodyFirst, and a route. */
    private void start(Throwable failure) throws Exception {
        log.start();
        root().addAppender(log);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                routeRan.set(true);
                callback.succeeded();
                return true;
            }
        });
        server.insertHandler(new WholeBodyFirst(64 * 1024, 0));
        server.insertHandler(new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return super.handle(new Request.Wrapper(request) {
                    @Override
                    public Content.Chunk read() {
                        return Content.Chunk.from(failure, true);
                    }
                }, response, callback);
            }
        });
        server.insertHandler(RequestIds.naming());
        server.setErrorHandler(new ProtocolProblems(origin -> false, new ServerMetrics()));
        server.start();
    }

    /** Sends a whole evaluation and reads what comes back until the server closes; a reset reads as nothing. */
    private String post() throws IOException {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            byte[] body = "{\"action\":\"login\",\"user\":\"u1\"}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v3/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            catch (SocketException reset) {
                return "";
            }
        }
    }
}
