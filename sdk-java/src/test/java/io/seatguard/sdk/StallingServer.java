package io.seatguard.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP server that answers every request with a 200, its headers and the first bytes of a
 * 100-byte body, then stalls until it is closed (10 s at most): the case {@code HttpRequest.timeout} does not cover.
 */
final class StallingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    StallingServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.incrementAndGet();
                open.add(connection);
                Thread.ofVirtual().start(() -> stall(connection));
            }
            catch (IOException e) {
                return;   // closed
            }
        }
    }

    private void stall(Socket connection) {
        try (connection) {
            readHeaders(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\":".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            closed.await(10, TimeUnit.SECONDS);   // bounded, so the old client's hang ends too
        }
        catch (IOException e) {
            // the client gave up: what the test wants
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                return;
            }
            matched = next == end[matched] ? matched + 1 : (next == end[0] ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
        for (Socket connection : open) {
            connection.close();
        }
    }
}
