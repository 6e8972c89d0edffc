package io.seatguard.intel.ip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTP/1.1 server that answers every request with a 200 whose body has neither a Content-Length nor
 * chunks: it ends where the server closes the connection (RFC 9112 §6.3, item 8), so a connection cut
 * mid-body looks to the client like a whole body. {@link #body} is what it sends next.
 */
final class CloseDelimitedHttpServer implements AutoCloseable {
    private final ServerSocket socket;
    final AtomicReference<String> body = new AtomicReference<>("");

    CloseDelimitedHttpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "close-delimited-http");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    // the request's headers
                }
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n" + body.get()).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
