package io.seatguard.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answers that are no problem document of Seatguard's, as something in front of it gives them: a proxy's
 * HTML 502, a redirect from http to https, a site at a wrong base URL answering 200 with a page.
 */
class ForeignAnswerTest {
    private static final String PROXY_PAGE = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    /** A server answering every request {@code status} with {@code body} as {@code text/html}, and {@code location} when given. */
    private SeatguardClient answering(int status, String body, String location) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        return SeatguardClient.builder("http://127.0.0.1:" + server.getAddress().getPort(), "sk_test_123")
                .timeout(Duration.ofSeconds(2)).backoff(Duration.ofMillis(1)).build();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /**
     * Regression: a proxy's HTML 502 became "502 HTTP 502", which reads as Seatguard failing; the message
     * now says the answer was not Seatguard's, and what it was. It is still a 5xx, so a read is retried.
     */
    @Test
    void aProxysHtmlErrorPageIsAnApiErrorSayingItIsNotSeatguards() throws IOException {
        SeatguardClient client = answering(502, PROXY_PAGE, null);
        assertThatThrownBy(() -> client.listDevices("mia")).isInstanceOfSatisfying(SeatguardApiException.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.type()).isNull();
            assertThat(e.fieldErrors()).isEmpty();
            assertThat(e.getMessage()).startsWith("502 HTTP 502 with a text/html body, not Seatguard's problem+json:")
                    .contains("a proxy or load balancer").doesNotContain("<html>");
        });
        assertThat(requests.get()).as("retried as any 5xx of a read").isEqualTo(3);
    }

    /**
     * Regression: a base URL of http:// where the site redirects to https:// gave "301 HTTP 301". The client
     * follows no redirect (the secret key must not go wherever a Location points, and a POST would become a
     * GET); the message names where the answer pointed.
     */
    @Test
    void aRedirectSaysWhereItPointsAndIsNotFollowed() throws IOException {
        SeatguardClient client = answering(301, "", "https://seatguard.example.com/v3/users/mia/devices?trace=mia");
        assertThatThrownBy(() -> client.listDevices("mia")).isInstanceOfSatisfying(SeatguardApiException.class, e -> {
            assertThat(e.status()).isEqualTo(301);
            assertThat(e.getMessage()).startsWith("301 HTTP 301 redirecting to https://seatguard.example.com/v3/users/(hidden)/devices?(hidden):")
                    .contains("base URL");
        });
        assertThat(requests.get()).isEqualTo(1);
    }

    /** A page answered 200 (a site's catch-all at a wrong base URL) is no JSON: said so, and whose it may be. */
    @Test
    void aPageAnsweredWithSuccessIsRefusedSayingWhatCame() throws IOException {
        SeatguardClient client = answering(200, "<!doctype html><title>My app</title>", null);
        assertThatThrownBy(() -> client.listDevices("mia")).isExactlyInstanceOf(SeatguardException.class)
                .hasMessageStartingWith("GET /v3/users/(hidden)/devices: HTTP 200 with a text/html body, not Seatguard's JSON:")
                .hasMessageContaining("base URL");
    }
}
