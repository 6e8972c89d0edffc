package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.testing.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The browser rate limit: a token bucket per app and client, refilled over a minute. */
class BrowserCallLimitTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));

    private static InetAddress address(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void aClientMakesTheLimitsCallsAtOnceThenOneEachShareOfTheMinute() throws Exception {
        BrowserCallLimit limit = new BrowserCallLimit(6, clock);
        InetAddress client = address("203.0.113.7");
        for (int i = 0; i < 6; i++) {
            assertThat(limit.take("app_a", client)).as("call %d", i + 1).isEmpty();
        }
        assertThat(limit.take("app_a", client)).as("the seventh waits for a tenth of the minute").hasValue(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(4));
        assertThat(limit.take("app_a", client)).hasValue(Duration.ofSeconds(6));
        clock.advance(Duration.ofSeconds(6));
        assertThat(limit.take("app_a", client)).as("one call is back").isEmpty();
        assertThat(limit.take("app_a", client)).isPresent();
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 6; i++) {
            assertThat(limit.take("app_a", client)).as("a minute later the whole bucket, call %d", i + 1).isEmpty();
        }
        assertThat(limit.take("app_a", client)).isPresent();
    }

    @Test
    void eachAppAndEachClientHasItsOwnBucketAndAnIpv6ClientIsItsSlash64() throws Exception {
        BrowserCallLimit limit = new BrowserCallLimit(1, clock);
        assertThat(limit.take("app_a", address("203.0.113.7"))).isEmpty();
        assertThat(limit.take("app_a", address("203.0.113.7"))).isPresent();
        assertThat(limit.take("app_b", address("203.0.113.7"))).as("another app").isEmpty();
        assertThat(limit.take("app_a", address("203.0.113.8"))).as("another address").isEmpty();

        assertThat(limit.take("app_a", address("2001:db8:1:2::1"))).isEmpty();
        assertThat(limit.take("app_a", address("2001:db8:1:2:ffff::9"))).as("the same /64, walked").isPresent();
        assertThat(limit.take("app_a", address("2001:db8:1:3::1"))).as("another /64").isEmpty();
    }

    @Test
    void zeroCountsNothing() throws Exception {
        BrowserCallLimit limit = new BrowserCallLimit(0, clock);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limit.take("app_a", address("203.0.113.7"))).isEmpty();
        }
    }
}
