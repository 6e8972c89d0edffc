package io.seatguard.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.testing.MutableClock;
import io.seatguard.core.webhook.EndpointHealth.DisabledReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The gauge's reading of storage: at most one read per 5 s, and NaN, not 0, when storage cannot say. */
class DisabledEndpointCountsTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void readsStorageAtMostEveryFiveSecondsAndSaysNanWhenItCannot() {
        MutableClock clock = new MutableClock(T0);
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicReference<Map<DisabledReason, Long>> stored = new AtomicReference<>(Map.of(DisabledReason.MANUAL, 2L));
        DisabledEndpointCounts counts = new DisabledEndpointCounts(() -> {
            reads.incrementAndGet();
            if (failure.get() != null) {
                throw failure.get();
            }
            return stored.get();
        }, clock);

        assertThat(counts.count(DisabledReason.MANUAL)).isEqualTo(2);
        assertThat(counts.count(DisabledReason.FAILING)).as("a reason no endpoint has").isZero();
        stored.set(Map.of(DisabledReason.MANUAL, 2L, DisabledReason.FAILING, 1L));
        clock.advance(Duration.ofSeconds(4));
        assertThat(counts.count(DisabledReason.FAILING)).as("kept for 5 s").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(counts.count(DisabledReason.FAILING)).isEqualTo(1);
        assertThat(reads.get()).isEqualTo(2);

        failure.set(new IllegalStateException("storage unavailable (test)"));
        clock.advance(Duration.ofSeconds(5));
        assertThat(counts.count(DisabledReason.MANUAL)).isNaN();
        assertThat(counts.count(DisabledReason.FAILING)).isNaN();
        assertThat(reads.get()).as("a failed read is not tried again at once").isEqualTo(3);
    }
}
