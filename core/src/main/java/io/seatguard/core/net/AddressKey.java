package io.seatguard.core.net;

/**
 * An address as a 128-bit number in two longs, compared unsigned, so range tables keep one code path for
 * both families: IPv6 uses both words, IPv4 only the low one (tables keep the families apart, so an IPv4
 * key never meets an IPv6 one).
 */
public final class AddressKey {
    private AddressKey() {}

    public static long high(byte[] address) {
        return address.length == 4 ? 0 : word(address, 0);
    }

    public static long low(byte[] address) {
        return address.length == 4 ? word(address, 0) >>> 32 : word(address, 8);
    }

    public static int compare(long aHigh, long aLow, long bHigh, long bLow) {
        int byHigh = Long.compareUnsigned(aHigh, bHigh);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(aLow, bLow);
    }

    /** Eight bytes from {@code offset}, big-endian; bytes past the end read as zero. */
    private static long word(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            int index = offset + i;
            value = (value << 8) | (index < bytes.length ? bytes[index] & 0xff : 0);
        }
        return value;
    }
}
