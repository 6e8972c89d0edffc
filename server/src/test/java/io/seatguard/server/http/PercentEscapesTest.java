package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.seatguard.server.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A percent-escape is {@code %} and two hex digits (found in review): {@code %u0041} in a path was decoded
 * by Javalin's path matcher, which threw, and every route with a path parameter answered 500 with a stack
 * trace in the log, unauthenticated. Sent on a raw socket: the JDK's client refuses to send such a URI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PercentEscapesTest {
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
    void aUtf16EscapeInAPathIsAMalformedRequestNotAFault() throws IOException {
        List<String> paths = List.of("/v3/evaluations/%u0041", "/v3/evaluations/%uD800", "/v3/users/%u0041/history", "/v3/policies/%u0041",
                "/challenge/%u0041", "/dashboard/evaluations/app/%u0041", "/v3/users/a%u00e9b");
        List<ILoggingEvent> logged = logDuring(() -> {
            for (String path : paths) {
                String answer = exchange("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                assertThat(answer).as(path).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/problem+json")
                        .contains("\"type\":\"https://seatguard.dev/problems/malformed-request\"").contains("\"field\":\"request\"");
            }
        });
        assertThat(logged).as("no fault, no stack trace").noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null);
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
