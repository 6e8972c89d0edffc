package io.seatguard.server.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook receiver that accepts every connection and never answers (each try waits out its timeout). */
final class SilentReceiver implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    SilentReceiver() {
        try {
            listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try {
                    held.add(listener.accept());
                }
                catch (IOException e) {
                    // Closed.
                }
            }
        });
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/hook";
    }

    /** Connections accepted so far. */
    int connections() {
        return held.size();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
