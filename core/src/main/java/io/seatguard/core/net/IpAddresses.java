package io.seatguard.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict parsing of IP address literals.
 *
 * <p>{@link InetAddress#getByName} accepts legacy IPv4 forms ({@code "1.2.3"}, {@code "0x7f.1"}) and falls
 * back to a DNS lookup for anything else. Client input must never cause a lookup, so IPv4 is matched
 * here against the dotted-quad grammar of RFC 3986 and IPv6 is only handed to the JDK once it is known
 * to be a literal (the JDK then validates it without any lookup).
 */
public final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpAddresses() {}

    /** Parses an IPv4 or IPv6 literal; empty for anything else (host names, zone ids, brackets). */
    public static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        try {
            if (IPV4.matcher(text).matches()) {
                return Optional.of(InetAddress.getByName(text));
            }
            if (text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches()) {
                InetAddress address = InetAddress.getByName(text);
                // An IPv4-mapped literal (::ffff:1.2.3.4) comes back as Inet4Address, which is what we want.
                return Optional.of(address);
            }
        }
        catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Whether an address is reachable across the internet: not private (RFC 1918, IPv6 unique-local),
     * shared (carrier-grade NAT, 100.64.0.0/10), benchmarking (198.18.0.0/15), loopback, link-local,
     * unspecified or multicast. An IPv6 address that carries an IPv4 one (NAT64 64:ff9b::/96, 6to4
     * 2002::/16, the old IPv4-compatible ::/96) is judged by the IPv4 address it leads to: through a
     * NAT64 gateway, 64:ff9b::a9fe:a9fe is 169.254.169.254. Only a global address can say where a
     * network is, and only one may be a webhook's target.
     */
    public static boolean isGlobal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            boolean sharedNat = (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
            boolean benchmarking = (bytes[0] & 0xff) == 198 && (bytes[1] & 0xfe) == 18;
            boolean reserved = (bytes[0] & 0xff) == 0 || (bytes[0] & 0xff) >= 240;
            return !sharedNat && !benchmarking && !reserved;
        }
        Optional<InetAddress> embedded = embeddedIpv4(bytes);
        if (embedded.isPresent()) {
            return isGlobal(embedded.get());
        }
        boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
        return !uniqueLocal;
    }

    /** The IPv4 address a NAT64 (64:ff9b::/96), 6to4 (2002::/16) or IPv4-compatible (::/96) address carries. */
    private static Optional<InetAddress> embeddedIpv4(byte[] bytes) {
        int from;
        if (startsWith(bytes, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})
                || startsWith(bytes, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})) {
            from = 12;
        }
        else if (bytes[0] == 0x20 && bytes[1] == 0x02) {
            from = 2;
        }
        else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, from, from + 4)));
        }
        catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
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
        return compressIpv6(prefix) + "/64";
    }

    /** The canonical text of an address: dotted quad, or RFC 5952 compressed IPv6. */
    public static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        if (address instanceof Inet6Address) {
            return compressIpv6(address.getAddress());
        }
        throw new IllegalArgumentException("not an IP address: " + address);
    }

    private static String compressIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        // RFC 5952 §4.2: replace the longest run (of at least two) of zero groups with "::".
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
