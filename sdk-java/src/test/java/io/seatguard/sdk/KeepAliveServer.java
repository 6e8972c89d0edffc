package io.seatguard.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A raw HTTP server for one keep-alive connection: answers every request {@code 200 {"data":[]}} and
 * notes when the client closes the connection, which only the client's own {@code close} does.
 */
final class KeepAliveServer implements AutoCloseable {
    private static final byte[] ANSWER = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"data\":[]}"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket socket;
    private final CountDownLatch clientClosed = new CountDownLatch(1);

    KeepAliveServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::serve);
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** Whether the client closed its connection within {@code wait}. */
    boolean clientClosedWithin(Duration wait) throws InterruptedException {
        return clientClosed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void serve() {
        try (Socket connection = socket.accept()) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (readHeaders(in)) {
                out.write(ANSWER);
                out.flush();
            }
            clientClosed.countDown();
        }
        catch (IOException e) {
            // the server was closed first
        }
    }

    /** False at the end of the stream: the client closed the connection. */
    private static boolean readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                return false;
            }
            matched = next == end[matched] ? matched + 1 : (next == end[0] ? 1 : 0);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
