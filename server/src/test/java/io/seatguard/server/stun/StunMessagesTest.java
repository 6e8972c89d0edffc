package io.seatguard.server.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** STUN messages against RFC 5769's test vectors, hand-made malformed requests, and arbitrary bytes. */
class StunMessagesTest {
    private static final HexFormat HEX = HexFormat.of();
    /** RFC 5769 §2.1: a Binding request with SOFTWARE, PRIORITY, ICE-CONTROLLED, USERNAME, MESSAGE-INTEGRITY and FINGERPRINT. */
    private static final byte[] RFC5769_REQUEST = HEX.parseHex(
            "000100582112a442b7e7a701bc34d686fa87dfae" + "80220010" + "5354554e207465737420636c69656e74" // SOFTWARE "STUN test client"
                    + "002400046e0001ff80290008932ff9b151263b36000600096576746a3a68367659202020"
                    + "000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a280280004e57a3bcf");
    private static final byte[] TRANSACTION = StunRequests.TRANSACTION;
    /** What Chromium 156 sent the responder during server-reflexive gathering (StunCandidateBrowserTest): no attributes. */
    private static final byte[] CHROMIUM_REQUEST = HEX.parseHex("000100002112a442627162343031424362752b6e");
    private static final InetSocketAddress V4 = new InetSocketAddress("192.0.2.1", 32853);
    private static final InetSocketAddress V6 = new InetSocketAddress("2001:db8::1", 32853);

    @Test
    void ourFingerprintAlgorithmReproducesTheRfcRequests() {
        int before = RFC5769_REQUEST.length - 8;
        CRC32 crc = new CRC32();
        crc.update(RFC5769_REQUEST, 0, before);
        assertThat((int) crc.getValue() ^ StunMessages.FINGERPRINT_XOR).isEqualTo(ByteBuffer.wrap(RFC5769_REQUEST, before + 4, 4).getInt());
    }

    @Test
    void whatBrowsersSendIsABindingRequestWithItsTransaction() {
        assertThat(StunMessages.bindingRequest(CHROMIUM_REQUEST, CHROMIUM_REQUEST.length)).hasValueSatisfying(request -> {
            assertThat(request.transaction()).isEqualTo(HEX.parseHex("627162343031424362752b6e"));
            assertThat(request.fingerprint()).isFalse();
        });
        // Firefox (nICEr) puts a FINGERPRINT on every request, and nothing else on one to a STUN server.
        byte[] firefox = StunRequests.withFingerprint(StunRequests.bareRequest());
        assertThat(StunMessages.bindingRequest(firefox, firefox.length)).hasValueSatisfying(request -> {
            assertThat(request.transaction()).isEqualTo(TRANSACTION);
            assertThat(request.fingerprint()).isTrue();
        });
    }

    /** RFC 8489 §14: an agent ignores a comprehension-optional attribute (0x8000 and up) it does not know. */
    @Test
    void comprehensionOptionalAttributesAreIgnored() {
        // RFC 5769's SOFTWARE and ICE-CONTROLLED, an unassigned optional type, and a value whose length needs padding.
        byte[] optional = StunRequests.request(HEX.parseHex("802200105354554e207465737420636c69656e74"),
                HEX.parseHex("80290008932ff9b151263b36"), StunRequests.attribute(0xC057, 0), StunRequests.attribute(0xFFFF, 5));
        assertThat(StunMessages.bindingRequest(optional, optional.length)).hasValueSatisfying(request -> assertThat(request.fingerprint()).isFalse());
        byte[] fingerprinted = StunRequests.withFingerprint(optional);
        assertThat(StunMessages.bindingRequest(fingerprinted, fingerprinted.length))
                .hasValueSatisfying(request -> assertThat(request.fingerprint()).isTrue());
    }

    /** Review finding: a 24-byte request with a FINGERPRINT of no bytes had a 52-byte answer on IPv6 (72 to 100 on the wire, 1.389). */
    @Test
    void aFingerprintOfNoBytesIsRefused() {
        byte[] request = StunRequests.emptyFingerprint();
        assertThat(HEX.formatHex(request)).isEqualTo("000100042112a442" + HEX.formatHex(TRANSACTION) + "80280000");
        assertThat(StunMessages.bindingRequest(request, request.length)).isEmpty();
        byte[] padded = StunRequests.request(StunRequests.attribute(StunMessages.FINGERPRINT, 3));
        assertThat(StunMessages.bindingRequest(padded, padded.length)).as("3 bytes, padded to 4").isEmpty();
        byte[] longer = StunRequests.request(StunRequests.attribute(StunMessages.FINGERPRINT, 8));
        assertThat(StunMessages.bindingRequest(longer, longer.length)).as("8 bytes").isEmpty();
    }

