package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request the SMS endpoint gets, exactly as docs/challenges.md ("Delivery") describes it, so that a
 * relay written from the docs takes it: one JSON POST in UTF-8, the bearer token, one try, no redirect.
 */
class SmsRequestFormatTest {
    /** One request as the endpoint saw it. */
    private record Seen(String method, String path, String contentType, String authorization, String body) {}

    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger moved = new AtomicInteger();
    private HttpServer provider;

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.setExecutor(handlers);
        provider.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            switch (exchange.getRequestURI().getPath()) {
                case "/send" -> exchange.sendResponseHeaders(201, -1);
                case "/down" -> exchange.sendResponseHeaders(503, -1);
                case "/moved" -> {
                    moved.incrementAndGet();
                    exchange.getResponseHeaders().add("Location", "/send");
                    exchange.sendResponseHeaders(307, -1);
                }
                default -> exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
        handlers.shutdownNow();
    }

    private HttpSmsSender sender(String path) {
        return new HttpSmsSender(URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + path), Optional.of("tok_123"), Duration.ofSeconds(5));
    }

    @Test
    void oneJsonPostInUtf8WithTheBearerToken() {
        sender("/send").send("+201001234567", "٠ \"quoted\" ⁨Acme⁩");
        assertThat(seen).containsExactly(new Seen("POST", "/send", "application/json", "Bearer tok_123",
                "{\"to\":\"+201001234567\",\"body\":\"٠ \\\"quoted\\\" ⁨Acme⁩\"}"));
    }

    @Test
    void aFailureIsTriedOnceAndARedirectIsNotFollowed() {
        assertThatThrownBy(() -> sender("/down").send("+33612345678", "hello")).hasMessageContaining("answered 503");
        assertThatThrownBy(() -> sender("/moved").send("+33612345678", "hello")).hasMessageContaining("answered 307");
        assertThat(seen).extracting(Seen::path).containsExactly("/down", "/moved");
        assertThat(moved).hasValue(1);
    }
}
