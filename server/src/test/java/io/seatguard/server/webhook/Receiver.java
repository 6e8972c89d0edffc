package io.seatguard.server.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP receiver for webhooks in the test: records every request, and fails the first {@code failures} with 500. */
public final class Receiver implements AutoCloseable {
    /**
     * @param upgrade the request's {@code Upgrade} header, or null
     * @param headers every request header as received (names as the JDK's server spells them), for verifiers that read them so
     */
    public record Received(String id, String timestamp, String signature, String contentType, String body, String upgrade,
            Map<String, List<String>> headers) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;

    public Receiver(int failures) throws IOException {
        this(0, failures);
    }

    Receiver(int port, int failures) throws IOException {
        failuresLeft = new AtomicInteger(failures);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", exchange -> {
            Map<String, List<String>> headers = exchange.getRequestHeaders();
            received.add(new Received(headers.get("webhook-id").get(0), headers.get("webhook-timestamp").get(0), headers.get("webhook-signature").get(0),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Upgrade"), Map.copyOf(headers)));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until at least {@code count} requests arrived, or fails after {@code within}. */
    public List<Received> await(int count, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (received.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        if (received.size() < count) {
            throw new AssertionError("expected " + count + " webhook requests within " + within + ", got " + received.size());
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
