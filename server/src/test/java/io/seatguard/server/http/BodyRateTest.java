package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The minimum rate a request body must arrive at ({@link HttpApi#MIN_REQUEST_DATA_RATE}, counted from the
 * end of the headers) ends a body that trickles in, and only one still arriving: a body that is all here
 * has nothing left to wait for, however long it took. Real sockets against a real server.
 */
class BodyRateTest {
    @TempDir
    static Path dataDir;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.Store.SQLITE, dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * Found in CI: on a machine whose two cores were saturated, a Java SDK call's small body (a couple of
     * hundred bytes, after its headers) was read more than a second after the headers, and was answered
     * {@code 408} "The body arrives at less than 256 bytes a second", though all of it had arrived: Jetty
     * hands a body's bytes over before the chunk that says it has ended, and the rate was judged on them.
     */
    @Test
    void aSmallBodyThatArrivesWholeAfterAPauseIsAnswered() throws Exception {
        String body = "{\"action\":\"signup\",\"email\":\"late@example.com\"}";
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(body.length()).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(1_500);
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = answer(socket.getInputStream());
            assertThat(answer).as("all of the body arrived, late").startsWith("HTTP/1.1 200 ");
        }
    }

    /** The rule itself: a body sent a few bytes at a time, well under 256 bytes a second, is ended with 408. */
    @Test
    void aBodyThatTricklesInIsEndedWith408() throws Exception {
        String body = "{\"action\":\"signup\",\"email\":\"slow@example.com\",\"metadata\":{\"pad\":\"" + "x".repeat(400) + "\"}}";
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            out.write(head(body.length()).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            long started = System.nanoTime();
            String answer = "";
            for (int sent = 0; sent < bytes.length && answer.isEmpty() && Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20; sent += 8) {
                try {
                    out.write(bytes, sent, Math.min(8, bytes.length - sent));
                    out.flush();
                }
                catch (IOException closed) {
                    // The server may close before it is read; its answer is still in the socket's buffer.
                }
                answer = answerIfAny(socket);
            }
            assertThat(answer).as("ended while the body still trickled in").startsWith("HTTP/1.1 408 ")
                    .containsIgnoringCase("content-type: application/problem+json");
        }
    }

    private static int port() {
        return URI.create(server.url()).getPort();
    }

    private static String head(int length) {
        return "POST /v3/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: " + server.defaultApp().bearer().get("Authorization") + "\r\nContent-Length: " + length + "\r\n\r\n";
    }

    /** What the server answered within 200 ms, or nothing yet. */
    private static String answerIfAny(Socket socket) throws IOException {
        try {
            return answer(socket.getInputStream());
        }
        catch (SocketTimeoutException nothingYet) {
            return "";
        }
    }

    /** The answer's status line and headers, up to the blank line. */
    private static String answer(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            read.write(b);
            String text = read.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        return read.toString(StandardCharsets.ISO_8859_1);
    }
}
