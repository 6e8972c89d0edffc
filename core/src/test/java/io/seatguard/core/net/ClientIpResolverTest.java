package io.seatguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ClientIpResolverTest {
    private final ClientIpResolver loopbackOnly = ClientIpResolver.loopbackOnly();
    private final ClientIpResolver behindLoadBalancer = new ClientIpResolver(List.of(
            Cidr.parse("127.0.0.0/8").orElseThrow(), Cidr.parse("10.0.0.0/8").orElseThrow()));

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeadersSay() {
        assertThat(loopbackOnly.resolve(ip("203.0.113.7"), List.of("198.51.100.1"))).isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void aTrustedPeerSpeaksForTheRightMostUntrustedHop() {
        // The client forged "1.1.1.1"; the load balancer appended what it saw, 198.51.100.9.
        assertThat(behindLoadBalancer.resolve(ip("127.0.0.1"), List.of("1.1.1.1, 198.51.100.9, 10.0.0.5")))
                .isEqualTo(ip("198.51.100.9"));
    }

    @Test
    void withoutForwardedForATrustedPeerIsItself() {
        assertThat(loopbackOnly.resolve(ip("127.0.0.1"), List.of())).isEqualTo(ip("127.0.0.1"));
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsUsed() {
        assertThat(behindLoadBalancer.resolve(ip("127.0.0.1"), List.of("10.0.0.1, 10.0.0.2"))).isEqualTo(ip("10.0.0.1"));
    }

    @Test
    void aMalformedHopStopsTheWalkAtTheLastTrustedAddress() {
        assertThat(behindLoadBalancer.resolve(ip("127.0.0.1"), List.of("198.51.100.9, not-an-ip, 10.0.0.5"))).isEqualTo(ip("10.0.0.5"));
        assertThat(loopbackOnly.resolve(ip("127.0.0.1"), List.of("unknown"))).isEqualTo(ip("127.0.0.1"));
    }

    @Test
    void severalHeadersAreReadAsOneListInOrder() {
        assertThat(behindLoadBalancer.resolve(ip("127.0.0.1"), List.of("198.51.100.1", "198.51.100.2, 10.0.0.3"))).isEqualTo(ip("198.51.100.2"));
    }

    @Test
    void portsAndBracketsAreStripped() {
        assertThat(loopbackOnly.resolve(ip("127.0.0.1"), List.of("198.51.100.4:5123"))).isEqualTo(ip("198.51.100.4"));
        assertThat(loopbackOnly.resolve(ip("::1"), List.of("[2001:db8::1]:443"))).isEqualTo(ip("2001:db8::1"));
        assertThat(loopbackOnly.resolve(ip("::1"), List.of("2001:db8::2"))).isEqualTo(ip("2001:db8::2"));
    }

    @Property
    void whateverAClientPrependsTheAnswerIsTheAddressTheProxySaw(@ForAll @IntRange(min = 0, max = 255) int a, @ForAll @IntRange(min = 0, max = 255) int b,
            @ForAll("forgedPrefixes") String forged) {
        InetAddress seen = ip("198.51." + a + "." + b);
        String header = (forged.isEmpty() ? "" : forged + ", ") + "198.51." + a + "." + b;
        assertThat(loopbackOnly.resolve(ip("127.0.0.1"), List.of(header))).isEqualTo(seen);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> forgedPrefixes() {
        return net.jqwik.api.Arbitraries.of("", "1.2.3.4", "127.0.0.1", "garbage", "::1, 8.8.8.8", "10.0.0.1,,", "[::1]:80");
    }

    private static InetAddress ip(String text) {
        return IpAddresses.parse(text).orElseThrow();
    }
}
