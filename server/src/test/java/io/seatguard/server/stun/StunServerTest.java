package io.seatguard.server.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bucket4j.TimeMeter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real UDP exchange with the responder on loopback. */
class StunServerTest {
    private StunServer server;
    private DatagramSocket client;

    @BeforeEach
    void start() throws Exception {
        server = StunServer.start("127.0.0.1", 0);
        client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        client.setSoTimeout(1000);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static byte[] bindingRequest(byte[] transaction) {
        return ByteBuffer.allocate(20).putShort((short) 1).putShort((short) 0).putInt(StunMessages.MAGIC_COOKIE).put(transaction).array();
    }

    private byte[] exchange(byte[] request) throws Exception {
        client.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), server.port()));
        byte[] buffer = new byte[1500];
        DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
        client.receive(answer);
        return Arrays.copyOf(buffer, answer.getLength());
    }

    @Test
    void answersWithTheSendersOwnAddressAndPort() throws Exception {
        byte[] transaction = new byte[12];
        new Random(1).nextBytes(transaction);
        byte[] response = exchange(bindingRequest(transaction));
        StunMessagesTest.assertWellFormed(response);
        assertThat(Arrays.copyOfRange(response, 8, 20)).isEqualTo(transaction);
        assertThat(StunMessagesTest.Decoded.of(response).address()).isEqualTo(new InetSocketAddress("127.0.0.1", client.getLocalPort()));
    }

    @Test
    void staysSilentForAnythingElseAndKeepsAnswering() throws Exception {
        byte[] notStun = "GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        client.send(new DatagramPacket(notStun, notStun.length, InetAddress.getLoopbackAddress(), server.port()));
        byte[] truncated = Arrays.copyOf(bindingRequest(new byte[12]), 12);
        client.send(new DatagramPacket(truncated, truncated.length, InetAddress.getLoopbackAddress(), server.port()));
        client.setSoTimeout(300);
        DatagramPacket none = new DatagramPacket(new byte[1500], 1500);
        try {
            client.receive(none);
            throw new AssertionError("answered a datagram that is not a Binding request");
        }
        catch (SocketTimeoutException expected) {
            // silence, as it should be
        }
        client.setSoTimeout(1000);
        assertThat(exchange(bindingRequest(new byte[12]))).hasSizeGreaterThan(20);
    }

    /**
     * Review finding: a FINGERPRINT of no bytes, one with a wrong CRC, an attribute longer than the message
     * and an unknown comprehension-required attribute were each answered with a success; now with silence.
     */
    @Test
    void staysSilentForMalformedBindingRequests() throws Exception {
        for (byte[] malformed : List.of(StunRequests.emptyFingerprint(), StunRequests.wrongFingerprint(),
                StunRequests.attributeLongerThanTheMessage(), StunRequests.unknownComprehensionRequired(0x7FFF),
                StunRequests.unknownComprehensionRequired(0x0003))) {
            send(client, server, malformed);
        }
        assertThat(answers(client)).as("answers to malformed requests").isZero();
        byte[] firefox = StunRequests.withFingerprint(StunRequests.bareRequest());
        byte[] response = exchange(firefox);
        StunMessagesTest.assertWellFormed(response);
        assertThat(response).as("XOR-MAPPED-ADDRESS (IPv4) and FINGERPRINT").hasSize(40);
    }

    /**
     * Review finding: the responder read a datagram's first 1,500 bytes and dropped the rest unseen, so a
     * longer datagram whose first 1,500 bytes were a request with that length in its header (1,501 bytes,
     * 1,600, 4,500) was answered, though its real length disagrees with its header: it is not STUN. A
     * datagram is now answered only when the responder read all of it; 1,500 bytes still is.
     */
    @Test
    void staysSilentForADatagramLongerThanItReads() throws Exception {
        byte[] longest = StunRequests.request(StunRequests.attribute(StunRequests.SOFTWARE, StunServer.MAX_DATAGRAM - 24));
        assertThat(longest).hasSize(StunServer.MAX_DATAGRAM);
        assertThat(exchange(longest)).as("a request of the longest datagram answered").hasSize(32);

        for (int extra : new int[] {1, 100, 3000}) {
            send(client, server, Arrays.copyOf(longest, longest.length + extra));
        }
        byte[] transaction = new byte[12];
        Arrays.fill(transaction, (byte) 7);
        // Answers leave in the order their requests came: an answer to a longer datagram would arrive first.
        byte[] first = exchange(bindingRequest(transaction));
        assertThat(Arrays.copyOfRange(first, 8, 20)).as("the first answer is the well-formed request's, not a longer datagram's").isEqualTo(transaction);
    }

    /** Review finding (amplification with no per-source limit): one address gets a few answers a second, the rest is dropped. */
    @Test
    void answersEachSourceAddressWithinItsLimitAndDropsTheRest() throws Exception {
        AtomicLong nanos = new AtomicLong();
        TimeMeter time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos.get();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        try (StunServer limited = StunServer.start("127.0.0.1", 0, new StunRateLimit(3, 1, 100, time));
                DatagramSocket other = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            for (int i = 0; i < 5; i++) {
                send(client, limited, bindingRequest(new byte[12]));
            }
            assertThat(answers(client)).as("the burst, then silence").isEqualTo(3);

            send(other, limited, bindingRequest(new byte[12]));
            assertThat(answers(other)).as("another address has its own bucket").isEqualTo(1);

            nanos.addAndGet(1_000_000_000L);
            send(client, limited, bindingRequest(new byte[12]));
            send(client, limited, bindingRequest(new byte[12]));
            assertThat(answers(client)).as("one more a second").isEqualTo(1);
        }
    }

    /**
     * Review finding: on 0.0.0.0 the one wildcard socket answered from the address the route back chose,
     * so a request sent to this machine's other address was answered from 127.0.0.1 (a floating or
     * secondary address in production), and Chromium, which takes a STUN answer only from the address it
     * asked, found no reflexive address. Each address now answers from itself.
     */
    @Test
    void onAWildcardHostEachAnswerComesFromTheAddressItWasAskedAt() throws Exception {
        Optional<InetAddress> other = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(network -> Collections.list(network.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .findFirst();
        assumeTrue(other.isPresent(), "this machine has an IPv4 address besides loopback");
        for (String wildcard : List.of("0.0.0.0", "::")) {
            try (StunServer everywhere = StunServer.start(wildcard, 0)) {
                for (InetAddress asked : List.of(other.get(), InetAddress.getLoopbackAddress())) {
                    byte[] request = bindingRequest(new byte[12]);
                    client.send(new DatagramPacket(request, request.length, asked, everywhere.port()));
                    DatagramPacket answer = new DatagramPacket(new byte[1500], 1500);
                    client.receive(answer);
                    assertThat(answer.getAddress()).as("on " + wildcard + ", the answer's source, asked at " + asked).isEqualTo(asked);
                    assertThat(answer.getPort()).isEqualTo(everywhere.port());
                    assertThat(StunMessagesTest.Decoded.of(Arrays.copyOf(answer.getData(), answer.getLength())).address())
                            .isEqualTo(new InetSocketAddress("127.0.0.1", client.getLocalPort()));
                }
            }
        }
    }

    /** Binding each address of a wildcard host, a port another process holds still fails the start, naming it. */
    @Test
    void onAWildcardHostAPortTakenFailsTheStart() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("0.0.0.0", 0))) {
            assertThatThrownBy(() -> StunServer.start("0.0.0.0", taken.getLocalPort())).isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageStartingWith("cannot bind STUN on udp 0.0.0.0 (").hasMessageContaining(":" + taken.getLocalPort() + ": ")
                    .hasMessageEndingWith("; give another --stun-port, or --no-stun to start without it");
        }
    }

    private static void send(DatagramSocket from, StunServer to, byte[] request) throws Exception {
        from.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), to.port()));
    }

    /** How many answers arrive before 300 ms of silence. */
    private static int answers(DatagramSocket socket) throws Exception {
        socket.setSoTimeout(300);
        int count = 0;
        while (true) {
            try {
                socket.receive(new DatagramPacket(new byte[1500], 1500));
                count++;
            }
            catch (SocketTimeoutException silence) {
                return count;
            }
        }
    }

    /** Each failed bind says the way out that fits it: another port helps a taken one only. */
    @Test
    void aFailedBindSaysTheWayOutThatFitsItsCause() {
        assertThat(StunServer.wayOut(new java.net.BindException("Address already in use"))).contains("another --stun-port");
        assertThat(StunServer.wayOut(new java.net.BindException("Permission denied"))).contains("CAP_NET_BIND_SERVICE").contains("1024 or above");
        assertThat(StunServer.wayOut(new java.net.BindException("Cannot assign requested address"))).doesNotContain("--stun-port").contains("--no-stun");
    }
}
