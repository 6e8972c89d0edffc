package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.seatguard.server.ServerMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request head trickled in a line at a time is closed once it has taken {@link HeadDeadline#DEADLINE}
 * (a second at the connection limit): such clients cannot hold every connection slot, and the health
 * check is answered while they keep trying. Real sockets against a real server.
 */
class HeadDeadlineTest {
    private static final int MAX_CONNECTIONS = 8;

    private final ServerMetrics metrics = new ServerMetrics();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> tricklers = new ArrayList<>();
    private Javalin server;

    @AfterEach
    void stop() throws InterruptedException {
        stopping.set(true);
        for (Thread trickler : tricklers) {
            trickler.interrupt();
            trickler.join(5_000);
        }
        if (server != null) {
            server.stop();
        }
        metrics.close();
    }

    @Test
    void aHeadTrickledInIsClosedAfterTheDeadline() throws Exception {
        start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(200);
            long started = System.nanoTime();
            socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            boolean closed = false;
            int lines = 0;
            while (!closed && Duration.ofNanos(System.nanoTime() - started).toSeconds() < 15) {
                try {
                    socket.getOutputStream().write(("X" + lines++ + ": b\r\n").getBytes(StandardCharsets.US_ASCII));
                    closed = socket.getInputStream().read() == -1;
                }
                catch (SocketTimeoutException stillOpen) {
                    // Not closed yet: the next line.
                }
                catch (IOException reset) {
                    closed = true;
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(closed).as("closed while its head still trickled in").isTrue();
            assertThat(took).as("after the deadline, not before").isGreaterThanOrEqualTo(HeadDeadline.DEADLINE.minusMillis(300))
                    .isLessThan(HeadDeadline.DEADLINE.plusSeconds(4));
        }
    }

    @Test
    void aWholeHeadSentSlowlyButInTimeIsAnswered() throws Exception {
        start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            for (String part : List.of("GET /healthz HTTP/1.1\r\n", "Host: x\r\n", "\r\n")) {
                socket.getOutputStream().write(part.getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(1_000);
            }
            assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 200").endsWith("ok");
        }
    }

    @Test
    void healthIsAnsweredWhileTricklingHeadsHoldEveryConnection() throws Exception {
        start();
        AtomicInteger connected = new AtomicInteger();
        // Twice the slots, each reconnecting as soon as it is closed: the backlog always holds more of them.
        for (int i = 0; i < 2 * MAX_CONNECTIONS; i++) {
            Thread trickler = new Thread(() -> trickle(connected));
            trickler.setDaemon(true);
            trickler.start();
            tricklers.add(trickler);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (connected.get() < 2 * MAX_CONNECTIONS && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(500);
        for (int i = 0; i < 2; i++) {
            long started = System.nanoTime();
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(15_000);
                socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 200").endsWith("ok");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within a few deadlines at the limit").isLessThan(Duration.ofSeconds(10));
        }
    }

    /** Sends a head a line every 300 ms, for ever, reconnecting whenever the server closes the connection. */
    private void trickle(AtomicInteger connected) {
        while (!stopping.get()) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                connected.incrementAndGet();
                socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int line = 0; !stopping.get(); line++) {
                    Thread.sleep(300);
                    socket.getOutputStream().write(("X" + line + ": b\r\n").getBytes(StandardCharsets.US_ASCII));
                }
            }
            catch (IOException closed) {
                // Closed by the server: connect again.
            }
            catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        int read;
        while (!answer.toString().endsWith("ok") && (read = in.read(buffer)) != -1) {
            answer.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
        }
        return answer.toString();
    }

    private void start() {
        server = HttpApi.create("127.0.0.1", 0, 64 * 1024, new EdgeLimits(MAX_CONNECTIONS, 32, MAX_CONNECTIONS, Duration.ofSeconds(5)), origin -> false,
                List.of(new Route(HandlerType.GET, "/healthz", ctx -> ctx.result("ok"))), metrics).start();
    }
}
