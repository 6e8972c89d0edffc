package io.seatguard.server.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** STUN messages against RFC 5769's test vectors, and arbitrary bytes. */
class StunMessagesTest {
    private static final HexFormat HEX = HexFormat.of();
    /** RFC 5769 §2.1: a Binding request with SOFTWARE, PRIORITY, ICE-CONTROLLED, USERNAME, MESSAGE-INTEGRITY and FINGERPRINT. */
    private static final byte[] RFC5769_REQUEST = HEX.parseHex(
            "000100582112a442b7e7a701bc34d686fa87dfae" + "80220010" + "5354554e207465737420636c69656e74" // SOFTWARE "STUN test client"
                    + "002400046e0001ff80290008932ff9b151263b36000600096576746a3a68367659202020"
                    + "000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a280280004e57a3bcf");
    private static final byte[] TRANSACTION = HEX.parseHex("b7e7a701bc34d686fa87dfae");

    @Test
    void ourFingerprintAlgorithmReproducesTheRfcRequests() {
        int before = RFC5769_REQUEST.length - 8;
        CRC32 crc = new CRC32();
        crc.update(RFC5769_REQUEST, 0, before);
        assertThat((int) crc.getValue() ^ StunMessages.FINGERPRINT_XOR).isEqualTo(ByteBuffer.wrap(RFC5769_REQUEST, before + 4, 4).getInt());
    }

    @Test
    void theRfcRequestIsABindingRequestWithItsTransactionAndAFingerprint() {
        assertThat(StunMessages.bindingRequest(RFC5769_REQUEST, RFC5769_REQUEST.length)).hasValueSatisfying(request -> {
            assertThat(request.transaction()).isEqualTo(TRANSACTION);
            assertThat(request.fingerprint()).isTrue();
        });
        byte[] bare = bareRequest();
        assertThat(StunMessages.bindingRequest(bare, bare.length)).hasValueSatisfying(request -> assertThat(request.fingerprint()).isFalse());
    }

