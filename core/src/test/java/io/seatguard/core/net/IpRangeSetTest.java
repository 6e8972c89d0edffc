package io.seatguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class IpRangeSetTest {
    private static InetAddress ip(String text) {
        return IpAddresses.parse(text).orElseThrow();
    }

    private static IpRangeSet of(String... cidrs) {
        IpRangeSet.Builder builder = IpRangeSet.builder();
        for (String cidr : cidrs) {
            builder.add(Cidr.parse(cidr).orElseThrow());
        }
        return builder.build();
    }

    @Test
    void holdsExactlyItsRangesBoundariesIncluded() {
        IpRangeSet set = of("10.0.0.0/8", "192.0.2.7", "2001:db8::/32");
        assertThat(set.contains(ip("10.0.0.0"))).isTrue();
        assertThat(set.contains(ip("10.255.255.255"))).isTrue();
        assertThat(set.contains(ip("9.255.255.255"))).isFalse();
        assertThat(set.contains(ip("11.0.0.0"))).isFalse();
        assertThat(set.contains(ip("192.0.2.7"))).isTrue();
        assertThat(set.contains(ip("192.0.2.8"))).isFalse();
        assertThat(set.contains(ip("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(set.contains(ip("2001:db9::"))).isFalse();
    }

    @Test
    void keepsTheFamiliesApart() {
        // ::a00:1 has the same low 32 bits as 10.0.0.1; an IPv4 range must not hold it.
        assertThat(of("10.0.0.0/8").contains(ip("::a00:1"))).isFalse();
        assertThat(of("::/96").contains(ip("10.0.0.1"))).isFalse();
    }

    @Test
    void mergesOverlappingAndTouchingRanges() {
        assertThat(of("10.0.0.0/25", "10.0.0.128/25", "10.0.0.64/26", "0.0.0.0/0").size()).isEqualTo(1);
        assertThat(of("10.0.0.0/25", "10.0.0.128/25").size()).isEqualTo(1);
        assertThat(of("10.0.0.0/25", "10.0.1.0/25").size()).isEqualTo(2);
        assertThat(of("::/0", "ffff::/16").size()).isEqualTo(1);
        assertThat(IpRangeSet.EMPTY.contains(ip("1.2.3.4"))).isFalse();
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> IpRangeSet.builder().add(ip("10.0.0.2"), ip("10.0.0.1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRangeSet.builder().add(ip("10.0.0.1"), ip("::1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void answersAsCheckingEveryCidrWould(@ForAll("cidrs") List<Cidr> cidrs, @ForAll("addresses") List<InetAddress> probes) {
        IpRangeSet.Builder builder = IpRangeSet.builder();
        cidrs.forEach(builder::add);
        IpRangeSet set = builder.build();
        for (InetAddress probe : probes) {
            assertThat(set.contains(probe)).as(probe + " in " + cidrs).isEqualTo(cidrs.stream().anyMatch(c -> c.contains(probe)));
        }
        for (Cidr cidr : cidrs) {
            assertThat(set.contains(address(cidr.network()))).isTrue();
        }
    }

    @Provide
    Arbitrary<List<Cidr>> cidrs() {
        Arbitrary<Cidr> v4 = Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(4), Arbitraries.integers().between(0, 32))
                .as(Cidr::new);
        Arbitrary<Cidr> v6 = Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(16), Arbitraries.integers().between(0, 128))
                .as(Cidr::new);
        return Arbitraries.oneOf(v4, v6).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<InetAddress>> addresses() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofSize(4), Arbitraries.bytes().array(byte[].class).ofSize(16))
                .map(IpRangeSetTest::address).list().ofMaxSize(20);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        }
        catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
