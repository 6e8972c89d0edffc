package io.seatguard.core.net;

import java.util.Optional;

/**
 * IPv6 address text, read and written the one way the standards and browsers agree on: RFC 4291 §2.2's
 * forms in RFC 3986's grammar (pieces of one to four hex digits, one {@code ::}, the last 32 bits
 * optionally as a dotted quad of decimal octets without leading zeros), which is also WHATWG URL's IPv6
 * parser. Chromium reads a host in brackets the same way, but for an embedded octet with a leading zero,
 * which it reads as octal where the standard refuses it.
 *
 * <p>Why not the JDK's reader: it also takes a piece of five or more digits when they start with zeros
 * ({@code 00000::1}) and an embedded octet with a leading zero ({@code ::ffff:010.0.0.1}, read as
 * decimal 10 where other readers refuse it, or read it as octal 8). Seatguard refuses {@code 010.0.0.1}
 * written alone for that ambiguity, and the same address written inside IPv6 text must not slip past.
 */
public final class Ipv6Literals {
    private static final int PIECES = 8;

    private Ipv6Literals() {}

    /** The sixteen bytes {@code text} stands for, or empty when it is not an IPv6 address in the grammar above. */
    public static Optional<byte[]> parse(String text) {
        int[] pieces = pieces(text);
        if (pieces == null) {
            return Optional.empty();
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < PIECES; i++) {
            bytes[2 * i] = (byte) (pieces[i] >> 8);
            bytes[2 * i + 1] = (byte) pieces[i];
        }
        return Optional.of(bytes);
    }

    /**
     * RFC 5952's text of sixteen bytes, which is also WHATWG's serialization: lower-case hex without leading
     * zeros, the first longest run of two or more zero pieces as {@code ::}, never a dotted quad.
     */
    public static String compressed(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("an IPv6 address is 16 bytes, not " + bytes.length);
        }
        int[] pieces = new int[PIECES];
        for (int i = 0; i < PIECES; i++) {
            pieces[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < PIECES; ) {
            if (pieces[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < PIECES && pieces[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < PIECES; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(pieces[i]));
        }
        return text.toString();
    }

    /** WHATWG URL's "IPv6 parser", step by step; null where it fails. */
    private static int[] pieces(String text) {
        int[] pieces = new int[PIECES];
        int index = 0;
        int compress = -1;
        int at = 0;
        int length = text.length();
        if (at < length && text.charAt(at) == ':') {
            if (at + 1 >= length || text.charAt(at + 1) != ':') {
                return null;
            }
            at += 2;
            index++;
            compress = index;
        }
        while (at < length) {
            if (index == PIECES) {
                return null;
            }
            if (text.charAt(at) == ':') {
                if (compress != -1) {
                    return null;
                }
                at++;
                index++;
                compress = index;
                continue;
            }
            int value = 0;
            int digits = 0;
            while (digits < 4 && at < length && hex(text.charAt(at)) >= 0) {
                value = value * 16 + hex(text.charAt(at));
                at++;
                digits++;
            }
            if (at < length && text.charAt(at) == '.') {
                // The last 32 bits written as a dotted quad, read again from the piece's start with the
                // grammar of an IPv4 address alone: decimal octets, no leading zeros.
                byte[] ipv4 = index > PIECES - 2 || digits == 0 ? null : IpAddresses.dottedQuad(text.substring(at - digits));
                if (ipv4 == null) {
                    return null;
                }
                pieces[index++] = ((ipv4[0] & 0xff) << 8) | (ipv4[1] & 0xff);
                pieces[index++] = ((ipv4[2] & 0xff) << 8) | (ipv4[3] & 0xff);
                break;
            }
            if (at < length && text.charAt(at) == ':') {
                at++;
                if (at >= length) {
                    return null;
                }
            }
            else if (at < length) {
                return null;
            }
            pieces[index] = value;
            index++;
        }
        if (compress != -1) {
            // Move the pieces after "::" to the end; the zeros between are the ones it stands for.
            int swaps = index - compress;
            index = PIECES - 1;
            while (index != 0 && swaps > 0) {
                int swapped = pieces[index];
                pieces[index] = pieces[compress + swaps - 1];
                pieces[compress + swaps - 1] = swapped;
                index--;
                swaps--;
            }
        }
        else if (index != PIECES) {
            return null;
        }
        return pieces;
    }

    /** Character.digit would also take other scripts' digits, which no address is written in. */
    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