    /**
     * Review finding (amplification): a 20-byte request was answered with 56 to 68 bytes (SOFTWARE and an
     * unasked FINGERPRINT). Now the answer is at most 1.36 times the request on the wire, UDP and IP
     * headers included (28 bytes for IPv4, 48 for IPv6).
     */
    @Test
    void theAnswerIsNoMoreThanAThirdLargerThanTheRequestOnTheWire() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 32853);
        byte[] bare = bareRequest();
        byte[] withFingerprint = withFingerprint(bare);
        StunMessages.BindingRequest plain = StunMessages.bindingRequest(bare, bare.length).orElseThrow();
        StunMessages.BindingRequest fingerprinted = StunMessages.bindingRequest(withFingerprint, withFingerprint.length).orElseThrow();
        assertThat(fingerprinted.fingerprint()).isTrue();

        assertThat(StunMessages.bindingSuccess(plain, v4)).hasSize(32);
        assertThat(StunMessages.bindingSuccess(plain, v6)).hasSize(44);
        assertThat(StunMessages.bindingSuccess(fingerprinted, v4)).hasSize(40);
        assertThat(StunMessages.bindingSuccess(fingerprinted, v6)).hasSize(52);
        for (InetSocketAddress sender : List.of(v4, v6)) {
            int headers = sender.getAddress() instanceof Inet4Address ? 28 : 48;
            for (byte[] request : List.of(bare, withFingerprint)) {
                byte[] answer = StunMessages.bindingSuccess(StunMessages.bindingRequest(request, request.length).orElseThrow(), sender);
                assertWellFormed(answer);
                assertThat((double) (answer.length + headers) / (request.length + headers)).as(sender + ", request of " + request.length)
                        .isLessThanOrEqualTo(1.36);
            }
        }
        assertThat(HEX.formatHex(StunMessages.bindingSuccess(plain, v4))).doesNotContain("8022");
    }

    @Test
    void theResponseMapsAnIpv4SenderAsTheRfcDoes() throws Exception {
        byte[] response = StunMessages.bindingSuccess(new StunMessages.BindingRequest(TRANSACTION, true),
                new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        // RFC 5769 §2.2: XOR-MAPPED-ADDRESS of 192.0.2.1:32853 with this transaction.
        assertThat(HEX.formatHex(attribute(response, StunMessages.XOR_MAPPED_ADDRESS))).isEqualTo("0001a147e112a643");
        assertWellFormed(response);
        assertThat(Decoded.of(response).address()).isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
    }

    @Test
    void theResponseMapsAnIpv6SenderAsTheRfcDoes() throws Exception {
        InetAddress sender = InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677");
        byte[] response = StunMessages.bindingSuccess(new StunMessages.BindingRequest(TRANSACTION, false), new InetSocketAddress(sender, 32853));
        // RFC 5769 §2.3.
        assertThat(HEX.formatHex(attribute(response, StunMessages.XOR_MAPPED_ADDRESS))).isEqualTo("0002a1470113a9faa5d3f179bc25f4b5bed2b9d9");
        assertWellFormed(response);
        assertThat(Decoded.of(response).address()).isEqualTo(new InetSocketAddress(sender, 32853));
    }

    @Test
    void anythingButAWellFormedBindingRequestIsRefused() {
        byte[] copy = RFC5769_REQUEST.clone();
        assertThat(StunMessages.bindingRequest(copy, 19)).as("shorter than a header").isEmpty();
        assertThat(StunMessages.bindingRequest(copy, copy.length - 4)).as("length disagrees with the datagram").isEmpty();
        copy[0] = 0x01;
        copy[1] = 0x11;
        assertThat(StunMessages.bindingRequest(copy, copy.length)).as("a Binding error response").isEmpty();
        byte[] wrongCookie = RFC5769_REQUEST.clone();
        wrongCookie[4] = 0;
        assertThat(StunMessages.bindingRequest(wrongCookie, wrongCookie.length)).isEmpty();
        byte[] topBits = RFC5769_REQUEST.clone();
        topBits[0] = (byte) 0xC0;
        assertThat(StunMessages.bindingRequest(topBits, topBits.length)).isEmpty();
        assertThat(StunMessages.bindingRequest(null, 0)).isEmpty();
        assertThat(StunMessages.bindingRequest(new byte[4], 40)).isEmpty();
    }

    @Property(tries = 2000)
    void arbitraryBytesNeverThrow(@ForAll @Size(max = 200) byte[] datagram) {
        StunMessages.bindingRequest(datagram, datagram.length);
        byte[] withCookie = datagram.length >= 20 ? datagram.clone() : new byte[20];
        ByteBuffer.wrap(withCookie).putShort(0, (short) 1).putShort(2, (short) (withCookie.length - 20)).putInt(4, StunMessages.MAGIC_COOKIE);
        StunMessages.bindingRequest(withCookie, withCookie.length);
    }

    /** A Binding request of the header alone, as the SDK's browser sends to a STUN server. */
    static byte[] bareRequest() {
        return ByteBuffer.allocate(20).putShort((short) 1).putShort((short) 0).putInt(StunMessages.MAGIC_COOKIE).put(TRANSACTION).array();
    }

    /** {@code request} with a FINGERPRINT appended, its length counted in the header as §14.7 asks. */
    static byte[] withFingerprint(byte[] request) {
        ByteBuffer out = ByteBuffer.allocate(request.length + 8).put(request);
        out.putShort(2, (short) (request.length - 20 + 8));
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, request.length);
        out.putShort((short) StunMessages.FINGERPRINT).putShort((short) 4).putInt((int) crc.getValue() ^ StunMessages.FINGERPRINT_XOR);
        return out.array();
    }

    /** Checks the header, that attributes fill the body exactly, and the FINGERPRINT when there is one. */
    static void assertWellFormed(byte[] response) {
        ByteBuffer in = ByteBuffer.wrap(response);
        assertThat(in.getShort() & 0xFFFF).isEqualTo(StunMessages.BINDING_SUCCESS);
        assertThat(in.getShort() & 0xFFFF).isEqualTo(response.length - 20);
        assertThat(in.getInt()).isEqualTo(StunMessages.MAGIC_COOKIE);
        int position = 20;
        int fingerprintAt = -1;
        while (position < response.length) {
            int type = ByteBuffer.wrap(response, position, 2).getShort() & 0xFFFF;
            int length = ByteBuffer.wrap(response, position + 2, 2).getShort() & 0xFFFF;
            if (type == StunMessages.FINGERPRINT) {
                fingerprintAt = position;
            }
            position += 4 + ((length + 3) & ~3);
        }
        assertThat(position).isEqualTo(response.length);
        if (fingerprintAt < 0) {
            return;
        }
        assertThat(fingerprintAt).as("FINGERPRINT comes last").isEqualTo(response.length - 8);
        CRC32 crc = new CRC32();
        crc.update(response, 0, fingerprintAt);
        assertThat(ByteBuffer.wrap(response, fingerprintAt + 4, 4).getInt()).isEqualTo((int) crc.getValue() ^ StunMessages.FINGERPRINT_XOR);
    }

    static byte[] attribute(byte[] message, int wanted) {
        int position = 20;
        while (position + 4 <= message.length) {
            int type = ByteBuffer.wrap(message, position, 2).getShort() & 0xFFFF;
            int length = ByteBuffer.wrap(message, position + 2, 2).getShort() & 0xFFFF;
            if (type == wanted) {
                byte[] value = new byte[length];
                System.arraycopy(message, position + 4, value, 0, length);
                return value;
            }
            position += 4 + ((length + 3) & ~3);
        }
        throw new AssertionError("no attribute " + wanted);
    }

    /** A response decoded independently of the encoder: the mapped address. */
    record Decoded(InetSocketAddress address) {
        static Decoded of(byte[] response) throws Exception {
            byte[] value = attribute(response, StunMessages.XOR_MAPPED_ADDRESS);
            byte[] transaction = new byte[12];
            System.arraycopy(response, 8, transaction, 0, 12);
            byte[] mask = StunMessages.xorMask(transaction);
            int port = ((value[2] & 0xff) << 8 | (value[3] & 0xff)) ^ 0x2112;
            byte[] raw = new byte[value[1] == 1 ? 4 : 16];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (byte) (value[4 + i] ^ mask[i]);
            }
            return new Decoded(new InetSocketAddress(InetAddress.getByAddress(raw), port));
        }
    }
}
