package io.seatguard.core.net;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 network written as {@code address/prefix}; a bare address is a single-host network. */
public record Cidr(byte[] network, int prefixLength) {
    /** The bits before an IPv4-mapped address's IPv4 part: {@code ::ffff:0:0/96}. */
    private static final int MAPPED_PREFIX_BITS = 96;

    /** Compiled once: a list of 100,000 ranges is parsed whenever it changes, and String.matches compiles per call. */
    private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");

    /** What a value that is not a range is told, whatever else is wrong with it. */
    private static final String EXPECTATION = "must be an IP address or a CIDR range such as 203.0.113.0/24";

    public Cidr {
        requireNonNull(network, "network is null");
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("network must be 4 or 16 bytes");
        }
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        network = mask(network.clone(), prefixLength);
    }

    /**
     * Parses {@code 10.0.0.0/8}, {@code ::1} or {@code 2001:db8::/32}; empty when it is not one of those.
     *
     * <p>An IPv4-mapped address ({@code ::ffff:198.51.100.0}, RFC 4291 §2.5.5.2) is the IPv4 address it
     * carries, as {@link IpAddresses#parse} reads it and as every client address is compared, but its prefix
     * is written in IPv6 notation and so counts IPv6's 128 bits: {@code ::ffff:198.51.100.0/120} is
     * 198.51.100.0/24 and {@code ::ffff:0:0/96} all of IPv4. A mapped prefix under /96 is an IPv6 range
     * reaching beyond IPv4 ({@code ::ffff:1.2.3.4/8} is {@code ::/8}), which IPv4 ranges cannot hold:
     * refused ({@link #fault} says why).
     */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        Optional<InetAddress> address = IpAddresses.parse(addressPart);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = address.get().getAddress();
        boolean mapped = isIpv4Mapped(addressPart, address.get());
        int writtenBits = mapped ? 128 : bytes.length * 8;
        int prefix = writtenBits;
        if (slash >= 0) {
            String prefixText = trimmed.substring(slash + 1);
            if (!PREFIX.matcher(prefixText).matches()) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(prefixText);
            if (prefix > writtenBits) {
                return Optional.empty();
            }
        }
        if (mapped) {
            if (prefix < MAPPED_PREFIX_BITS) {
                return Optional.empty();
            }
            prefix -= MAPPED_PREFIX_BITS;
        }
        return Optional.of(new Cidr(bytes, prefix));
    }

    /** Why {@code text} is not a range {@link #parse} reads, for a person; empty when it is one. */
    public static Optional<String> fault(String text) {
        if (parse(text).isPresent()) {
            return Optional.empty();
        }
        String trimmed = text == null ? "" : text.trim();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (slash >= 0 && IpAddresses.parse(addressPart).filter(address -> isIpv4Mapped(addressPart, address)).isPresent()) {
            return Optional.of(EXPECTATION + "; \"" + trimmed + "\" is an IPv4-mapped address, whose prefix counts IPv6's 128 bits, from /96"
                    + " (all of IPv4) to /128 (one address): ::ffff:198.51.100.0/120 is 198.51.100.0/24");
        }
        return Optional.of(EXPECTATION);
    }

    /** An IPv6 literal that {@link IpAddresses#parse} read as the IPv4 address it maps. */
    private static boolean isIpv4Mapped(String literal, InetAddress address) {
        return address.getAddress().length == 4 && literal.indexOf(':') >= 0;
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(candidate, prefixLength), network);
    }

    private static byte[] mask(byte[] bytes, int prefixLength) {
        for (int i = 0; i < bytes.length; i++) {
            int bitsInThisByte = Math.max(0, Math.min(8, prefixLength - i * 8));
            int byteMask = bitsInThisByte == 0 ? 0 : (0xff << (8 - bitsInThisByte)) & 0xff;
            bytes[i] = (byte) (bytes[i] & byteMask);
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return IpAddresses.format(InetAddress.getByAddress(network)) + "/" + prefixLength;
        }
        catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
