package io.seatguard.server.stun;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The two STUN messages we speak (RFC 8489): a Binding request in, a Binding success response out with
 * the sender's address as we saw it (XOR-MAPPED-ADDRESS). That address is the browser's real network on
 * the UDP path, which an HTTP-only proxy or a browser VPN extension does not carry. Pure: bytes in,
 * bytes out; never throws on any input.
 *
 * <p>A request is answered only when its attributes are well-formed and hold nothing the responder may
 * not ignore ({@link StunAttributes}: they fill the message exactly, no comprehension-required type, a
 * FINGERPRINT only last, of 4 bytes and with the right CRC).
 *
 * <p>The answer holds only what a client needs, so it stays small against the request (a spoofed
 * request aims the answer at a third party): XOR-MAPPED-ADDRESS, and FINGERPRINT only when the request
 * carried one (RFC 8489 §14.7: used to tell STUN from other traffic multiplexed on a port, which a client
 * that sent none does not do). No SOFTWARE attribute: it is optional (§14.14) and was most of the size.
 * An answer is 32 bytes (IPv4) or 44 (IPv6), 8 more with FINGERPRINT. Its size depends on nothing else,
 * so the smallest requests answered are the worst case: the header alone (20 bytes) and the header with a
 * FINGERPRINT (28). With the 28 (IPv4) or 48 (IPv6) bytes of UDP and IP headers, an answer is at most
 * 1.36 times the request on the wire (92 against 68, a bare request over IPv6; 100 against 76 with a
 * FINGERPRINT).
 */
public final class StunMessages {
    static final int HEADER_BYTES = 20;
    static final int MAGIC_COOKIE = 0x2112A442;
    static final int BINDING_REQUEST = 0x0001;
    static final int BINDING_SUCCESS = 0x0101;
    static final int XOR_MAPPED_ADDRESS = 0x0020;
    static final int FINGERPRINT = 0x8028;
    static final int FINGERPRINT_XOR = 0x5354554E;

    private StunMessages() {}

    /**
     * A well-formed Binding request.
     *
     * @param transaction its transaction id (12 bytes)
     * @param fingerprint whether it ends with a right FINGERPRINT attribute, so the answer carries one too
     */
    public record BindingRequest(byte[] transaction, boolean fingerprint) {}

    /** The Binding request in {@code datagram}, or empty for anything that is not a well-formed one. */
    public static Optional<BindingRequest> bindingRequest(byte[] datagram, int length) {
        if (datagram == null || length < HEADER_BYTES || length > datagram.length) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(datagram, 0, length);
        int type = in.getShort() & 0xFFFF;
        int bodyLength = in.getShort() & 0xFFFF;
        int cookie = in.getInt();
        // The top two bits of every STUN message are zero; that and the cookie tell STUN from other traffic.
        if ((type & 0xC000) != 0 || cookie != MAGIC_COOKIE || bodyLength % 4 != 0 || bodyLength != length - HEADER_BYTES) {
            return Optional.empty();
        }
        if (type != BINDING_REQUEST) {
            return Optional.empty();
        }
        byte[] transaction = new byte[12];
        in.get(transaction);
        return switch (StunAttributes.judge(datagram, length)) {
            case REFUSED -> Optional.empty();
            case PLAIN -> Optional.of(new BindingRequest(transaction, false));
            case FINGERPRINTED -> Optional.of(new BindingRequest(transaction, true));
        };
    }

    /** The success response to {@code request} from {@code sender}. */
    public static byte[] bindingSuccess(BindingRequest request, InetSocketAddress sender) {
        byte[] transaction = request.transaction();
        InetAddress address = sender.getAddress();
        byte[] raw = address.getAddress();
        int addressAttribute = 4 + raw.length;
        int bodyLength = (4 + addressAttribute) + (request.fingerprint() ? 8 : 0);
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + bodyLength);
        out.putShort((short) BINDING_SUCCESS).putShort((short) bodyLength).putInt(MAGIC_COOKIE).put(transaction);

        out.putShort((short) XOR_MAPPED_ADDRESS).putShort((short) addressAttribute);
        out.put((byte) 0).put((byte) (address instanceof Inet4Address ? 0x01 : 0x02));
        out.putShort((short) (sender.getPort() ^ (MAGIC_COOKIE >>> 16)));
        byte[] mask = xorMask(transaction);
        for (int i = 0; i < raw.length; i++) {
            out.put((byte) (raw[i] ^ mask[i]));
        }

        if (request.fingerprint()) {
            // FINGERPRINT covers everything before it, with the header's length already counting it (§14.7).
            int before = out.position();
            CRC32 crc = new CRC32();
            crc.update(out.array(), 0, before);
            out.putShort((short) FINGERPRINT).putShort((short) 4).putInt((int) crc.getValue() ^ FINGERPRINT_XOR);
        }
        return out.array();
    }

    /** The cookie then the transaction id: what an address is XOR-ed with (IPv4 uses the first four bytes). */
    static byte[] xorMask(byte[] transaction) {
        byte[] mask = new byte[16];
        ByteBuffer.wrap(mask).putInt(MAGIC_COOKIE).put(transaction);
        return mask;
    }
}
