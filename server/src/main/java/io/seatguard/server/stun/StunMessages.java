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
 * <p>The answer holds only what a client needs, so it stays small against the request (a spoofed
 * request aims the answer at a third party): XOR-MAPPED-ADDRESS, and FINGERPRINT only when the request
 * carried one (RFC 8489 §14.7: used to tell STUN from other traffic multiplexed on a port, which a client
 * that sent none does not do). No SOFTWARE attribute: it is optional (§14.14) and was most of the size.
 * An answer is 32 bytes (IPv4) or 44 (IPv6), 8 more with FINGERPRINT; with the 28 (IPv4) or 48 (IPv6)
 * bytes of UDP and IP headers, at most 1.36 times the smallest request on the wire (92 against 68, IPv6).
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
     * @param fingerprint whether it ends with a FINGERPRINT attribute, so the answer carries one too
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
        return Optional.of(new BindingRequest(transaction, endsWithFingerprint(datagram, length)));
    }

    /** Whether the attributes after the header end with a FINGERPRINT (which must come last, §14.7). */
    private static boolean endsWithFingerprint(byte[] datagram, int length) {
        int position = HEADER_BYTES;
        int last = -1;
        while (position + 4 <= length) {
            last = (datagram[position] & 0xFF) << 8 | datagram[position + 1] & 0xFF;
            int attributeLength = (datagram[position + 2] & 0xFF) << 8 | datagram[position + 3] & 0xFF;
            position += 4 + padded(attributeLength);
        }
        return position == length && last == FINGERPRINT;
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

    private static int padded(int length) {
        return (length + 3) & ~3;
    }
}
