package io.seatguard.core.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInLockoutTest {
    @Test
    void fiveFreeTriesThenAWaitThatDoublesUpToAnHour() {
        for (int failures = 0; failures < SignInLockout.FREE_TRIES; failures++) {
            assertThat(SignInLockout.waitAfter(failures)).isZero();
        }
        assertThat(SignInLockout.waitAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInLockout.waitAfter(6)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SignInLockout.waitAfter(8)).isEqualTo(Duration.ofMinutes(8));
        assertThat(SignInLockout.waitAfter(11)).isEqualTo(Duration.ofHours(1));
        assertThat(SignInLockout.waitAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }
}
