package io.seatguard.server.stun;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.CRC32;

/** Hand-made Binding requests, well-formed and not, for the STUN tests. */
final class StunRequests {
    static final byte[] TRANSACTION = HexFormat.of().parseHex("b7e7a701bc34d686fa87dfae");
    static final int SOFTWARE = 0x8022;

    private StunRequests() {}

    /** A Binding request of the header alone, as Chromium sends to a STUN server (captured from Chromium 156). */
    static byte[] bareRequest() {
        return request();
    }

    /** A Binding request of {@code attributes}, each already a whole TLV; the header counts them all. */
    static byte[] request(byte[]... attributes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] attribute : attributes) {
            body.writeBytes(attribute);
        }
        return ByteBuffer.allocate(20 + body.size()).putShort((short) StunMessages.BINDING_REQUEST).putShort((short) body.size())
                .putInt(StunMessages.MAGIC_COOKIE).put(TRANSACTION).put(body.toByteArray()).array();
    }

    /** One attribute: its header saying {@code length}, then {@code length} bytes of value padded with zeros to 4. */
    static byte[] attribute(int type, int length) {
        return ByteBuffer.allocate(4 + ((length + 3) & ~3)).putShort((short) type).putShort((short) length).array();
    }

    /** {@code request} with a FINGERPRINT appended, its length counted in the header as RFC 8489 §14.7 asks. */
    static byte[] withFingerprint(byte[] request) {
        ByteBuffer out = ByteBuffer.allocate(request.length + 8).put(request);
        out.putShort(2, (short) (request.length - 20 + 8));
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, request.length);
        out.putShort((short) StunMessages.FINGERPRINT).putShort((short) 4).putInt((int) crc.getValue() ^ StunMessages.FINGERPRINT_XOR);
        return out.array();
    }

    /** Review finding: a FINGERPRINT of no bytes, 24 bytes in all, was answered as if it had a fingerprint. */
    static byte[] emptyFingerprint() {
        return request(attribute(StunMessages.FINGERPRINT, 0));
    }

    /** Review finding: a FINGERPRINT whose CRC is not the message's (RFC 8489 §14.7: then it is not STUN). */
    static byte[] wrongFingerprint() {
        byte[] request = withFingerprint(bareRequest());
        request[request.length - 1] ^= 1;
        return request;
    }

    /** Review finding: a header length of 4 with one attribute claiming 0xFFFF bytes. */
    static byte[] attributeLongerThanTheMessage() {
        byte[] request = request(attribute(SOFTWARE, 0));
        ByteBuffer.wrap(request).putShort(22, (short) 0xFFFF);
        return request;
    }

    /** Review finding: an attribute the server does not understand and may not ignore (type below 0x8000). */
    static byte[] unknownComprehensionRequired(int type) {
        return request(attribute(type, 4));
    }
}
