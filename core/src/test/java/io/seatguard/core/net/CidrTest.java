package io.seatguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void containsAddressesInsideItsPrefixOnly() {
        Cidr network = Cidr.parse("10.1.0.0/16").orElseThrow();
        assertThat(network.contains(IpAddresses.parse("10.1.255.3").orElseThrow())).isTrue();
        assertThat(network.contains(IpAddresses.parse("10.2.0.1").orElseThrow())).isFalse();
        assertThat(network.contains(IpAddresses.parse("::1").orElseThrow())).isFalse();
    }

    @Test
    void aBareAddressIsAOneHostNetworkAndHostBitsAreMasked() {
        assertThat(Cidr.parse("192.0.2.9").orElseThrow().toString()).isEqualTo("192.0.2.9/32");
        assertThat(Cidr.parse("192.0.2.9/24").orElseThrow()).isEqualTo(Cidr.parse("192.0.2.0/24").orElseThrow());
        assertThat(Cidr.parse("2001:db8::/32").orElseThrow().contains(IpAddresses.parse("2001:db8:ffff::1").orElseThrow())).isTrue();
    }

    @Test
    void refusesBadPrefixes() {
        assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
        assertThat(Cidr.parse("10.0.0.0/-1")).isEmpty();
        assertThat(Cidr.parse("10.0.0.0/")).isEmpty();
        assertThat(Cidr.parse("host/8")).isEmpty();
        assertThat(Cidr.parse("::/129")).isEmpty();
    }

    /**
     * Review finding: an IPv4-mapped range had its prefix read in IPv4's 32 bits, so {@code ::ffff:1.2.3.4/8}
     * (in IPv6 notation ::/8) was stored as 1.0.0.0/8, while the rightly written {@code ::ffff:198.51.100.0/120}
     * and {@code ::ffff:0:0/96} were refused. The prefix counts IPv6's 128 bits: /96 is all of IPv4.
     */
    @Test
    void anIpv4MappedRangeCountsItsPrefixInIpv6sBits() {
        assertThat(Cidr.parse("::ffff:198.51.100.0/120")).contains(Cidr.parse("198.51.100.0/24").orElseThrow());
        assertThat(Cidr.parse("::ffff:198.51.100.0/120").orElseThrow().toString()).isEqualTo("198.51.100.0/24");
        assertThat(Cidr.parse("::ffff:0:0/96").orElseThrow().toString()).isEqualTo("0.0.0.0/0");
        assertThat(Cidr.parse("::FFFF:c633:6400/120").orElseThrow().toString()).as("hex groups").isEqualTo("198.51.100.0/24");
        assertThat(Cidr.parse("::ffff:1.2.3.4/128").orElseThrow().toString()).isEqualTo("1.2.3.4/32");
        assertThat(Cidr.parse("::ffff:1.2.3.4").orElseThrow().toString()).isEqualTo("1.2.3.4/32");
        assertThat(Cidr.parse("::ffff:1.2.3.4/127").orElseThrow().toString()).isEqualTo("1.2.3.4/31");
        for (String beyondIpv4 : List.of("::ffff:1.2.3.4/8", "::ffff:1.2.3.4/32", "::ffff:0:0/95", "::ffff:1.2.3.4/0", "::ffff:1.2.3.4/129")) {
            assertThat(Cidr.parse(beyondIpv4)).as(beyondIpv4).isEmpty();
        }
        assertThat(Cidr.fault("::ffff:1.2.3.4/8")).hasValueSatisfying(fault -> assertThat(fault).contains("::ffff:1.2.3.4/8").contains("/96")
                .contains("::ffff:198.51.100.0/120"));
        assertThat(Cidr.fault("::ffff:198.51.100.0/120")).isEmpty();
        assertThat(Cidr.fault("10.0.0.0/33")).hasValue("must be an IP address or a CIDR range such as 203.0.113.0/24");
    }
}
