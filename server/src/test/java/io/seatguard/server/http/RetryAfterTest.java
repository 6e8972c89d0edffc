package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every {@code Retry-After} (challenge pages, the dashboard's sign-in back-off, the browser call limit)
 * is a wait that is enough: rounded up to the second. The dashboard's rounded down (29.7 s said 29).
 */
class RetryAfterTest {
    @Test
    void aWaitIsRoundedUpToTheWholeSecondAndIsAtLeastOne() {
        assertThat(RetryAfter.seconds(Duration.ofMillis(29_700))).isEqualTo(30);
        assertThat(RetryAfter.seconds(Duration.ofSeconds(30))).isEqualTo(30);
        assertThat(RetryAfter.seconds(Duration.ofSeconds(30).plusNanos(1))).isEqualTo(31);
        assertThat(RetryAfter.seconds(Duration.ofMinutes(5).minusMillis(1))).isEqualTo(300);
        assertThat(RetryAfter.seconds(Duration.ofMillis(200))).isEqualTo(1);
        assertThat(RetryAfter.seconds(Duration.ZERO)).as("never 0: a client would ask again at once").isEqualTo(1);
        assertThat(RetryAfter.seconds(Duration.ofMillis(-5))).isEqualTo(1);
    }
}
