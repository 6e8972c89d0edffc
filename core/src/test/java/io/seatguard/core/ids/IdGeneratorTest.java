package io.seatguard.core.ids;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {
    @Test
    void evaluationIdsAreVersion7AndSortByTime() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
        IdGenerator ids = new IdGenerator(clock, new Random(3));
        String earlier = ids.newTimeOrderedId();
        clock.advance(Duration.ofMillis(1));
        String later = ids.newTimeOrderedId();
        assertThat(UUID.fromString(earlier).version()).isEqualTo(7);
        assertThat(UUID.fromString(earlier).variant()).isEqualTo(2);
        assertThat(later).isGreaterThan(earlier);
        assertThat(UUID.fromString(earlier).getMostSignificantBits() >>> 16).isEqualTo(clock.millis() - 1);
    }

    /** Review 48b: a far time wrapped (before 1970) or overflowed (a year of nine digits) the 48-bit time. */
    @Test
    void aLowerBoundBeyondTheIdsTimesIsBelowOrAboveEveryId() {
        String id = new IdGenerator(java.time.InstantSource.system(), new Random(3)).newTimeOrderedId();
        assertThat(IdGenerator.lowerBound(Instant.parse("1960-01-01T00:00:00Z"))).isLessThan(id).isEqualTo(IdGenerator.lowerBound(Instant.MIN));
        assertThat(IdGenerator.lowerBound(Instant.EPOCH)).isLessThan(id);
        assertThat(IdGenerator.lowerBound(Instant.parse("9999-12-31T23:59:59Z"))).isGreaterThan(id);
        assertThat(IdGenerator.lowerBound(Instant.parse("+300000000-01-01T00:00:00Z"))).isGreaterThan(id)
                .isEqualTo(IdGenerator.lowerBound(Instant.MAX)).isGreaterThan(IdGenerator.lowerBound(Instant.ofEpochMilli((1L << 48) - 1)));
    }

    @Test
    void deviceIdsAreVersion4() {
        IdGenerator ids = new IdGenerator(java.time.InstantSource.system(), new Random(3));
        assertThat(UUID.fromString(ids.newRandomId()).version()).isEqualTo(4);
        assertThat(ids.newRandomId()).isNotEqualTo(ids.newRandomId());
    }
}
