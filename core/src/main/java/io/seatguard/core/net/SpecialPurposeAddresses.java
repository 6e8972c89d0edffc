package io.seatguard.core.net;

import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;

/**
 * The one table of address ranges that are not reachable across the internet, copied row by row from
 * IANA's registries, and the rule that reads it.
 *
 * <p>The rows are those of the IANA IPv4 Special-Purpose Address Registry
 * (https://www.iana.org/assignments/iana-ipv4-special-registry) and the IANA IPv6 Special-Purpose Address
 * Registry (https://www.iana.org/assignments/iana-ipv6-special-registry), RFC 6890 and RFC 8190, as they
 * stand in 2025, each with its "Globally Reachable" column. The registries nest ranges and a more
 * specific row overrides the one it sits in (192.0.0.9/32, PCP anycast, is reachable inside
 * 192.0.0.0/24, which is not; AMT's 2001:3::/32 inside 2001::/23), so an address takes the answer of the
 * most specific row that holds it, and an address in no row is an ordinary allocation, reachable. A
 * row whose column is blank (a deprecated block: 192.88.99.0/24, once 6to4 relay anycast; 2001:10::/28,
 * the first ORCHID) counts as not reachable: nobody may be reached there any more.
 *
 * <p>Left out, because {@link IpAddresses#isGlobal} judges an address in them by the IPv4 address it
 * carries before this table is read: IPv4-mapped {@code ::ffff:0:0/96} (not reachable as an IPv6
 * destination, but a dual-stack socket connects it to its IPv4 address), NAT64 {@code 64:ff9b::/96}
 * (reachable), Teredo {@code 2001::/32} and 6to4 {@code 2002::/16} (both "N/A").
 *
 * <p>Added, from IANA's address-space registries rather than the special-purpose ones: multicast
 * (224.0.0.0/4, ff00::/8), which is no unicast host anywhere, the deprecated IPv6 site-local
 * fec0::/10 (RFC 3879), which old networks still route internally, and the IPv6 space's split: only
 * 2000::/3 is allocated for global unicast, and everything else is "Reserved by IETF" (4000::1 reaches
 * nobody on the internet; a network that routes it routes it internally). The special-purpose rows
 * outside 2000::/3 are more specific than {@code ::/0}, so they keep their own answers.
 */
final class SpecialPurposeAddresses {
    /** One registry row: a range and whether its "Globally Reachable" column says True. */
    private record Row(Cidr range, boolean globallyReachable) {}

    private static final boolean REACHABLE = true;
    private static final boolean NOT_REACHABLE = false;

