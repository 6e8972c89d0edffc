package io.seatguard.server.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A webhook receiver that misbehaves: it answers {@code 200} with a {@code Content-Length} of a gigabyte,
 * then sends nothing and keeps the connection open until closed.
 */
final class StallingReceiver implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    final CountDownLatch requested = new CountDownLatch(1);

    StallingReceiver() {
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::serve);
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/hook";
    }

    private void serve() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                held.add(socket);
                InputStream in = socket.getInputStream();
                // The request's headers: enough to know it arrived.
                int matched = 0;
                while (matched < 4) {
                    int read = in.read();
                    if (read < 0) {
                        break;
                    }
                    matched = (read == '\r' && matched % 2 == 0) || (read == '\n' && matched % 2 == 1) ? matched + 1 : 0;
                }
                socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                requested.countDown();
            }
            catch (IOException e) {
                // Closed.
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
