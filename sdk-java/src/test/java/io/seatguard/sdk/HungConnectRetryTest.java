package io.seatguard.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Review finding: the HttpClient the client made had a connect timeout equal to the whole try's timeout, so
 * a connect that hung used up the try, the try's own deadline usually ended it first, and an
 * {@code evaluate} was not sent again, although its connection was never made. The connect timeout is now
 * shorter than the try (a third of it by default, at most 2 s).
 */
class HungConnectRetryTest {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    /**
     * A connect that hangs, made locally: a listening socket that never accepts, its queue filled by
     * connections of the test's own. Linux (and the BSDs) then drop every further SYN, so the next connect
     * waits for an answer that never comes, as to a firewall that drops packets; an address that routes
     * nowhere would do the same but depends on the network the test runs in.
     */
    @Test
    void anEvaluationWhoseConnectHangsIsSentAgainWithinItsTries() throws IOException {
        try (ServerSocket neverAccepts = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); Queue queued = new Queue()) {
            assumeTrue(queued.fill(neverAccepts), "this system answers a connect to a full listen queue instead of leaving it hanging");
            SeatguardClient client = SeatguardClient.builder("http://127.0.0.1:" + neverAccepts.getLocalPort(), "sk_test_123").timeout(Duration.ofMillis(1_500))
                    .retries(1).sleeper(waits::add).build();
            assertThatThrownBy(() -> client.evaluate(EvaluateRequest.of("login").user("mia"))).isInstanceOf(SeatguardNetworkException.class)
                    .hasMessageContaining("after 2 tries").hasCauseInstanceOf(HttpConnectTimeoutException.class);
            assertThat(waits).as("one back-off, then the second try").hasSize(1);
        }
    }

    /**
     * What the README says of TLS, held to the JDK: its connect timer ends only once the handshake has, so
     * a server that takes the connection and never answers the ClientHello ends as a connect timeout, and
     * an evaluation (none of it sent: the request waits for the handshake) is sent again.
     */
    @Test
    void anEvaluationWhoseTlsHandshakeHangsIsSentAgainWithinItsTries() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); Queue accepted = new Queue()) {
            Thread acceptor = Thread.ofVirtual().start(() -> accepted.acceptAll(silent));
            SeatguardClient client = SeatguardClient.builder("https://127.0.0.1:" + silent.getLocalPort(), "sk_test_123").timeout(Duration.ofMillis(1_500))
                    .retries(1).sleeper(waits::add).build();
            assertThatThrownBy(() -> client.evaluate(EvaluateRequest.of("login").user("mia"))).isInstanceOf(SeatguardNetworkException.class)
                    .hasMessageContaining("after 2 tries").hasCauseInstanceOf(HttpConnectTimeoutException.class);
            assertThat(accepted.count()).as("both tries connected, and hung in the handshake").isEqualTo(2);
            silent.close();
            acceptor.interrupt();
        }
    }

    @Test
    void theConnectTimeoutIsAThirdOfTheTimeoutAtMostTwoSecondsUnlessSet() {
        assertThat(connectTimeoutOf(SeatguardClient.builder("http://127.0.0.1:1", "sk_test_123"))).contains(Duration.ofMillis(1_666).plusNanos(666_666));
        assertThat(connectTimeoutOf(SeatguardClient.builder("http://127.0.0.1:1", "sk_test_123").timeout(Duration.ofSeconds(30)))).contains(Duration.ofSeconds(2));
        assertThat(connectTimeoutOf(SeatguardClient.builder("http://127.0.0.1:1", "sk_test_123").timeout(Duration.ofSeconds(30)).connectTimeout(Duration.ofSeconds(10))))
                .contains(Duration.ofSeconds(10));
    }

    /** Review finding: a timeout the builder takes (positive) under 3 ns had a zero third, which the JDK's HttpClient refused at build(). */
    @Test
    void aTimeoutTooShortToHaveAThirdStillBuilds() {
        assertThat(connectTimeoutOf(SeatguardClient.builder("http://127.0.0.1:1", "sk_test_123").timeout(Duration.ofNanos(2)))).contains(Duration.ofNanos(1));
    }

    @Test
    void aConnectTimeoutNotShorterThanTheTimeoutOrBesideAGivenHttpClientIsRefused() {
        assertThatThrownBy(() -> SeatguardClient.builder("http://127.0.0.1:1", "sk_test_123").connectTimeout(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout").hasMessageContaining("shorter than timeout");
        assertThatThrownBy(() -> SeatguardClient.builder("http://127.0.0.1:1", "sk_test_123").connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout must be positive");
        assertThatThrownBy(() -> SeatguardClient.builder("http://127.0.0.1:1", "sk_test_123").connectTimeout(Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout must be at most 1 hour");
        try (HttpClient own = HttpClient.newHttpClient()) {
            assertThatThrownBy(() -> SeatguardClient.builder("http://127.0.0.1:1", "sk_test_123").httpClient(own).connectTimeout(Duration.ofSeconds(1)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("httpClient");
        }
    }

    private static java.util.Optional<Duration> connectTimeoutOf(SeatguardClient.Builder builder) {
        try (SeatguardClient client = builder.build()) {
            return client.connectTimeout();
        }
    }

    /** The test's own connections, which fill a listen queue until a further connect hangs. */
    private static final class Queue implements AutoCloseable {
        private final List<Socket> held = new ArrayList<>();

        /** Whether the queue is full: a connect then gets no answer within 300 ms. */
        boolean fill(ServerSocket listening) throws IOException {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listening.getLocalPort());
            for (int tries = 0; tries < 64; tries++) {
                Socket socket = new Socket();
                try {
                    socket.connect(address, 300);
                    held.add(socket);
                }
                catch (SocketTimeoutException e) {
                    socket.close();
                    return true;
                }
                catch (IOException e) {
                    socket.close();
                    return false;   // refused: the system answers a full queue with a reset
                }
            }
            return false;
        }

        /** Takes every connection and says nothing, until the socket is closed. */
        void acceptAll(ServerSocket listening) {
            try {
                while (true) {
                    Socket socket = listening.accept();
                    synchronized (held) {
                        held.add(socket);
                    }
                }
            }
            catch (IOException closed) {
                // the test is over
            }
        }

        int count() {
            synchronized (held) {
                return held.size();
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (held) {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }
}
