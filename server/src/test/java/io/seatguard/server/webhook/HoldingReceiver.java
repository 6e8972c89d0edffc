package io.seatguard.server.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A slow webhook receiver: it holds every request until {@link #release()}, then answers {@code 204} at
 * once. Each request gets its own thread, so tries sent side by side are held side by side and counted.
 */
final class HoldingReceiver implements AutoCloseable {
    private final HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<String> ids = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    HoldingReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            ids.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                exchange.getRequestBody().readAllBytes();
                released.await(30, TimeUnit.SECONDS);
                exchange.sendResponseHeaders(204, -1);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The {@code webhook-id} of every request so far, in the order they came. */
    List<String> ids() {
        return List.copyOf(ids);
    }

    /** The most requests held at one time. */
    int mostInFlight() {
        return mostInFlight.get();
    }

    /** Answers the requests held and every later one at once. */
    void release() {
        released.countDown();
    }

    /** Waits until at least {@code count} requests arrived, or fails after {@code within}. */
    List<String> await(int count, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (ids.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        if (ids.size() < count) {
            throw new AssertionError("expected " + count + " webhook requests within " + within + ", got " + ids.size());
        }
        return ids();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