    /** Review finding: a FINGERPRINT with a wrong CRC was answered; RFC 8489 §14.7 says the message is then not STUN. */
    @Test
    void aFingerprintWithAWrongCrcIsRefused() {
        byte[] request = StunRequests.wrongFingerprint();
        assertThat(StunMessages.bindingRequest(request, request.length)).isEmpty();
        byte[] rfcTampered = RFC5769_REQUEST.clone();
        rfcTampered[RFC5769_REQUEST.length - 1] ^= 0x10;
        assertThat(StunMessages.bindingRequest(rfcTampered, rfcTampered.length)).isEmpty();
    }

    /** RFC 8489 §14.7: FINGERPRINT is the last attribute. */
    @Test
    void aFingerprintFollowedByAnotherAttributeIsRefused() {
        byte[] fingerprinted = StunRequests.withFingerprint(StunRequests.bareRequest());
        byte[] request = StunRequests.request(Arrays.copyOfRange(fingerprinted, 20, 28), StunRequests.attribute(StunRequests.SOFTWARE, 4));
        assertThat(StunMessages.bindingRequest(request, request.length)).isEmpty();
    }

    /** Review finding: a header length of 4 with one attribute claiming 0xFFFF bytes was answered. */
    @Test
    void attributesThatDoNotFillTheMessageExactlyAreRefused() {
        byte[] request = StunRequests.attributeLongerThanTheMessage();
        assertThat(HEX.formatHex(request)).isEqualTo("000100042112a442" + HEX.formatHex(TRANSACTION) + "8022ffff");
        assertThat(StunMessages.bindingRequest(request, request.length)).isEmpty();
        // 5 bytes of value pad to 8, one attribute of 12 in a body of 8.
        byte[] padding = StunRequests.request(StunRequests.attribute(StunRequests.SOFTWARE, 0), StunRequests.attribute(StunRequests.SOFTWARE, 0));
        ByteBuffer.wrap(padding).putShort(22, (short) 5);
        assertThat(StunMessages.bindingRequest(padding, padding.length)).isEmpty();
        // The last attribute's header fits, its value does not.
        byte[] overrun = StunRequests.request(StunRequests.attribute(StunRequests.SOFTWARE, 0), StunRequests.attribute(StunRequests.SOFTWARE, 0));
        ByteBuffer.wrap(overrun).putShort(26, (short) 4);
        assertThat(StunMessages.bindingRequest(overrun, overrun.length)).isEmpty();
    }

    /**
     * Review finding: a comprehension-required attribute (type below 0x8000) the server does not understand
     * was answered with a success. RFC 8489 §6.3.1.1 would have a 420 error; the responder understands none
     * and answers only plain Binding requests, so it stays silent, as it does for anything else it does not answer.
     */
    @ParameterizedTest
    @ValueSource(ints = {0x7FFF, 0x0003 /* RFC 5780 CHANGE-REQUEST */, 0x0024 /* ICE PRIORITY */, 0x0025 /* ICE USE-CANDIDATE */,
            0x0006 /* USERNAME */, 0x0000})
    void anUnknownComprehensionRequiredAttributeIsRefused(int type) {
        byte[] request = StunRequests.unknownComprehensionRequired(type);
        assertThat(StunMessages.bindingRequest(request, request.length)).isEmpty();
        byte[] fingerprinted = StunRequests.withFingerprint(request);
        assertThat(StunMessages.bindingRequest(fingerprinted, fingerprinted.length)).isEmpty();
    }

    /** RFC 5769's request is an ICE connectivity check (USERNAME, PRIORITY, MESSAGE-INTEGRITY): credentials we do not hold. */
    @Test
    void anIceConnectivityCheckIsRefused() {
        assertThat(StunMessages.bindingRequest(RFC5769_REQUEST, RFC5769_REQUEST.length)).isEmpty();
    }

