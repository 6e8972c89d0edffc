package io.seatguard.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.testing.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Review finding: the resolver's pins only grew. They expire, and there are never more than the capacity. */
class ResolverPinsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final ResolverPins pins = new ResolverPins(clock, Duration.ofSeconds(60), 3);

    @Test
    void aPinAnswersUntilItExpiresAndIsThenDropped() throws Exception {
        List<InetAddress> addresses = List.of(InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, 9}));
        assertThat(pins.pin("Hooks.Example", addresses)).isTrue();
        assertThat(pins.addresses("hooks.example")).contains(addresses);
        clock.advance(Duration.ofSeconds(60));
        assertThat(pins.addresses("hooks.example")).isEmpty();
        assertThat(pins.size()).as("dropped when found expired").isZero();
    }

    @Test
    void noMoreHostsArePinnedThanTheCapacityAndExpiredOnesMakeRoom() throws Exception {
        List<InetAddress> addresses = List.of(InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, 9}));
        for (String host : List.of("a.example", "b.example", "c.example")) {
            assertThat(pins.pin(host, addresses)).isTrue();
        }
        assertThat(pins.pin("d.example", addresses)).as("full of fresh pins: refused, none in use evicted").isFalse();
        assertThat(pins.pin("a.example", addresses)).as("a pinned host is pinned again").isTrue();
        assertThat(pins.addresses("b.example")).isPresent();

        clock.advance(Duration.ofSeconds(61));
        assertThat(pins.pin("d.example", addresses)).isTrue();
        assertThat(pins.size()).as("the expired ones went").isEqualTo(1);
    }
}
