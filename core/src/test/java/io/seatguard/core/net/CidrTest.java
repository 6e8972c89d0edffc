package io.seatguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;

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
}
