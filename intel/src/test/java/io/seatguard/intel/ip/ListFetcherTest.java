package io.seatguard.intel.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class ListFetcherTest {
    /**
     * Review finding (a stalled list URL hangs startup and every later reload): the request's timeout
     * stopped applying once the headers had arrived, and the body was read with no deadline.
     */
    @Test
    void aServerThatStallsMidBodyFailsTheFetchAtTheDeadline() throws Exception {
        try (StallingHttpServer server = new StallingHttpServer()) {
            ListLocation location = ListLocation.parse(server.url("/tor.txt"));
            ListFetcher fetcher = new ListFetcher(Duration.ofSeconds(1));
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThatThrownBy(() -> fetcher.fetch(location, Optional.empty()))
                    .isInstanceOf(IOException.class).hasMessageContaining("did not arrive within 1 s").hasMessageContaining(location.toString()));
            assertThat(server.requests).hasValue(1);
        }
    }

    @Test
    void credentialsInAListUrlAreSentAsBasicAuthorizationAndNeverFollowARedirect() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            if (exchange.getRequestURI().getPath().equals("/moved.txt")) {
                exchange.getResponseHeaders().add("Location", "/vpn.txt");
                exchange.sendResponseHeaders(302, -1);
            }
            else {
                byte[] body = "192.0.2.0/24\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            String base = "http://feed:s3cret@127.0.0.1:" + server.getAddress().getPort();
            ListFetcher fetcher = new ListFetcher();
            ListFetcher.Fetched fetched = fetcher.fetch(ListLocation.parse(base + "/vpn.txt"), Optional.empty()).orElseThrow();
            try (var reader = fetched.text().open()) {
                assertThat(reader.readLine()).isEqualTo("192.0.2.0/24");
            }
            String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("feed:s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(seen).containsExactly("/vpn.txt " + expected);

            assertThatThrownBy(() -> fetcher.fetch(ListLocation.parse(base + "/moved.txt"), Optional.empty()))
                    .isInstanceOf(IOException.class).hasMessageContaining("HTTP 302").hasMessageNotContaining("s3cret");
            assertThat(seen).as("the redirect was not followed with the credentials").hasSize(2);
        }
        finally {
            server.stop(0);
        }
    }

    @Test
    void aBodyOverTheCapIsCancelledAndFails() {
        CappedBody body = new CappedBody(10, "the list");
        boolean[] cancelled = new boolean[1];
        body.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {
                cancelled[0] = true;
            }
        });
        body.onNext(List.of(ByteBuffer.wrap(new byte[6])));
        body.onNext(List.of(ByteBuffer.wrap(new byte[5])));
        assertThat(cancelled[0]).isTrue();
        CompletableFuture<byte[]> result = body.getBody().toCompletableFuture();
        assertThat(result).isCompletedExceptionally();
        assertThatThrownBy(result::join).hasCauseInstanceOf(IOException.class).hasMessageContaining("the list is larger than 10 bytes");

        CappedBody small = new CappedBody(10, "the list");
        small.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
        });
        small.onNext(List.of(ByteBuffer.wrap(new byte[] {'a', '\n'}), ByteBuffer.wrap(new byte[] {'b'})));
        small.onComplete();
        assertThat(small.getBody().toCompletableFuture().join()).containsExactly('a', '\n', 'b');
    }

    /** A list file over the cap is refused before it is read (found never tested by a coverage run); one at the cap is read. */
    @Test
    void aListFileOverTheCapIsRefusedBeforeItIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        java.nio.file.Path big = folder.resolve("big.txt");
        java.nio.file.Files.writeString(big, "192.0.2.0/24\n198.51.100.0/24\n");
        long size = java.nio.file.Files.size(big);
        ListFetcher capped = new ListFetcher(Duration.ofSeconds(5), (int) size - 1);
        assertThatThrownBy(() -> capped.fetch(ListLocation.parse(big.toString()), Optional.empty()))
                .isInstanceOf(IOException.class).hasMessageContaining("big.txt is larger than " + (size - 1) + " bytes");
        ListFetcher roomy = new ListFetcher(Duration.ofSeconds(5), (int) size);
        try (java.io.BufferedReader reader = roomy.fetch(ListLocation.parse(big.toString()), Optional.empty()).orElseThrow().text().open()) {
            assertThat(reader.lines().toList()).containsExactly("192.0.2.0/24", "198.51.100.0/24");
        }
    }
}
