package io.seatguard.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay to a real server (Redis, say), which a test closes to make that server vanish for
 * the process under test while it stays up for every other test.
 */
final class TcpRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private TcpRelay(String targetHost, int targetPort) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    static TcpRelay to(String host, int port) {
        try {
            TcpRelay relay = new TcpRelay(host, port);
            Thread.ofVirtual().name("relay-accept").start(relay::accept);
            return relay;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket target = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(target);
                Thread.ofVirtual().start(() -> pump(client, target));
                Thread.ofVirtual().start(() -> pump(target, client));
            }
            catch (IOException e) {
                // Closed: no more connections.
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        }
        catch (IOException e) {
            // One side closed; closing both (the try) ends the other pump too.
        }
    }

    /** Stops accepting and drops every relayed connection: to the process under test, the server is gone. */
    @Override
    public void close() {
        try {
            listener.close();
        }
        catch (IOException ignored) {
            // Already closed.
        }
        for (Socket socket : open) {
            try {
                socket.close();
            }
            catch (IOException ignored) {
                // Already closed.
            }
        }
    }
}
