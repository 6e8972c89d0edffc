package io.seatguard.server.stun;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/**
 * Review finding: the limit was per source address, and an IPv6 subscriber sends from any address of its
 * /64, so rotating addresses had every request answered. IPv6 sources are now counted per /64; IPv4 stays
 * per address. On a clock that does not move, so that only the bucket's size is tested.
 */
class StunRateLimitTest {
    private static final TimeMeter STOPPED = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return 0;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    @Test
    void anIpv6SourceRotatingThroughItsSlash64SharesOneBucket() throws UnknownHostException {
        StunRateLimit limit = new StunRateLimit(3, 1, 100, STOPPED);
        int answered = 0;
        for (int host = 1; host <= 10; host++) {
            if (limit.allow(InetAddress.getByName("2001:db8:1:2::" + Integer.toHexString(host)))) {
                answered++;
            }
        }
        assertThat(answered).as("ten addresses of one /64: the burst, then silence").isEqualTo(3);
        assertThat(limit.allow(InetAddress.getByName("2001:db8:1:2:ffff:ffff:ffff:ffff"))).as("the /64's last address too").isFalse();
        assertThat(limit.allow(InetAddress.getByName("2001:db8:1:3::1"))).as("the next /64 has its own bucket").isTrue();
    }

    @Test
    void ipv4SourcesStayCountedPerAddress() throws UnknownHostException {
        StunRateLimit limit = new StunRateLimit(3, 1, 100, STOPPED);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.allow(InetAddress.getByName("198.51.100.7"))).isTrue();
        }
        assertThat(limit.allow(InetAddress.getByName("198.51.100.7"))).isFalse();
        assertThat(limit.allow(InetAddress.getByName("198.51.100.8"))).as("a neighbour behind another NAT address").isTrue();
    }
}