    /** In the registries' order; the order does not matter, the longest prefix decides. */
    private static final List<Row> ROWS = List.of(
            // IPv4 Special-Purpose Address Registry
            row("0.0.0.0/8", NOT_REACHABLE), // "This network", RFC 791
            row("0.0.0.0/32", NOT_REACHABLE), // "This host on this network", RFC 1122
            row("10.0.0.0/8", NOT_REACHABLE), // Private-Use, RFC 1918
            row("100.64.0.0/10", NOT_REACHABLE), // Shared Address Space (carrier-grade NAT), RFC 6598
            row("127.0.0.0/8", NOT_REACHABLE), // Loopback, RFC 1122
            row("169.254.0.0/16", NOT_REACHABLE), // Link Local, RFC 3927
            row("172.16.0.0/12", NOT_REACHABLE), // Private-Use, RFC 1918
            row("192.0.0.0/24", NOT_REACHABLE), // IETF Protocol Assignments, RFC 6890
            row("192.0.0.0/29", NOT_REACHABLE), // IPv4 Service Continuity Prefix (DS-Lite), RFC 7335
            row("192.0.0.8/32", NOT_REACHABLE), // IPv4 dummy address, RFC 7600
            row("192.0.0.9/32", REACHABLE), // Port Control Protocol Anycast, RFC 7723
            row("192.0.0.10/32", REACHABLE), // Traversal Using Relays around NAT Anycast, RFC 8155
            row("192.0.0.170/32", NOT_REACHABLE), // NAT64/DNS64 Discovery, RFC 7050
            row("192.0.0.171/32", NOT_REACHABLE), // NAT64/DNS64 Discovery, RFC 7050
            row("192.0.2.0/24", NOT_REACHABLE), // Documentation (TEST-NET-1), RFC 5737
            row("192.31.196.0/24", REACHABLE), // AS112-v4, RFC 7535
            row("192.52.193.0/24", REACHABLE), // AMT, RFC 7450
            row("192.88.99.0/24", NOT_REACHABLE), // Deprecated (6to4 Relay Anycast), RFC 7526: blank
            row("192.88.99.2/32", NOT_REACHABLE), // 6a44-relay anycast address, RFC 6751
            row("192.168.0.0/16", NOT_REACHABLE), // Private-Use, RFC 1918
            row("192.175.48.0/24", REACHABLE), // Direct Delegation AS112 Service, RFC 7534
            row("198.18.0.0/15", NOT_REACHABLE), // Benchmarking, RFC 2544
            row("198.51.100.0/24", NOT_REACHABLE), // Documentation (TEST-NET-2), RFC 5737
            row("203.0.113.0/24", NOT_REACHABLE), // Documentation (TEST-NET-3), RFC 5737
            row("240.0.0.0/4", NOT_REACHABLE), // Reserved, RFC 1112
            row("255.255.255.255/32", NOT_REACHABLE), // Limited Broadcast, RFC 8190
            // IPv4 Multicast Address Space Registry
            row("224.0.0.0/4", NOT_REACHABLE), // Multicast, RFC 5771
            // IPv6 Special-Purpose Address Registry
            row("::1/128", NOT_REACHABLE), // Loopback Address, RFC 4291
            row("::/128", NOT_REACHABLE), // Unspecified Address, RFC 4291
            row("64:ff9b:1::/48", NOT_REACHABLE), // IPv4-IPv6 Translat. (local-use NAT64), RFC 8215
            row("100::/64", NOT_REACHABLE), // Discard-Only Address Block, RFC 6666
            row("100:0:0:1::/64", NOT_REACHABLE), // Dummy IPv6 Prefix, RFC 9780
            row("2001::/23", NOT_REACHABLE), // IETF Protocol Assignments, RFC 2928
            row("2001:1::1/128", REACHABLE), // Port Control Protocol Anycast, RFC 7723
            row("2001:1::2/128", REACHABLE), // Traversal Using Relays around NAT Anycast, RFC 8155
            row("2001:1::3/128", REACHABLE), // DNS-SD Service Registration Protocol Anycast, RFC 9665
            row("2001:2::/48", NOT_REACHABLE), // Benchmarking, RFC 5180
            row("2001:3::/32", REACHABLE), // AMT, RFC 7450
            row("2001:4:112::/48", REACHABLE), // AS112-v6, RFC 7535
            row("2001:10::/28", NOT_REACHABLE), // Deprecated (previously ORCHID), RFC 4843: blank
            row("2001:20::/28", REACHABLE), // ORCHIDv2, RFC 7343
            row("2001:30::/28", REACHABLE), // Drone Remote ID Protocol Entity Tags (DETs), RFC 9374
            row("2001:db8::/32", NOT_REACHABLE), // Documentation, RFC 3849
            row("2620:4f:8000::/48", REACHABLE), // Direct Delegation AS112 Service, RFC 7534
            row("3fff::/20", NOT_REACHABLE), // Documentation, RFC 9637
            row("5f00::/16", NOT_REACHABLE), // Segment Routing (SRv6) SIDs, RFC 9602
            row("fc00::/7", NOT_REACHABLE), // Unique-Local, RFC 4193
            row("fe80::/10", NOT_REACHABLE), // Link-Local Unicast, RFC 4291
            // Internet Protocol Version 6 Address Space
            row("::/0", NOT_REACHABLE), // outside global unicast: "Reserved by IETF", RFC 4291
            row("2000::/3", REACHABLE), // Global Unicast, RFC 4291
            row("fec0::/10", NOT_REACHABLE), // deprecated site-local, RFC 3879
            row("ff00::/8", NOT_REACHABLE)); // Multicast, RFC 4291

    private SpecialPurposeAddresses() {}

    /** Whether the most specific row holding the address says it is reachable; true when no row holds it. */
    static boolean globallyReachable(InetAddress address) {
        return ROWS.stream()
                .filter(row -> row.range().contains(address))
                .max(Comparator.comparingInt(row -> row.range().prefixLength()))
                .map(Row::globallyReachable)
                .orElse(true);
    }

    private static Row row(String range, boolean globallyReachable) {
        Cidr cidr = Cidr.parse(range).orElseThrow(() -> new IllegalArgumentException("not a range: " + range));
        // An IPv6 row read as IPv4 (as an IPv4-mapped one is) would judge IPv4 addresses instead.
        if (cidr.network().length != (range.indexOf(':') >= 0 ? 16 : 4)) {
            throw new IllegalArgumentException("not a range of its own family: " + range);
        }
        return new Row(cidr, globallyReachable);
    }
}
