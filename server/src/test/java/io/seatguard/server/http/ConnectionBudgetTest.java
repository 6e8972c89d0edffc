package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.seatguard.server.ServerMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Client connections are bounded by the open-file limit: at the limit the server takes no more, and
 * the connections already open that sit idle are closed after a second instead of Jetty's 30 s, so a
 * crowd of idle connections cannot keep out a client with a request for long.
 */
class ConnectionBudgetTest {
    private static final int LIMIT = 3;
    private Javalin server;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        server = HttpApi.create("127.0.0.1", 0, 64 * 1024, new EdgeLimits(LIMIT, RequestSlots.MAX_THREADS, LIMIT, RequestSlots.MAX_WAIT), origin -> false, List.of(new Route(HandlerType.GET, "/ping", ctx -> ctx.result("pong"))),
                new ServerMetrics()).start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        server.stop();
    }

    @Test
    void theBudgetIsTheOpenFileLimitLessAReserveWithinBounds() {
        assertThat(ConnectionBudget.forFileLimit(1_024)).isEqualTo(512);
        assertThat(ConnectionBudget.forFileLimit(20_000)).isEqualTo(19_488);
        assertThat(ConnectionBudget.forFileLimit(100)).as("never below a working minimum").isEqualTo(64);
        assertThat(ConnectionBudget.forFileLimit(1_048_576)).isEqualTo(50_000);
        assertThat(ConnectionBudget.forThisProcess()).isBetween(64, 50_000);
    }

    @Test
    void belowTheLimitAnIdleConnectionIsKept() throws Exception {
        Socket first = idle();
        Socket second = idle();
        Thread.sleep(2_500);
        assertThat(get(first)).as("still open, and served").contains("pong");
        assertThat(get(second)).contains("pong");
    }

    @Test
    void atTheLimitIdleConnectionsAreClosedSoonAndAClientWithARequestGetsIn() throws Exception {
        List<Socket> crowd = List.of(idle(), idle(), idle());
        // Jetty shortens the idle timeout of the connections open when the limit is reached (the one that
        // reached it keeps its 30 s): those close after about a second, and the server accepts again.
        for (Socket socket : crowd.subList(0, LIMIT - 1)) {
            assertThat(closedByServerWithin(socket, Duration.ofSeconds(6))).as("an idle connection at the limit is closed after about a second, not 30 s")
                    .isTrue();
        }
        assertThat(get(connect())).as("a client with a request gets in").contains("pong");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        return socket;
    }

    /** A connection that sends nothing; answered at once by a round trip so the server surely holds it. */
    private Socket idle() throws IOException {
        Socket socket = connect();
        assertThat(get(socket)).contains("pong");
        return socket;
    }

    private static String get(Socket socket) throws IOException {
        socket.getOutputStream().write("GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!answer.toString().endsWith("pong")) {
            int read = in.read(buffer);
            if (read < 0) {
                break;
            }
            answer.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
        }
        return answer.toString();
    }

    private static boolean closedByServerWithin(Socket socket, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        try {
            return socket.getInputStream().read() < 0;
        }
        catch (SocketTimeoutException e) {
            return false;
        }
        catch (IOException e) {
            return true;   // reset: closed too
        }
    }
}
