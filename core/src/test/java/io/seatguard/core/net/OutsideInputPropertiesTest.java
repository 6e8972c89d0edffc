package io.seatguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Parsers of outside input must answer, never throw, whatever a client sends: IP literals (the server-mode
 * {@code ip}, {@code local_ips}), CIDR ranges (configuration) and {@code X-Forwarded-For} headers.
 */
class OutsideInputPropertiesTest {
    @Property(tries = 2000)
    void anyTextParsesAsAnAddressOrNothing(@ForAll("addressLike") String text) {
        Optional<InetAddress> parsed = IpAddresses.parse(text);
        parsed.ifPresent(address -> assertThat(IpAddresses.parse(IpAddresses.format(address))).contains(address));
    }

    @Property(tries = 1000)
    void everyIpv4AddressRoundTrips(@ForAll @IntRange(min = 0, max = 255) int a, @ForAll @IntRange(min = 0, max = 255) int b,
            @ForAll @IntRange(min = 0, max = 255) int c, @ForAll @IntRange(min = 0, max = 255) int d) {
        String text = a + "." + b + "." + c + "." + d;
        assertThat(IpAddresses.parse(text).map(IpAddresses::format)).contains(text);
    }

    @Property(tries = 1000)
    void everyIpv6AddressRoundTripsThroughItsCanonicalForm(@ForAll("ipv6Groups") List<Integer> groups) {
        StringBuilder full = new StringBuilder();
        for (int group : groups) {
            full.append(full.length() == 0 ? "" : ":").append(Integer.toHexString(group));
        }
        InetAddress address = IpAddresses.parse(full.toString()).orElseThrow();
        String canonical = IpAddresses.format(address);
        assertThat(IpAddresses.parse(canonical)).contains(address);
        assertThat(canonical).doesNotContain(":::").hasSizeLessThanOrEqualTo(39);
    }

    @Property(tries = 2000)
    void anyTextParsesAsARangeOrNothing(@ForAll("addressLike") String address, @ForAll("prefixLike") String prefix) {
        Cidr.parse(address + prefix).ifPresent(cidr -> assertThat(Cidr.parse(cidr.toString())).contains(cidr));
    }

    /** An IPv4-mapped range is the IPv4 range 96 bits shorter, and a mapped prefix under /96 (beyond IPv4) is none. */
    @Property(tries = 1000)
    void anIpv4MappedRangeIsTheIpv4RangeItMaps(@ForAll @IntRange(min = 0, max = 255) int a, @ForAll @IntRange(min = 0, max = 255) int b,
            @ForAll @IntRange(min = 0, max = 255) int c, @ForAll @IntRange(min = 0, max = 255) int d, @ForAll @IntRange(min = 0, max = 128) int prefix) {
        String ipv4 = a + "." + b + "." + c + "." + d;
        Optional<Cidr> mapped = Cidr.parse("::ffff:" + ipv4 + "/" + prefix);
        if (prefix < 96) {
            assertThat(mapped).isEmpty();
        }
        else {
            assertThat(mapped).isPresent().isEqualTo(Cidr.parse(ipv4 + "/" + (prefix - 96)));
        }
    }

    @Property(tries = 2000)
    void anyForwardedForHeaderResolvesToSomeAddress(@ForAll("headers") List<String> headers) {
        InetAddress peer = IpAddresses.parse("127.0.0.1").orElseThrow();
        assertThat(ClientIpResolver.loopbackOnly().resolve(peer, headers)).isNotNull();
    }

    @Provide
    Arbitrary<String> addressLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789abcdefABCDEF:.%[]/ x-").ofMaxLength(48),
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of("::", "::1", "1.2.3.4", "::ffff:1.2.3.4", "fe80::1%lo", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "0.0.0.0", "255.255.255.255"));
    }

    @Provide
    Arbitrary<String> prefixLike() {
        return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().withChars("/0123456789-x").ofMaxLength(5));
    }

    @Provide
    Arbitrary<List<Integer>> ipv6Groups() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 0xffff), Arbitraries.just(0)).list().ofSize(8);
    }

    @Provide
    Arbitrary<List<String>> headers() {
        Arbitrary<String> hop = Arbitraries.oneOf(addressLike(), Arbitraries.of("127.0.0.1", "::1", "198.51.100.7", "[2001:db8::1]:443", "unknown", ""));
        return hop.list().ofMaxSize(6).map(hops -> String.join(", ", hops)).list().ofMaxSize(3);
    }
}
