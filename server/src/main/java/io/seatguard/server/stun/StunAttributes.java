package io.seatguard.server.stun;

import java.util.zip.CRC32;

/**
 * Judges the attributes of a Binding request, so that the responder answers only requests that are
 * well-formed and that it fully understands (RFC 8489 §14). Pure: bytes in, a verdict out; never throws.
 *
 * <p>Attributes are type-length-value, the value padded to a multiple of 4 bytes, and together they fill
 * the message's length exactly. An attribute whose type is below 0x8000 is comprehension-required: a
 * server that does not understand it must not act as if it were absent. The responder understands none
 * (USERNAME and MESSAGE-INTEGRITY are credentials it does not hold; PRIORITY and USE-CANDIDATE are ICE
 * connectivity checks between peers; CHANGE-REQUEST asks for RFC 5780's NAT-behaviour tests). RFC 8489
 * §6.3.1.1 would answer such a request with a 420 (Unknown Attribute) error; the responder stays silent
 * instead, as for anything else it does not answer, so an error answer cannot serve as an amplifier
 * either. Browsers ask a STUN server with no comprehension-required attribute: Chromium sends the header
 * alone, Firefox the header and a FINGERPRINT. Comprehension-optional attributes (0x8000 and up, as
 * SOFTWARE or ICE-CONTROLLED) are ignored, as §14 allows.
 *
 * <p>FINGERPRINT (§14.7), when present, is the last attribute, 4 bytes long, and holds the CRC-32 of the
 * message before it XOR 0x5354554e; otherwise the datagram is not STUN. Its length matters to the
 * amplification bound: a request with a FINGERPRINT gets one back, so it must have paid for it.
 */
final class StunAttributes {
    /** What a request's attributes make of it. */
    enum Verdict {
        /** Malformed, or holding an attribute we may not ignore: no answer. */
        REFUSED,
        /** Well-formed, without FINGERPRINT. */
        PLAIN,
        /** Well-formed and ending with a right FINGERPRINT, so the answer carries one too. */
        FINGERPRINTED
    }

    private static final int COMPREHENSION_OPTIONAL = 0x8000;
    private static final int FINGERPRINT_BYTES = 4;

    private StunAttributes() {}

    /**
     * The verdict on the attributes of the message in {@code message[0, length)}, whose 20-byte header has
     * been checked (its length field is {@code length - 20}).
     */
    static Verdict judge(byte[] message, int length) {
        int position = StunMessages.HEADER_BYTES;
        while (position < length) {
            if (length - position < 4) {
                return Verdict.REFUSED;
            }
            int type = unsignedShort(message, position);
            int valueLength = unsignedShort(message, position + 2);
            int end = position + 4 + padded(valueLength);
            if (end > length) {
                return Verdict.REFUSED;
            }
            if (type == StunMessages.FINGERPRINT) {
                return end == length && valueLength == FINGERPRINT_BYTES && fingerprintMatches(message, position)
                        ? Verdict.FINGERPRINTED
                        : Verdict.REFUSED;
            }
            if (type < COMPREHENSION_OPTIONAL) {
                return Verdict.REFUSED;
            }
            position = end;
        }
        return Verdict.PLAIN;
    }

    /** Whether the FINGERPRINT at {@code at} is the CRC-32 of everything before it, XOR-ed as §14.7 says. */
    private static boolean fingerprintMatches(byte[] message, int at) {
        CRC32 crc = new CRC32();
        crc.update(message, 0, at);
        int carried = unsignedShort(message, at + 4) << 16 | unsignedShort(message, at + 6);
        return carried == ((int) crc.getValue() ^ StunMessages.FINGERPRINT_XOR);
    }

    private static int unsignedShort(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }
}