    /**
     * Review finding (amplification): a 20-byte request was answered with 56 to 68 bytes (SOFTWARE and an
     * unasked FINGERPRINT). Now the answer is at most 1.36 times the request on the wire, UDP and IP
     * headers included (28 bytes for IPv4, 48 for IPv6). The answer's size depends only on the family and on
     * whether the request had a FINGERPRINT, so the smallest request accepted of each kind is the worst case:
     * the header alone (20 bytes), and the header with a FINGERPRINT (28; one of no bytes is refused).
     */
    @Test
    void theSmallestAcceptedRequestsAreAnsweredWithinTheBoundOnBothFamilies() {
        byte[] bare = StunRequests.bareRequest();
        byte[] withFingerprint = StunRequests.withFingerprint(bare);
        StunMessages.BindingRequest plain = StunMessages.bindingRequest(bare, bare.length).orElseThrow();
        StunMessages.BindingRequest fingerprinted = StunMessages.bindingRequest(withFingerprint, withFingerprint.length).orElseThrow();
        assertThat(fingerprinted.fingerprint()).isTrue();

        assertThat(StunMessages.bindingSuccess(plain, V4)).hasSize(32);
        assertThat(StunMessages.bindingSuccess(plain, V6)).hasSize(44);
        assertThat(StunMessages.bindingSuccess(fingerprinted, V4)).hasSize(40);
        assertThat(StunMessages.bindingSuccess(fingerprinted, V6)).hasSize(52);
        assertThat(wireRatio(bare, V4)).isEqualTo(60.0 / 48);
        assertThat(wireRatio(bare, V6)).as("the worst case: 92 against 68").isEqualTo(92.0 / 68).isLessThanOrEqualTo(1.36);
        assertThat(wireRatio(withFingerprint, V4)).isEqualTo(68.0 / 56);
        assertThat(wireRatio(withFingerprint, V6)).isEqualTo(100.0 / 76);
        for (InetSocketAddress sender : List.of(V4, V6)) {
            for (byte[] request : List.of(bare, withFingerprint)) {
                assertWellFormed(StunMessages.bindingSuccess(StunMessages.bindingRequest(request, request.length).orElseThrow(), sender));
            }
        }
        assertThat(HEX.formatHex(StunMessages.bindingSuccess(plain, V4))).doesNotContain("8022");
    }

    /** Whatever a request holds, if it is answered the answer stays within the bound on both families. */
    @Property(tries = 3000)
    void noAnsweredRequestIsAmplifiedBeyondTheBound(@ForAll("requests") byte[] request) {
        Optional<StunMessages.BindingRequest> answered = StunMessages.bindingRequest(request, request.length);
        answered.ifPresent(accepted -> {
            for (InetSocketAddress sender : List.of(V4, V6)) {
                assertThat(wireRatio(request, sender)).as("%s, request %s", sender, HEX.formatHex(request)).isLessThanOrEqualTo(1.36);
            }
        });
        Statistics.label("answered").collect(answered.isPresent(), answered.map(StunMessages.BindingRequest::fingerprint).orElse(false));
        // The property says something only if many requests, with and without FINGERPRINT, are answered.
        Statistics.label("answered").coverage(coverage -> {
            coverage.check(true, false).percentage(percent -> percent > 5);
            coverage.check(true, true).percentage(percent -> percent > 5);
        });
    }

    /** Binding requests of a few attributes of any kind and length, FINGERPRINTs among them, some ending with a right one. */
    @Provide
    Arbitrary<byte[]> requests() {
        Arbitrary<byte[]> attribute = Combinators.combine(
                        Arbitraries.of(StunMessages.FINGERPRINT, StunRequests.SOFTWARE, 0x8029, 0xC057, 0x0003, 0x0024, 0x7FFF),
                        Arbitraries.integers().between(0, 9))
                .as(StunRequests::attribute);
        return Combinators.combine(attribute.list().ofMaxSize(3), Arbitraries.of(true, false)).as((attributes, fingerprint) -> {
            byte[] request = StunRequests.request(attributes.toArray(byte[][]::new));
            return fingerprint ? StunRequests.withFingerprint(request) : request;
        });
    }

    /** The answer to {@code request} from {@code sender} against the request, both with their UDP and IP headers. */
    private static double wireRatio(byte[] request, InetSocketAddress sender) {
        int headers = sender.getAddress() instanceof Inet4Address ? 28 : 48;
        byte[] answer = StunMessages.bindingSuccess(StunMessages.bindingRequest(request, request.length).orElseThrow(), sender);
        return (double) (answer.length + headers) / (request.length + headers);
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
