package io.seatguard.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Strict parsing of IP address literals.
 *
 * <p>{@link InetAddress#getByName} accepts legacy IPv4 forms ({@code "1.2.3"}, {@code "0x7f.1"}), looser
 * IPv6 text than the standards (see {@link Ipv6Literals}), and falls back to a DNS lookup for anything
 * else. Client input must never cause a lookup, so neither form is handed to it: IPv4 is read here as
 * RFC 3986's dotted quad, IPv6 by {@link Ipv6Literals}, and only the bytes go to the JDK.
 */
public final class IpAddresses {
    // Prefixes of IPv6 addresses that carry an IPv4 one (isGlobal).
    private static final byte[] NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] IPV4_COMPATIBLE = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] IPV4_MAPPED = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
    private static final byte[] IPV4_TRANSLATED = {0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
    private static final byte[] SIX_TO_FOUR = {0x20, 0x02};
    private static final byte[] TEREDO = {0x20, 0x01, 0, 0};

    /** The longest IPv6 text with an embedded IPv4 address ({@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}). */
    private static final int LONGEST_LITERAL = 45;

    private IpAddresses() {}

    /**
     * Parses an IPv4 or IPv6 literal; empty for anything else (host names, zone ids, brackets). An
     * IPv4-mapped IPv6 address ({@code ::ffff:1.2.3.4}) comes back as the IPv4 address it carries.
     */
    public static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > LONGEST_LITERAL) {
            return Optional.empty();
        }
        byte[] bytes = text.indexOf(':') >= 0 ? Ipv6Literals.parse(text).orElse(null) : dottedQuad(text);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            // Sixteen bytes of ::ffff:0:0/96 become an Inet4Address here: every client address compares as IPv4 then.
            return Optional.of(InetAddress.getByAddress(bytes));
        }
        catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are always an IP address", e);
        }
    }

    /**
     * The four bytes of an IPv4 address in RFC 3986's dotted-quad form (four decimal octets 0-255, no
     * leading zeros, no signs or spaces), or null for any other text. Read by hand, not by a regular
     * expression and {@link InetAddress#getByName}: the installed ASN table is a million addresses read at
     * every start and reload, and the two were three quarters of a test server's start.
     */
    static byte[] dottedQuad(String text) {
        int length = text.length();
        if (length < 7 || length > 15) {
            return null;
        }
        byte[] bytes = new byte[4];
        int position = 0;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (position >= length || text.charAt(position) != '.') {
                    return null;
                }
                position++;
            }
            int start = position;
            int value = 0;
            while (position < length && position - start < 3) {
                char c = text.charAt(position);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                position++;
            }
            int digits = position - start;
            if (digits == 0 || (digits > 1 && text.charAt(start) == '0') || value > 255) {
                return null;
            }
            bytes[octet] = (byte) value;
        }
        return position == length ? bytes : null;
    }

    /**
     * Whether an address is reachable across the internet, as IANA's special-purpose registries say
     * ({@link SpecialPurposeAddresses} holds their table): not private (RFC 1918, IPv6 unique-local),
     * shared (carrier-grade NAT), loopback, link-local, unspecified, multicast, benchmarking,
     * documentation (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, 3fff::/20), an IETF
     * protocol assignment that is not itself reachable (192.0.0.0/24, 2001::/23), and the like. Only a
     * global address can say where a network is, and only one may be a webhook's target.
     *
     * <p>An IPv6 address that carries an IPv4 one is judged by the IPv4 address it leads to, because that
     * is where a connection to it ends up: IPv4-mapped {@code ::ffff:0:0/96} (the JDK's own resolver hands
     * an AAAA answer {@code ::ffff:7f00:1} back as an {@code Inet6Address} that is not "loopback", yet a
     * dual-stack socket connects it to 127.0.0.1), IPv4-translated {@code ::ffff:0:0:0/96} (RFC 2765),
     * the old IPv4-compatible {@code ::/96}, NAT64 {@code 64:ff9b::/96} (through a NAT64 gateway,
     * 64:ff9b::a9fe:a9fe is 169.254.169.254), 6to4 {@code 2002::/16}, and Teredo {@code 2001::/32}
     * (both its server's address and its client's, which is stored inverted). The local-use NAT64
     * prefix {@code 64:ff9b:1::/48} (RFC 8215) leads into a network's own IPv4 space, wherever the
     * IPv4 address sits in it, and is never global.
     */
    public static boolean isGlobal(InetAddress address) {
        List<InetAddress> carried = carriedIpv4(address.getAddress());
        if (!carried.isEmpty()) {
            return carried.stream().allMatch(IpAddresses::isGlobal);
        }
        return SpecialPurposeAddresses.globallyReachable(address);
    }

    /** The IPv4 addresses an IPv6 address carries (see {@link #isGlobal}); empty when it carries none. */
    private static List<InetAddress> carriedIpv4(byte[] bytes) {
        if (bytes.length == 4) {
            return List.of();
        }
        if (startsWith(bytes, NAT64) || startsWith(bytes, IPV4_COMPATIBLE) || startsWith(bytes, IPV4_MAPPED) || startsWith(bytes, IPV4_TRANSLATED)) {
            return List.of(ipv4(bytes, 12, false));
        }
        if (startsWith(bytes, SIX_TO_FOUR)) {
            return List.of(ipv4(bytes, 2, false));
        }
        if (startsWith(bytes, TEREDO)) {
            // RFC 4380 §4: the server's address in bits 32-63, the client's (its NAT's) inverted in the last 32.
            return List.of(ipv4(bytes, 4, false), ipv4(bytes, 12, true));
        }
        return List.of();
    }

    private static InetAddress ipv4(byte[] bytes, int from, boolean inverted) {
        byte[] ipv4 = Arrays.copyOfRange(bytes, from, from + 4);
        if (inverted) {
            for (int i = 0; i < 4; i++) {
                ipv4[i] = (byte) ~ipv4[i];
            }
        }
        try {
            return InetAddress.getByAddress(ipv4);
        }
        catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * The client an address stands for, in limits counted per client: the IPv4 address itself, or the IPv6
     * address's /64 (one subscriber's whole prefix, which it could otherwise walk address by address).
     */
    public static String clientKey(InetAddress address) {
        return address instanceof java.net.Inet6Address ? network(address) : format(address);
    }

    /**
     * The network an address is on, as far as addresses alone can tell: its /24 for IPv4 (a home or office
     * line's neighbourhood, a carrier NAT pool's slice) and its /64 for IPv6 (one subscriber's LAN), in the
     * canonical text of the prefix ({@code 203.0.113.0/24}, {@code 2001:db8:1:2::/64}).
     */
    public static String network(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        }
        byte[] prefix = new byte[16];
        System.arraycopy(bytes, 0, prefix, 0, 8);
        return Ipv6Literals.compressed(prefix) + "/64";
    }

    /** The canonical text of an address: dotted quad, or RFC 5952 compressed IPv6. */
    public static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        if (address instanceof Inet6Address) {
            return Ipv6Literals.compressed(address.getAddress());
        }
        throw new IllegalArgumentException("not an IP address: " + address);
    }
}
